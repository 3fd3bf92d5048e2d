import { type PathwayId, type PathwayResult, RULE_BOOK, screenCaseFile } from '@redress/core';
import type { RequestContext } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { createNote } from '../matters/manage-notes.js';
import { openMatter } from '../matters/open-matter.js';
import { loadPersonAccess } from '../people/person-access.js';
import { todayOf } from '../people/person-dates.js';
import { failWith } from '../policy.js';
import { loadCaseFileForScreening } from './case-file-for-screening.js';

export type OpenMatterFromScreeningInput = { personId: string; pathway: PathwayId; asOf?: string | undefined };

const STATUS_WORDS: Record<PathwayResult['status'], string> = {
  eligible: 'eligible',
  eligible_from: 'eligible from a later date',
  conditional: 'conditional on facts the record cannot hold',
  needs_record_review: 'needs a review of the record',
  not_eligible: 'not eligible',
  not_eligible_likely: 'likely not eligible',
  excluded: 'excluded by statute',
  not_available: 'not available on that date',
  may_apply: 'may apply',
};

/** The first note of the matter: the result it was opened from, with its reasons and citations. */
export const screeningNoteOf = (title: string, asOf: string, result: PathwayResult): string =>
  [
    `Opened from relief screening as of ${asOf} (rule book ${RULE_BOOK.version}).`,
    `${title}: ${STATUS_WORDS[result.status]}${result.eligible_from ? `, eligible from ${result.eligible_from}` : ''}.`,
    ...(result.reasons.length ? ['', 'Reasons:', ...result.reasons.map((r) => `- ${r}`)] : []),
    ...(result.missing_facts.length ? ['', `Facts to settle: ${result.missing_facts.join(', ')}`] : []),
    ...(result.citations.length ? ['', `Citations: ${result.citations.join('; ')}`] : []),
  ].join('\n');

/**
 * Turns a screening result into a matter of the pathway's type for the person, through the same use
 * case as opening a matter by hand (policy, first stage, team, audit), then records the result it
 * came from as the matter's first note. The two steps are two transactions: a matter whose note
 * could not be written is still a valid matter.
 */
export const openMatterFromScreening = async (
  deps: AppDeps,
  ctx: RequestContext,
  input: OpenMatterFromScreeningInput,
) => {
  const db = deps.database.db;
  const access = await loadPersonAccess(db, ctx, input.personId);
  const asOf = input.asOf ?? todayOf(deps);
  const pathway = RULE_BOOK.pathways.get(input.pathway);
  const screening = screenCaseFile(await loadCaseFileForScreening(db, access.person), {
    asOf,
    pathways: [input.pathway],
  });
  const result = screening.results.find((r) => r.pathway === input.pathway);
  if (!pathway || !result) {
    return failWith(
      'unprocessable',
      'screening.pathway_not_applicable',
      screening.unavailableReason ??
        'This pathway is not screened for this person (another jurisdiction, or not in the rule book)',
      { pathway: 'Not a pathway of this person' },
    );
  }
  const title = `${pathway.title}: ${access.person.legal_name}`.slice(0, 200).trim();
  const matter = await openMatter(deps, ctx, { personId: access.person.id, type: pathway.matter_type, title });
  await createNote(deps, ctx, matter.id, {
    body: screeningNoteOf(pathway.title, asOf, result),
    isPrivileged: false,
    mentions: [],
  });
  return { matterId: matter.id, type: pathway.matter_type, title: matter.title };
};
