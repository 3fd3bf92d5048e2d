import { addDays, addMonths, type CalendarDate } from '../case-file/calendar-date.js';
import { resolveGrounds } from './grounds.js';
import type { ScreeningStatus } from './pathways.js';
import type { PreparedSubject } from './prepared-subject.js';
import type {
  Condition,
  DateFormula,
  FactLibrary,
  OverlayResult,
  PathwayDefinition,
  PathwayResult,
  PolicyOverlay,
  Rule,
  RuleTrace,
} from './rule-types.js';

/**
 * The interpreter for rules as data. Conditions are three-valued: `null` is "the record does not
 * say", and it travels up unless the rest of a condition decides the answer (false AND unknown is
 * false). A missing fact is never read as false.
 */
type Context = { s: PreparedSubject; facts: FactLibrary; missing: string[] | null };

const factOf = (ctx: Context, name: string, kind: 'bool' | 'date' | 'number') => {
  const fact = ctx.facts[name];
  if (!fact || fact.kind !== kind) throw new Error(`Rule book refers to unknown ${kind} fact "${name}"`);
  return fact;
};

const noteMissing = (ctx: Context, inputs: readonly string[]): void => {
  ctx.missing ??= [];
  for (const i of inputs) if (!ctx.missing.includes(i)) ctx.missing.push(i);
};

export const evaluateDate = (f: DateFormula, ctx: Context): CalendarDate | null => {
  if ('fact' in f) {
    const fact = factOf(ctx, f.fact, 'date');
    const value = fact.get(ctx.s) as CalendarDate | null;
    if (value === null) noteMissing(ctx, fact.inputs);
    return value;
  }
  if ('on' in f) return f.on;
  if ('add' in f) {
    const base = evaluateDate(f.add, ctx);
    if (base === null) return null;
    let d = base;
    if (f.years || f.months) d = addMonths(d, (f.years ?? 0) * 12 + (f.months ?? 0));
    if (f.days) d = addDays(d, f.days);
    return d;
  }
  if ('add_fraction_of' in f) {
    const base = evaluateDate(f.base, ctx);
    const fact = factOf(ctx, f.add_fraction_of, 'number');
    const months = fact.get(ctx.s) as number | null;
    if (months === null) noteMissing(ctx, fact.inputs);
    if (base === null || months === null) return null;
    // Whole months of the term imposed, rounded up: the fraction must have been served in full.
    return addMonths(base, Math.ceil(months * f.fraction - 1e-9));
  }
  const dates = ('max' in f ? f.max : f.min).map((x) => evaluateDate(x, ctx));
  if (dates.some((d) => d === null)) return null;
  const known = dates as CalendarDate[];
  const sorted = [...known].sort();
  return ('max' in f ? sorted[sorted.length - 1] : sorted[0]) ?? null;
};

export const evaluateCondition = (c: Condition, ctx: Context): boolean | null => {
  if ('fact' in c) {
    const fact = factOf(ctx, c.fact, 'bool');
    const value = fact.get(ctx.s) as boolean | null;
    if (value === null) {
      noteMissing(ctx, fact.inputs);
      return null;
    }
    return value === (c.is ?? true);
  }
  if ('not' in c) {
    const v = evaluateCondition(c.not, ctx);
    return v === null ? null : !v;
  }
  if ('all' in c) {
    let unknown = false;
    for (const x of c.all) {
      const v = evaluateCondition(x, ctx);
      if (v === false) return false;
      if (v === null) unknown = true;
    }
    return unknown ? null : true;
  }
  if ('any' in c) {
    let unknown = false;
    for (const x of c.any) {
      const v = evaluateCondition(x, ctx);
      if (v === true) return true;
      if (v === null) unknown = true;
    }
    return unknown ? null : false;
  }
  if ('number' in c) {
    const fact = factOf(ctx, c.number, 'number');
    const n = fact.get(ctx.s) as number | null;
    if (n === null) {
      noteMissing(ctx, fact.inputs);
      return null;
    }
    if (c.at_least !== undefined && n < c.at_least) return false;
    if (c.below !== undefined && n >= c.below) return false;
    if (c.equals !== undefined && n !== c.equals) return false;
    return true;
  }
  if ('as_of_before' in c) return ctx.s.asOf < c.as_of_before;
  if ('as_of_on_or_after' in c) return ctx.s.asOf >= c.as_of_on_or_after;
  if ('reached' in c) {
    const d = evaluateDate(c.reached, ctx);
    return d === null ? null : d <= ctx.s.asOf;
  }
  const d = evaluateDate(c.date, ctx);
  if (d === null) return null;
  return 'before' in c ? d < c.before : d >= c.on_or_after;
};

