import type { CalendarDate } from '../case-file/calendar-date.js';
import type { MatterType } from '../case-file/matters.js';
import type { PathwayId, ScreeningJurisdiction, ScreeningStatus } from './pathways.js';
import type { PreparedSubject } from './prepared-subject.js';
import type { RuleCertainty } from './statute-types.js';

/**
 * Rules are data: each names its pathway, its test over named facts, its citations, when it is in
 * force and how sure we are of it. The interpreter (interpreter.ts) is the only code that reads them.
 */

/** A fact about a person, computed from the record. `null` means the record does not say. */
export type Fact =
  | { kind: 'bool'; describe: string; inputs: readonly string[]; get: (s: PreparedSubject) => boolean | null }
  | { kind: 'date'; describe: string; inputs: readonly string[]; get: (s: PreparedSubject) => CalendarDate | null }
  | { kind: 'number'; describe: string; inputs: readonly string[]; get: (s: PreparedSubject) => number | null };

export type FactLibrary = Readonly<Record<string, Fact>>;

/** A date computed from facts. A formula over an unknown date is unknown. */
export type DateFormula =
  | { fact: string }
  | { on: CalendarDate }
  | { add: DateFormula; years?: number; months?: number; days?: number }
  /** `base` plus `fraction` of the months in a number fact (e.g. 75% of the term imposed), in whole months. */
  | { add_fraction_of: string; base: DateFormula; fraction: number }
  | { max: DateFormula[] }
  | { min: DateFormula[] };

/** Three-valued (Kleene) conditions: an unknown fact makes a condition unknown unless the rest decides it. */
export type Condition =
  | { fact: string; is?: boolean }
  | { not: Condition }
  | { all: Condition[] }
  | { any: Condition[] }
  /** A number fact compared with a constant. */
  | { number: string; at_least?: number; below?: number; equals?: number }
  /** A date strictly before a fixed date ("committed before D"). */
  | { date: DateFormula; before: CalendarDate }
  | { date: DateFormula; on_or_after: CalendarDate }
  /** The run's as-of date compared with a fixed date (filing deadlines, sunsets). */
  | { as_of_before: CalendarDate }
  | { as_of_on_or_after: CalendarDate }
  /** True on as_of when the computed date has come (date ≤ as_of). */
  | { reached: DateFormula };

export type LegalStatus = 'in_force' | 'invalidated_in_part' | 'expired' | 'pending_case';

export type RuleRole =
  /** Must hold. With `from`, holds from a date (the latest such date is the eligible-from date). */
  | 'requires'
  /** When it holds, a statute excludes the person: `excluded`. */
  | 'excludes'
  /** When it holds, the record holds a fact that usually defeats the pathway: `not_eligible_likely`. */
  | 'likely_defeats'
  /** When it holds, a lawyer must read the record: `needs_record_review`. */
  | 'review_if'
  /** When it holds, the pathway also needs facts the record cannot hold: `conditional`. */
  | 'conditional_if'
  /** A procedural flag or note reported when it holds; never changes the status. */
  | 'flag'
  /** A further date reported under `date_key` (e.g. when a court filing becomes possible). */
  | 'date';

export type Rule = {
  /** Stable handle used in explanations, e.g. `EP-AGE`. Versions of one rule share the id. */
  id: string;
  role: RuleRole;
  /** The rule is considered only when this holds; unknown here makes the rule's outcome unknown. */
  applies_if?: Condition;
  when?: Condition;
  from?: DateFormula;
  date_key?: string;
  /** Explanation templates; `{date}` is replaced by the computed date. */
  says: { holds: string; fails?: string; unknown?: string; pending?: string };
  citations: readonly string[];
  /**
   * What an unknown outcome makes the pathway: a missing fact a lawyer can find in the record
   * (`needs_record_review`, the default) or one the record cannot hold, such as a medical
   * determination (`conditional`).
   */
  unknown_means?: 'needs_record_review' | 'conditional';
  /**
   * Alternative grounds ("any of these"), for `requires` rules only: rules sharing a ground must all
   * hold for that ground, and the pathway needs one open ground; the earliest open ground gives the
   * eligible-from date (see grounds.ts). `requires` rules without a ground must hold as before.
   */
  ground?: string;
  /** The rule is in force for runs whose as_of falls in [effective_from, effective_to]. */
  effective_from?: CalendarDate;
  effective_to?: CalendarDate;
  legal_status: LegalStatus;
  certainty: RuleCertainty;
};

export type PathwayDefinition = {
  id: PathwayId;
  jurisdiction: ScreeningJurisdiction;
  title: string;
  /** The case-file matter type a result becomes (see packages/core/src/case-file/matters.ts). */
  matter_type: MatterType;
  /**
   * `statutory`: a computable pathway. `court_discretion`: computable gates, then a court's or board's
   * judgement, so an open result is `conditional`. `clemency`: anyone in the class may apply
   * (`may_apply`), with procedural flags.
   */
  kind: 'statutory' | 'court_discretion' | 'clemency';
  authority: {
    citations: readonly string[];
    effective_from?: CalendarDate;
    effective_to?: CalendarDate;
    legal_status: LegalStatus;
    /** Said when the authority is not in force on as_of. */
    not_in_force_says?: string;
  };
  rules: readonly Rule[];
};

/** A policy layer (a DA's resentencing criteria, the 2014 Clemency Initiative) that never overwrites a statutory result. */
export type PolicyOverlay = {
  id: string;
  title: string;
  pathway: PathwayId;
  source: string;
  rules: readonly Rule[];
};

export type RuleOutcome = 'held' | 'failed' | 'unknown' | 'pending' | 'not_applicable';

export type RuleTrace = {
  rule_id: string;
  role: RuleRole;
  outcome: RuleOutcome;
  date?: CalendarDate;
  reason: string;
  citations: readonly string[];
  /** Input fields whose absence left this rule unknown. */
  missing?: string[];
};

export type OverlayResult = {
  overlay: string;
  title: string;
  /** Whether the person meets the overlay's criteria; null when the record cannot say. */
  matches: boolean | null;
  reasons: string[];
};

export type PathwayResult = {
  pathway: PathwayId;
  status: ScreeningStatus;
  eligible_from: CalendarDate | null;
  /** The rules that decided the status. */
  rule_ids: string[];
  reasons: string[];
  citations: string[];
  /** Input fields that would change or settle this result if filled in. */
  missing_facts: string[];
  /** Further dates, e.g. `court_filing_from`, `would_qualify_from`, `deadline`. */
  dates?: Record<string, CalendarDate>;
  flags?: string[];
  overlays?: OverlayResult[];
  /** Every rule considered, when an explanation was asked for. */
  trace?: RuleTrace[];
};

export type ScreeningOutcome = {
  id: string;
  as_of: CalendarDate;
  results: PathwayResult[];
  /** Record-level warnings, e.g. a statute that could not be read (kept and flagged). */
  warnings?: string[];
};
