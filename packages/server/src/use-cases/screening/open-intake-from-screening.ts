import {
  type ClaimType,
  type IntakeDetail,
  type IntakeQuestionnaire,
  OPEN_STATUSES,
  type PathwayId,
  type ScreeningSubject,
} from '@redress/core';
import { listSubjectResults } from '@redress/db';
import type { RequestContext } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { createIntake } from '../intakes/create-intake.js';
import { failWith } from '../policy.js';
import { readSubject } from './open-person-from-screening.js';
import { loadScreeningRun } from './screening-access.js';

/** What a team would ask for by the open pathways: clemency, parole, or a shorter sentence. */
const claimTypeOf = (open: readonly PathwayId[]): ClaimType => {
  if (open.some((p) => p.includes('PAROLE'))) return 'parole';
  if (open.some((p) => p.includes('COMMUTATION') || p === 'US_PARDON')) return 'clemency';
  return open.length ? 'excessive_sentence' : 'other';
};

const questionnaireOf = (subject: ScreeningSubject, open: readonly PathwayId[]): IntakeQuestionnaire => {
  const numberSystem = subject.jurisdiction === 'CA' ? ('cdcr' as const) : ('bop' as const);
  const statutes = subject.convictions.map((c) => c.statute).slice(0, 50);
  const sentences = subject.convictions.map((c) => c.sentence ?? c.sentence_type).filter((s): s is string => !!s);
  const name = subject.person.name?.trim();
  return {
    background: {
      ...(name ? { name: name.slice(0, 200) } : {}),
      prisonerNumber: subject.id.slice(0, 64),
      numberSystem,
      jurisdiction: subject.jurisdiction,
      ...(subject.person.dob ? { dateOfBirth: subject.person.dob } : {}),
    },
    conviction: {
      statutes,
      ...(subject.convictions[0]?.conviction_date ? { convictionDate: subject.convictions[0].conviction_date } : {}),
      ...(sentences.length ? { sentence: sentences.join('; ').slice(0, 1000) } : {}),
    },
    claim: { claimType: claimTypeOf(open) },
  };
};

/**
 * Opens a person of a screening run as an intake: the roster's facts fill the questionnaire (name,
 * number, date of birth, statutes, sentence) and the claim type follows the pathways left open, so
 * triage, the duplicate and conflict checks and acceptance into a person and a matter work as for
 * any referral. Needs `data.import` to read the run and `intake.triage` to record the intake.
 */
export const openIntakeFromScreening = async (
  deps: AppDeps,
  ctx: RequestContext,
  input: { runId: string; subjectId: string },
): Promise<IntakeDetail> => {
  const db = deps.database.db;
  const run = await loadScreeningRun(db, ctx, input.runId);
  const results = await listSubjectResults(db, run.id, input.subjectId);
  const [first] = results;
  const subject = first ? await readSubject(db, run.id, input.subjectId, first.line) : null;
  if (!subject) return failWith('not_found', 'screening_subject.not_found', 'No such person in this run');
  const open = results.filter((r) => OPEN_STATUSES.has(r.status as never)).map((r) => r.pathway as PathwayId);
  return createIntake(deps, ctx, {
    channel: 'referral',
    questionnaire: questionnaireOf(subject, open),
    submittedBy: {
      name: `Screening run: ${run.name}`.slice(0, 200),
      relationship: 'relief screening',
      contact: `As of ${run.as_of}; open pathways: ${open.join(', ') || 'none'}`.slice(0, 300),
    },
  });
};