const say = (template: string | undefined, fallback: string, date?: CalendarDate): string =>
  (template ?? fallback).replace('{date}', date ?? '');

const inForce = (r: { effective_from?: CalendarDate; effective_to?: CalendarDate }, asOf: CalendarDate) =>
  (!r.effective_from || r.effective_from <= asOf) && (!r.effective_to || asOf <= r.effective_to);

// Rules are data that never changes while a roster is screened: derived text is computed once per rule.
const unknownText = new WeakMap<Rule, string>();
const unknownReason = (rule: Rule): string => {
  let text = unknownText.get(rule);
  if (text === undefined) {
    text = say(rule.says.unknown, `Unknown: ${rule.says.holds.replace(' {date}', '').replace('{date}', '')}`);
    unknownText.set(rule, text);
  }
  return text;
};

const rulesById = new WeakMap<PathwayDefinition, Map<string, Rule>>();
/** The first rule with an id (versions of a rule share their id and their unknown_means). */
const ruleIndex = (pathway: PathwayDefinition): Map<string, Rule> => {
  let index = rulesById.get(pathway);
  if (!index) {
    index = new Map();
    for (const r of pathway.rules) if (!index.has(r.id)) index.set(r.id, r);
    rulesById.set(pathway, index);
  }
  return index;
};

type RuleTexts = { unknown: string; fails: string; notInForce: string; doesNotApply: string; holds: string };
const ruleTexts = new WeakMap<Rule, RuleTexts>();
/** The reasons of a rule that do not depend on a date, made once per rule. */
const textsOf = (rule: Rule): RuleTexts => {
  let texts = ruleTexts.get(rule);
  if (!texts) {
    texts = {
      unknown: unknownReason(rule),
      fails: say(rule.says.fails, `Not met: ${rule.id}`),
      notInForce: `${rule.id} is not in force on the as-of date`,
      doesNotApply: `${rule.id} does not apply`,
      holds: say(rule.says.holds, ''),
    };
    ruleTexts.set(rule, texts);
  }
  return texts;
};

const makeTrace = (
  rule: Rule,
  outcome: RuleTrace['outcome'],
  reason: string,
  date: CalendarDate | null,
  missing: string[] | null,
): RuleTrace => {
  const t: RuleTrace = { rule_id: rule.id, role: rule.role, outcome, reason, citations: rule.citations };
  if (date) t.date = date;
  if (outcome === 'unknown' && missing) t.missing = missing;
  return t;
};

export const evaluateRule = (rule: Rule, s: PreparedSubject, facts: FactLibrary): RuleTrace => {
  const texts = textsOf(rule);
  if (!inForce(rule, s.asOf)) return makeTrace(rule, 'not_applicable', texts.notInForce, null, null);
  const ctx: Context = { s, facts, missing: null };
  if (rule.applies_if) {
    const applies = evaluateCondition(rule.applies_if, ctx);
    if (applies === false) return makeTrace(rule, 'not_applicable', texts.doesNotApply, null, null);
    if (applies === null) return makeTrace(rule, 'unknown', texts.unknown, null, ctx.missing);
  }
  if (rule.when) {
    const v = evaluateCondition(rule.when, ctx);
    if (v === null) return makeTrace(rule, 'unknown', texts.unknown, null, ctx.missing);
    if (v === false) return makeTrace(rule, 'failed', texts.fails, null, null);
  }
  if (rule.from) {
    const d = evaluateDate(rule.from, ctx);
    if (d === null) return makeTrace(rule, 'unknown', texts.unknown, null, ctx.missing);
    if (rule.role === 'requires' && d > s.asOf) {
      return makeTrace(rule, 'pending', say(rule.says.pending ?? rule.says.holds, '', d), d, null);
    }
    return makeTrace(rule, 'held', say(rule.says.holds, '', d), d, null);
  }
  return makeTrace(rule, 'held', texts.holds, null, null);
};

