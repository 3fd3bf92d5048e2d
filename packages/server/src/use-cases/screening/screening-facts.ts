import type { PersonScreeningFacts } from '@redress/core';
import { listConvictions, saveScreeningFacts as writeScreeningFacts } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { loadPersonAccess, loadPersonForWrite } from '../people/person-access.js';
import { failWith } from '../policy.js';
import { readScreeningFacts } from './case-file-for-screening.js';

/** The person's screening facts ({} when none were recorded); seen as the person is. */
export const getScreeningFacts = async (
  deps: AppDeps,
  ctx: RequestContext,
  personId: string,
): Promise<PersonScreeningFacts> => {
  const db = deps.database.db;
  const access = await loadPersonAccess(db, ctx, personId);
  return (await readScreeningFacts(db, access.person.id)) ?? {};
};

/**
 * Replaces the person's screening facts. They are part of the person's record, so writing them
 * needs what editing the person's convictions needs (`mayWritePerson`); a conviction named in the
 * facts must be one of the person's. Audited in the same transaction, with the fields changed.
 */
export const saveScreeningFacts = (
  deps: AppDeps,
  ctx: RequestContext,
  personId: string,
  facts: PersonScreeningFacts,
): Promise<PersonScreeningFacts> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const access = await loadPersonForWrite(tx, ctx, personId, { forUpdate: true });
    const convictionIds = Object.keys(facts.convictions ?? {});
    if (convictionIds.length > 0) {
      const own = new Set((await listConvictions(tx, personId)).map((c) => c.id));
      const details: Record<string, string> = {};
      for (const id of convictionIds)
        if (!own.has(id)) details[`convictions.${id}`] = "Not one of this person's convictions";
      if (Object.keys(details).length > 0) failWith('invalid', 'request.invalid', 'Some fields are not valid', details);
    }
    const before = (await readScreeningFacts(tx, personId)) ?? {};
    await writeScreeningFacts(tx, {
      personId,
      facts,
      updatedBy: ctx.actor?.userId ?? null,
      now: deps.clock.now(),
    });
    const keys = new Set([...Object.keys(before), ...Object.keys(facts)]);
    const changed = [...keys].filter(
      (k) =>
        JSON.stringify((before as Record<string, unknown>)[k]) !==
        JSON.stringify((facts as Record<string, unknown>)[k]),
    );
    await audit({
      action: 'person.screening_facts_saved',
      entityType: 'person',
      entityId: access.person.id,
      details: { personId: access.person.id, changed: changed.sort() },
    });
    return facts;
  });
