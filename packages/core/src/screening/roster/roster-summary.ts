import { addMonths, type CalendarDate } from '../../case-file/calendar-date.js';
import { OPEN_STATUSES, PATHWAY_IDS, type PathwayId, SCREENING_STATUSES, type ScreeningStatus } from '../pathways.js';
import type { ScreeningOutcome } from '../rule-types.js';

/**
 * What a bulk run found, counted as it goes (memory bounded by the number of pathways): people
 * screened, rows rejected, people by pathway and status, and who becomes eligible in the next 12
 * months, that is with an open result whose `eligible_from` is after `as_of` and on or before
 * `as_of` + 12 months.
 */
export type RosterSummary = {
  as_of: CalendarDate;
  people_screened: number;
  row_errors: number;
  /** People whose outcome carries warnings (a statute not recognised, CSV rows that disagree). */
  people_with_warnings: number;
  /** People with at least one pathway `eligible` on as_of. */
  people_eligible_now: number;
  /** People with at least one pathway opening in (as_of, as_of + 12 months]. */
  people_eligible_next_12_months: number;
  eligible_next_12_months_until: CalendarDate;
  by_pathway: Partial<
    Record<PathwayId, { statuses: Partial<Record<ScreeningStatus, number>>; eligible_next_12_months: number }>
  >;
};

export type RosterSummaryAccumulator = {
  add(outcome: ScreeningOutcome): void;
  /** A person's part counted elsewhere (a worker thread): `summaryCodesOf`. */
  addCodes(codes: readonly number[]): void;
  addRowErrors(count: number): void;
  result(): RosterSummary;
};

const ELIGIBLE = SCREENING_STATUSES.indexOf('eligible');
const PATHWAY_INDEX = new Map<string, number>(PATHWAY_IDS.map((id, i) => [id, i]));
const STATUS_INDEX = new Map<string, number>(SCREENING_STATUSES.map((s, i) => [s, i]));

/** The end of the "next 12 months" window of a run. */
export const eligibleSoonUntil = (asOf: CalendarDate): CalendarDate => addMonths(asOf, 12);

/**
 * A person's part of the summary as a few numbers, cheap to send between threads: first 1 when the
 * outcome has warnings (else 0), then one number per result, `(pathway * 16 + status) * 2 + soon`.
 */
export const summaryCodesOf = (outcome: ScreeningOutcome, until: CalendarDate): number[] => {
  const codes = [outcome.warnings?.length ? 1 : 0];
  for (const r of outcome.results) {
    const from = r.eligible_from;
    const isSoon = from !== null && OPEN_STATUSES.has(r.status) && from > outcome.as_of && from <= until;
    codes.push(((PATHWAY_INDEX.get(r.pathway) ?? 0) * 16 + (STATUS_INDEX.get(r.status) ?? 0)) * 2 + (isSoon ? 1 : 0));
  }
  return codes;
};

export const createRosterSummary = (asOf: CalendarDate): RosterSummaryAccumulator => {
  const until = eligibleSoonUntil(asOf);
  const summary: RosterSummary = {
    as_of: asOf,
    people_screened: 0,
    row_errors: 0,
    people_with_warnings: 0,
    people_eligible_now: 0,
    people_eligible_next_12_months: 0,
    eligible_next_12_months_until: until,
    by_pathway: {},
  };
  const addCodes = (codes: readonly number[]) => {
    summary.people_screened++;
    if (codes[0] === 1) summary.people_with_warnings++;
    let isEligibleNow = false;
    let isEligibleSoon = false;
    for (let i = 1; i < codes.length; i++) {
      const code = codes[i] as number;
      const isSoon = code % 2 === 1;
      const statusIndex = (code >> 1) % 16;
      const pathway = PATHWAY_IDS[(code >> 1) >> 4] as PathwayId;
      const status = SCREENING_STATUSES[statusIndex] as ScreeningStatus;
      let entry = summary.by_pathway[pathway];
      if (!entry) {
        entry = { statuses: {}, eligible_next_12_months: 0 };
        summary.by_pathway[pathway] = entry;
      }
      entry.statuses[status] = (entry.statuses[status] ?? 0) + 1;
      if (statusIndex === ELIGIBLE) isEligibleNow = true;
      if (isSoon) {
        entry.eligible_next_12_months++;
        isEligibleSoon = true;
      }
    }
    if (isEligibleNow) summary.people_eligible_now++;
    if (isEligibleSoon) summary.people_eligible_next_12_months++;
  };
  return {
    add(outcome) {
      addCodes(summaryCodesOf(outcome, until));
    },
    addCodes,
    addRowErrors(count) {
      summary.row_errors += count;
    },
    result() {
      return structuredCloneSummary(summary);
    },
  };
};

/** A copy of the summary, pathways and statuses in the format's order. */
const structuredCloneSummary = (s: RosterSummary): RosterSummary => {
  const by_pathway: RosterSummary['by_pathway'] = {};
  for (const pathway of PATHWAY_IDS) {
    const entry = s.by_pathway[pathway];
    if (!entry) continue;
    const statuses: Partial<Record<ScreeningStatus, number>> = {};
    for (const status of SCREENING_STATUSES) {
      const n = entry.statuses[status];
      if (n) statuses[status] = n;
    }
    by_pathway[pathway] = { statuses, eligible_next_12_months: entry.eligible_next_12_months };
  }
  return { ...s, by_pathway };
};
