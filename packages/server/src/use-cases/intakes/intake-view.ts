import {
  CONFLICT_SIMILARITY_THRESHOLD,
  compareDuplicateScores,
  DUPLICATE_NAME_SIMILARITY,
  type IntakeConflictsView,
  type IntakeDetail,
  type IntakeDuplicatePersonView,
  IntakeQuestionnaire,
  mergeConflictCandidates,
  normaliseIdentifier,
  type PriorIntakeView,
  SEARCH_WORD_SIMILARITY,
  type StoredConflictMatch,
  scoreDuplicate,
} from '@redress/core';
import {
  findConflictCandidates,
  findPossibleDuplicates,
  findPriorIntakeCandidates,
  type IntakeDetailRow,
  listAliases,
  listDocumentsOf,
  listIdentifiers,
  nameSearchOf,
  prepareTrigramQueries,
  type Tx,
  type Viewer,
} from '@redress/db';
import { presentDocument, uploaderNames } from '../../documents/document-presenter.js';
import { presentMatchesFor } from '../conflicts/conflict-check-view.js';
import { presentIntakeSummary } from './intake-access.js';

/** The questionnaire as stored, read back through its schema (a row from an older version still parses or fails loudly). */
export const questionnaireOf = (row: Pick<IntakeDetailRow, 'questionnaire'>): IntakeQuestionnaire =>
  IntakeQuestionnaire.parse(row.questionnaire ?? {});

const IDENTIFIER_SYSTEM_OF = { cdcr: 'cdcr', bop: 'bop', county: 'county_booking', other: 'other' } as const;

/** The applicant's prisoner number as written, and as the case file would store it (C-98556 is C98556). */
export const prisonerNumbersOf = (q: IntakeQuestionnaire): string[] => {
  const raw = q.background?.prisonerNumber?.trim();
  if (!raw) return [];
  const checked = normaliseIdentifier(IDENTIFIER_SYSTEM_OF[q.background?.numberSystem ?? 'other'], raw);
  return [...new Set([raw, ...(checked.ok ? [checked.value] : [])])];
};

/** The names the conflict check runs on: the applicant, their other names, and the co-defendants. */
export const conflictNamesOf = (q: IntakeQuestionnaire): string[] => {
  const names = [q.background?.name, ...(q.background?.aliases ?? []), ...(q.conviction?.coDefendants ?? [])]
    .map((n) => n?.trim() ?? '')
    .filter((n) => n.replace(/[^\p{L}\p{N}]/gu, '').length >= 2);
  return [...new Set(names)];
};

/** Runs the conflict check for these names (not stored: it is run afresh on every read and on accept). */
export const findIntakeConflicts = async (tx: Tx, names: readonly string[], dateOfBirth: string | null) => {
  if (names.length === 0) return [];
  await prepareTrigramQueries(tx, {
    similarity: CONFLICT_SIMILARITY_THRESHOLD,
    wordSimilarity: SEARCH_WORD_SIMILARITY,
  });
  const candidates = [];
  for (const name of names) {
    candidates.push(...(await findConflictCandidates(tx, { nameSearch: nameSearchOf(name), dateOfBirth, limit: 50 })));
  }
  return mergeConflictCandidates(candidates);
};

const duplicatesOf = async (
  tx: Tx,
  viewer: Viewer | null,
  q: IntakeQuestionnaire,
  applicant: Parameters<typeof scoreDuplicate>[0],
): Promise<IntakeDuplicatePersonView[]> => {
  const names = [q.background?.name, ...(q.background?.aliases ?? [])].filter((n): n is string => !!n?.trim());
  if (names.length === 0 && applicant.identifiers.length === 0 && !applicant.dateOfBirth) return [];
  const found = await findPossibleDuplicates(tx, viewer, {
    names,
    dateOfBirth: applicant.dateOfBirth,
    identifierValues: applicant.identifiers,
  });
  if (found.length === 0) return [];
  const ids = found.map((f) => f.id);
  const [aliases, identifiers] = await Promise.all([listAliases(tx, ids), listIdentifiers(tx, ids)]);
  const scored = found.flatMap((p) => {
    const own = identifiers.filter((i) => i.person_id === p.id);
    const score = scoreDuplicate(applicant, {
      name: p.legal_name,
      aliases: aliases.filter((a) => a.person_id === p.id).map((a) => a.name),
      dateOfBirth: p.date_of_birth,
      identifiers: own.map((i) => i.value),
    });
    return score
      ? [
          {
            score,
            view: {
              personId: p.id,
              legalName: p.legal_name,
              dateOfBirth: p.date_of_birth,
              identifiers: own.map((i) => ({ system: i.system, value: i.value })),
              reasons: score.reasons,
              similarity: score.similarity,
              strength: score.strength,
            },
          },
        ]
      : [];
  });
  return scored.sort((a, b) => compareDuplicateScores(a.score, b.score)).map((s) => s.view);
};