const REPORTED_WHEN_QUIET: ReadonlySet<Rule['role']> = new Set(['requires']);

/** Distinct strings in first-seen order; the lists are short, so a scan beats a Set. */
const unique = (xs: readonly string[]): string[] => {
  const out: string[] = [];
  for (const x of xs) if (!out.includes(x)) out.push(x);
  return out;
};

const addDistinct = (out: string[], xs: readonly string[] | undefined): void => {
  if (xs) for (const x of xs) if (!out.includes(x)) out.push(x);
};

const citationsOf = (authority: readonly string[], deciding: readonly RuleTrace[]): string[] => {
  const out: string[] = [];
  addDistinct(out, authority);
  for (const t of deciding) addDistinct(out, t.citations);
  return out;
};

const missingOf = (unknownRules: readonly RuleTrace[], setAside: readonly RuleTrace[]): string[] => {
  const out: string[] = [];
  for (const t of unknownRules) addDistinct(out, t.missing);
  for (const t of setAside) if (t.outcome === 'unknown') addDistinct(out, t.missing);
  return out.sort();
};

/** Evaluates one pathway for one prepared subject on its as-of date. */
export const evaluatePathway = (
  pathway: PathwayDefinition,
  s: PreparedSubject,
  facts: FactLibrary,
  options: { explain?: boolean; overlays?: readonly PolicyOverlay[] } = {},
): PathwayResult => {
  const traces = pathway.rules.map((r) => evaluateRule(r, s, facts));
  // Alternative grounds (grounds.ts): only the deciding ground's rules count towards the status.
  const { counted, setAside } = resolveGrounds(pathway.rules, traces);
  const index = ruleIndex(pathway);

  // One pass over the counted rules (this runs for every person and pathway of a roster).
  const excluded: RuleTrace[] = [];
  const failed: RuleTrace[] = [];
  const defeated: RuleTrace[] = [];
  const review: RuleTrace[] = [];
  const conditional: RuleTrace[] = [];
  const flagged: RuleTrace[] = [];
  const unknownRules: RuleTrace[] = [];
  const requiresLive: RuleTrace[] = [];
  let latest: CalendarDate | null = null;
  let unknownMeansReview = false;
  for (const t of counted) {
    const { role, outcome } = t;
    if (outcome === 'unknown' && role !== 'flag' && role !== 'date') {
      unknownRules.push(t);
      if ((index.get(t.rule_id)?.unknown_means ?? 'needs_record_review') === 'needs_record_review') {
        unknownMeansReview = true;
      }
    }
    if (role === 'requires') {
      if (outcome !== 'not_applicable') requiresLive.push(t);
      if (outcome === 'failed') failed.push(t);
      else if ((outcome === 'held' || outcome === 'pending') && t.date && (latest === null || t.date > latest)) {
        latest = t.date;
      }
    } else if (outcome === 'held') {
      if (role === 'excludes') excluded.push(t);
      else if (role === 'likely_defeats') defeated.push(t);
      else if (role === 'review_if') review.push(t);
      else if (role === 'conditional_if') conditional.push(t);
      else if (role === 'flag') flagged.push(t);
    }
  }

  let status: ScreeningStatus;
  let deciding: RuleTrace[];
  // An expired authority with an end date was in force until then: runs as of earlier dates see it.
  const authorityInForce =
    inForce(pathway.authority, s.asOf) &&
    (pathway.authority.legal_status !== 'expired' || pathway.authority.effective_to !== undefined);

  if (!authorityInForce) {
    status = 'not_available';
    deciding = [];
  } else if (excluded.length) {
    status = 'excluded';
    deciding = excluded;
  } else if (failed.length) {
    status = 'not_eligible';
    deciding = failed;
  } else if (defeated.length) {
    status = 'not_eligible_likely';
    deciding = defeated;
  } else if (review.length || unknownMeansReview) {
    status = 'needs_record_review';
    deciding = [...review, ...unknownRules];
  } else if (conditional.length || unknownRules.length || pathway.kind === 'court_discretion') {
    status = 'conditional';
    deciding = [...conditional, ...unknownRules, ...requiresLive.filter((t) => t.outcome !== 'unknown')];
  } else {
    const reached = latest === null || latest <= s.asOf;
    status =
      pathway.kind === 'clemency' ? (reached ? 'may_apply' : 'eligible_from') : reached ? 'eligible' : 'eligible_from';
    // A rule that does not apply (another version, another tier) decided nothing.
    deciding = requiresLive;
  }

  const reported = traces.filter((t) =>
    t.outcome === 'not_applicable'
      ? false
      : REPORTED_WHEN_QUIET.has(t.role) || t.outcome === 'held' || t.outcome === 'unknown' || t.outcome === 'pending',
  );
  const reasons =
    status === 'not_available'
      ? [
          pathway.authority.not_in_force_says ?? `${pathway.title} is not in force on ${s.asOf}`,
          ...reported.map((t) => t.reason),
        ]
      : reported.map((t) => t.reason);

  const result: PathwayResult = {
    pathway: pathway.id,
    status,
    eligible_from: status === 'not_available' || status === 'excluded' || status === 'not_eligible' ? null : latest,
    rule_ids: unique(deciding.map((t) => t.rule_id)),
    reasons: unique(reasons),
    citations: citationsOf(pathway.authority.citations, deciding),
    missing_facts: missingOf(unknownRules, setAside),
  };

  const dates: Record<string, CalendarDate> = {};
  traces.forEach((t, i) => {
    const key = pathway.rules[i]?.date_key;
    if (t.role === 'date' && t.outcome === 'held' && t.date && key) dates[key] = t.date;
  });
  // Only a person no exclusion or failed condition rules out would qualify if the authority returned.
  if (status === 'not_available' && latest && !excluded.length && !failed.length) dates.would_qualify_from = latest;
  if (Object.keys(dates).length) result.dates = dates;

  const flags = flagged.map((t) => t.reason);
  const release = s.subject.custody?.expected_release_date;
  if (release && latest && latest > release && (status === 'eligible_from' || status === 'conditional')) {
    flags.push(`Moot: the expected release date ${release} comes before ${latest}`);
  }
  if (flags.length) result.flags = flags;

  const overlays = (options.overlays ?? []).filter((o) => o.pathway === pathway.id);
  if (overlays.length) result.overlays = overlays.map((o) => evaluateOverlay(o, s, facts));
  if (options.explain) result.trace = traces;
  return result;
};

/** A policy overlay says whether the person meets its criteria; it never changes the statutory status. */
export const evaluateOverlay = (overlay: PolicyOverlay, s: PreparedSubject, facts: FactLibrary): OverlayResult => {
  const traces = overlay.rules.map((r) => evaluateRule(r, s, facts)).filter((t) => t.outcome !== 'not_applicable');
  // A criterion whose date has not come yet is not met today.
  const fails = traces.some((t) =>
    t.role === 'excludes' ? t.outcome === 'held' : t.outcome === 'failed' || t.outcome === 'pending',
  );
  const unknown = traces.some((t) => t.outcome === 'unknown');
  return {
    overlay: overlay.id,
    title: overlay.title,
    matches: fails ? false : unknown ? null : true,
    reasons: traces.filter((t) => t.role === 'requires' || t.outcome !== 'failed').map((t) => t.reason),
  };
};
