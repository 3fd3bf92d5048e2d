import type { CreatePersonInput, PersonView, PossibleDuplicateView } from '@redress/core';
import {
  type Executor,
  findIdentifierHolder,
  findPersonForViewer,
  findPossibleDuplicates,
  insertAliases,
  insertIdentifiers,
  insertPerson,
  isUniqueViolation,
  type Viewer,
} from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { authorizeWorkspace, failWith } from '../policy.js';
import { loadPersonView } from './get-person.js';
import { loadPersonAccess, viewerOf } from './person-access.js';
import { todayOf } from './person-dates.js';

export type CreatedPerson = { person: PersonView; possibleDuplicates: PossibleDuplicateView[] };

/** The message for an identifier someone else holds: it names them only to a caller who may see them. */
export const identifierTakenMessage = async (
  db: Executor,
  viewer: Viewer | null,
  holder: { person_id: string; legal_name: string },
): Promise<string> =>
  (await findPersonForViewer(db, viewer, holder.person_id))
    ? `Already recorded for ${holder.legal_name} (${holder.person_id})`
    : 'Already recorded for another person';

export const identifierTaken = (details: Record<string, string>) =>
  failWith('conflict', 'person.identifier_taken', 'Another person already has this identifier', details);

/**
 * Records a new person (intake). Whoever may open matters may record people. The answer lists the
 * people the caller may see who may be the same person; an identifier already recorded in the same
 * system is refused (409) instead, since it cannot belong to two people.
 */
export const createPerson = (deps: AppDeps, ctx: RequestContext, input: CreatePersonInput): Promise<CreatedPerson> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const principal = authorizeWorkspace(ctx, 'matter.create');
    const viewer = viewerOf(ctx);
    if (input.dateOfBirth && input.dateOfBirth > todayOf(deps)) {
      failWith('invalid', 'request.invalid', 'Some fields are not valid', { dateOfBirth: 'In the future' });
    }
    const taken: Record<string, string> = {};
    for (const [index, identifier] of input.identifiers.entries()) {
      const holder = await findIdentifierHolder(tx, identifier.system, identifier.value);
      if (holder) taken[`identifiers.${index}.value`] = await identifierTakenMessage(tx, viewer, holder);
    }
    if (Object.keys(taken).length > 0) identifierTaken(taken);

    const duplicates = await findPossibleDuplicates(tx, viewer, {
      names: [input.legalName, ...input.aliases.map((a) => a.name)],
      dateOfBirth: input.dateOfBirth ?? null,
      identifierValues: input.identifiers.map((i) => i.value),
    });

    const now = deps.clock.now();
    const id = deps.newId();
    await insertPerson(tx, {
      id,
      legal_name: input.legalName,
      date_of_birth: input.dateOfBirth ?? null,
      gender: input.gender ?? null,
      preferred_language: input.preferredLanguage ?? null,
      status: input.status,
      phone: input.phone ?? null,
      email: input.email ?? null,
      mailing_address: input.mailingAddress ?? null,
      notes: input.notes ?? null,
      created_by: principal.userId,
      now,
    });
    await insertAliases(
      tx,
      input.aliases.map((a) => ({ id: deps.newId(), personId: id, name: a.name, kind: a.kind })),
    );
    try {
      await insertIdentifiers(
        tx,
        input.identifiers.map((i) => ({ id: deps.newId(), personId: id, ...i })),
      );
    } catch (e) {
      // Recorded by someone else between the check and the insert.
      if (isUniqueViolation(e)) identifierTaken({ identifiers: 'Already recorded for another person' });
      throw e;
    }
    await audit({
      action: 'person.created',
      entityType: 'person',
      entityId: id,
      details: {
        personId: id,
        legalName: input.legalName,
        status: input.status,
        aliases: input.aliases.length,
        identifiers: input.identifiers.map((i) => ({ system: i.system, value: i.value })),
        possibleDuplicates: duplicates.map((d) => d.id),
      },
    });
    const person = await loadPersonView(tx, await loadPersonAccess(tx, ctx, id), audit);
    return {
      person,
      possibleDuplicates: duplicates.map((d) => ({
        id: d.id,
        legalName: d.legal_name,
        dateOfBirth: d.date_of_birth,
        reasons: [...d.reasons],
        similarity: Math.round(d.similarity * 1000) / 1000,
      })),
    };
  });
