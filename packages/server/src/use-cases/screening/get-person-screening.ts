import {
  type PathwayId,
  type PersonScreeningBody,
  pathwaysOf,
  RULE_BOOK,
  type ScreeningJurisdiction,
  screenCaseFile,
} from '@redress/core';
import type { RequestContext } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { loadPersonAccess } from '../people/person-access.js';
import { todayOf } from '../people/person-dates.js';
import { loadCaseFileForScreening } from './case-file-for-screening.js';

export type GetPersonScreeningInput = { personId: string; asOf?: string | undefined };

/** The pathways of a jurisdiction the rule book defines (all of them when the law is not known). */
export const pathwayInfos = (jurisdiction: ScreeningJurisdiction | null) => {
  const ids: readonly PathwayId[] = jurisdiction
    ? pathwaysOf(jurisdiction)
    : [...pathwaysOf('CA'), ...pathwaysOf('US')];
  return ids.flatMap((id) => {
    const p = RULE_BOOK.pathways.get(id);
    return p ? [{ id, title: p.title, jurisdiction: p.jurisdiction, matterType: p.matter_type }] : [];
  });
};

/**
 * Screens a person of the case file on a date (today by default), with the full explanation of every
 * result. Seen as the person is: whoever may not see the person gets 404.
 */
export const getPersonScreening = async (
  deps: AppDeps,
  ctx: RequestContext,
  input: GetPersonScreeningInput,
): Promise<PersonScreeningBody> => {
  const db = deps.database.db;
  const access = await loadPersonAccess(db, ctx, input.personId);
  const asOf = input.asOf ?? todayOf(deps);
  const screening = screenCaseFile(await loadCaseFileForScreening(db, access.person), { asOf, explain: true });
  return {
    personId: access.person.id,
    asOf,
    ruleBookVersion: RULE_BOOK.version,
    jurisdiction: screening.jurisdiction,
    unavailableReason: screening.unavailableReason,
    // The trace's citations are read-only in the core; the response schema copies them.
    results: screening.results.map((r) =>
      r.trace ? { ...r, trace: r.trace.map((t) => ({ ...t, citations: [...t.citations] })) } : r,
    ) as PersonScreeningBody['results'],
    missingFacts: screening.missingFacts,
    warnings: screening.warnings,
    pathways: pathwayInfos(screening.jurisdiction),
  };
};
