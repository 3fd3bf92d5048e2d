import type { CalendarDate } from '../case-file/calendar-date.js';
import type { Rule, RuleTrace } from './rule-types.js';

/**
 * Alternative grounds. Some pathways open on any one of several grounds (federal compassionate
 * release: a medical ground, age 65 with time served, or age 70 with 30 years on a 3559(c) sentence).
 * `requires` rules that share a `ground` are one ground: all of them must hold. A ground is
 *  - failed when one of its rules failed;
 *  - review when one of its rules is unknown for a fact the record can hold;
 *  - open when a rule of it was computed (held or pending) and the rest held or wait on facts the
 *    record cannot hold; its date is the latest date among its rules (none: open without a date gate);
 *  - possible when every rule of it waits on facts the record cannot hold (a family circumstance).
 *
 * The interpreter then counts, in place of the grouped traces: the earliest open ground (a dateless
 * one first); else every review and possible ground; else (all failed) every ground, so the pathway
 * fails. Traces of the grounds set aside still appear in the reasons and the trace, and their
 * missing inputs are still reported, since filling them in could bring the date forward.
 */
type GroundState = 'failed' | 'review' | 'open' | 'possible' | 'absent';
type Ground = { traces: RuleTrace[]; state: GroundState; date: CalendarDate | null };

const classify = (members: { rule: Rule; trace: RuleTrace }[]): Ground => {
  const live = members.filter((m) => m.trace.outcome !== 'not_applicable');
  const traces = members.map((m) => m.trace);
  const isReviewUnknown = (m: { rule: Rule; trace: RuleTrace }) =>
    m.trace.outcome === 'unknown' && (m.rule.unknown_means ?? 'needs_record_review') === 'needs_record_review';
  const dates = live.map((m) => m.trace.date).filter((d): d is CalendarDate => d !== undefined);
  const date = dates.length ? (dates.sort().at(-1) ?? null) : null;
  if (!live.length) return { traces, state: 'absent', date: null };
  if (live.some((m) => m.trace.outcome === 'failed')) return { traces, state: 'failed', date: null };
  if (live.some(isReviewUnknown)) return { traces, state: 'review', date: null };
  if (live.some((m) => m.trace.outcome === 'held' || m.trace.outcome === 'pending')) {
    return { traces, state: 'open', date };
  }
  return { traces, state: 'possible', date: null };
};

/**
 * Splits a pathway's traces into those that decide its status and those of grounds set aside that
 * could still bring the date forward (their missing facts are worth reporting).
 */
export const resolveGrounds = (
  rules: readonly Rule[],
  traces: readonly RuleTrace[],
): { counted: RuleTrace[]; setAside: RuleTrace[] } => {
  const groups = new Map<string, { rule: Rule; trace: RuleTrace }[]>();
  rules.forEach((rule, i) => {
    const trace = traces[i];
    if (!trace || rule.role !== 'requires' || !rule.ground) return;
    const group = groups.get(rule.ground) ?? [];
    group.push({ rule, trace });
    groups.set(rule.ground, group);
  });
  if (!groups.size) return { counted: [...traces], setAside: [] };

  const grounds = [...groups.values()].map(classify);
  const open = grounds.filter((g) => g.state === 'open');
  let kept: Ground[];
  if (open.length) {
    // The earliest open ground: one without a date gate first, then by date, then in rule order.
    const earliest = open.reduce((best, g) =>
      best.date === null ? best : g.date === null || g.date < best.date ? g : best,
    );
    kept = [earliest];
    // A ground open without a date gate cannot be bettered: the others' missing facts change nothing.
    if (earliest.date === null) {
      const keptTraces = new Set(earliest.traces);
      const grouped = new Set(grounds.flatMap((g) => g.traces));
      return { counted: traces.filter((t) => !grouped.has(t) || keptTraces.has(t)), setAside: [] };
    }
  } else if (grounds.some((g) => g.state === 'review' || g.state === 'possible')) {
    kept = grounds.filter((g) => g.state === 'review' || g.state === 'possible');
  } else {
    kept = grounds;
  }
  const keptTraces = new Set(kept.flatMap((g) => g.traces));
  const grouped = new Set(grounds.flatMap((g) => g.traces));
  return {
    counted: traces.filter((t) => !grouped.has(t) || keptTraces.has(t)),
    setAside: traces.filter((t) => grouped.has(t) && !keptTraces.has(t)),
  };
};