const priorIntakesOf = async (
  tx: Tx,
  row: IntakeDetailRow,
  q: IntakeQuestionnaire,
  applicant: Parameters<typeof scoreDuplicate>[0],
): Promise<PriorIntakeView[]> => {
  await prepareTrigramQueries(tx, { similarity: DUPLICATE_NAME_SIMILARITY, wordSimilarity: SEARCH_WORD_SIMILARITY });
  const found = await findPriorIntakeCandidates(tx, {
    names: [q.background?.name, ...(q.background?.aliases ?? [])].filter((n): n is string => !!n?.trim()),
    dateOfBirth: applicant.dateOfBirth,
    prisonerNumbers: applicant.identifiers,
    excludeId: row.id,
    similarity: DUPLICATE_NAME_SIMILARITY,
  });
  const scored = found.flatMap((c) => {
    const score = scoreDuplicate(applicant, {
      name: c.applicant_name,
      aliases: c.aliases,
      dateOfBirth: c.applicant_dob,
      identifiers: c.prisoner_number ? [c.prisoner_number] : [],
    });
    return score
      ? [
          {
            score,
            view: {
              id: c.id,
              reference: c.reference,
              applicantName: c.applicant_name,
              receivedOn: c.received_on,
              state: c.state,
              decision: c.decision,
              reasons: score.reasons,
              similarity: score.similarity,
              strength: score.strength,
            },
          },
        ]
      : [];
  });
  return scored.sort((a, b) => compareDuplicateScores(a.score, b.score)).map((s) => s.view);
};

export const presentIntakeConflicts = async (
  tx: Tx,
  viewer: Viewer | null,
  names: readonly string[],
  matches: readonly StoredConflictMatch[],
): Promise<IntakeConflictsView> => ({
  checkedNames: [...names],
  matches: await presentMatchesFor(tx, viewer, matches),
});

/**
 * An intake as the triage page shows it: the questionnaire, its documents, people and earlier intakes
 * that may be the same person, and the conflict check of the applicant and co-defendants (what this
 * reader may learn of it).
 */
export const loadIntakeDetail = async (
  tx: Tx,
  viewer: Viewer | null,
  row: IntakeDetailRow,
  today: string,
  options: { canReadPrivileged: boolean },
): Promise<IntakeDetail> => {
  const q = questionnaireOf(row);
  const applicant = {
    name: q.background?.name ?? null,
    aliases: q.background?.aliases ?? [],
    dateOfBirth: q.background?.dateOfBirth ?? null,
    identifiers: prisonerNumbersOf(q),
  };
  const documents = (await listDocumentsOf(tx, { intakeId: row.id })).filter(
    (d) => !d.is_privileged || options.canReadPrivileged,
  );
  const names = await uploaderNames(tx, documents);
  const duplicates = await duplicatesOf(tx, viewer, q, applicant);
  const priorIntakes = await priorIntakesOf(tx, row, q, applicant);
  const conflictNames = conflictNamesOf(q);
  const matches = await findIntakeConflicts(tx, conflictNames, applicant.dateOfBirth);
  return {
    ...presentIntakeSummary(row, today),
    questionnaire: q,
    submittedBy: row.submitted_by_name
      ? {
          name: row.submitted_by_name,
          relationship: row.submitted_by_relationship,
          contact: row.submitted_by_contact,
        }
      : null,
    decisionReason: row.decision_reason,
    referralOrganisation: row.referral_organisation,
    decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
    decidedBy: row.decided_by ? { id: row.decided_by, name: row.decided_by_name ?? 'Former user' } : null,
    createdBy: row.created_by ? { id: row.created_by, name: row.created_by_name ?? 'Former user' } : null,
    person: row.person_id ? { id: row.person_id, legalName: row.person_legal_name ?? '' } : null,
    matter: row.matter_id ? { id: row.matter_id, title: row.matter_title ?? '' } : null,
    documents: documents.map((d) => presentDocument(d, names)),
    duplicates,
    priorIntakes,
    conflicts: await presentIntakeConflicts(tx, viewer, conflictNames, matches),
  };
};
