import { CA_FACTS, CA_OVERLAYS, CA_PATHWAYS } from './ca/index.js';
import { COMMON_FACTS } from './facts/common-facts.js';
import type { PathwayId } from './pathways.js';
import type { Condition, DateFormula, FactLibrary, PathwayDefinition, PolicyOverlay, Rule } from './rule-types.js';
import { US_FACTS, US_OVERLAYS, US_PATHWAYS } from './us/index.js';

/** Everything the engine knows: the pathways with their rules, the facts they read, the policy overlays. */
export type RuleBook = {
  /** Bumped whenever a rule changes, and recorded on every screening run. */
  version: string;
  pathways: ReadonlyMap<PathwayId, PathwayDefinition>;
  facts: FactLibrary;
  overlays: readonly PolicyOverlay[];
};

export const RULE_BOOK: RuleBook = {
  version: '2026-11-29.2',
  pathways: new Map([...CA_PATHWAYS, ...US_PATHWAYS].map((p) => [p.id, p])),
  facts: { ...COMMON_FACTS, ...CA_FACTS, ...US_FACTS },
  overlays: [...CA_OVERLAYS, ...US_OVERLAYS],
};

const factsIn = (c: Condition | undefined, out: string[]): void => {
  if (!c) return;
  if ('fact' in c) out.push(c.fact);
  else if ('not' in c) factsIn(c.not, out);
  else if ('all' in c) for (const x of c.all) factsIn(x, out);
  else if ('any' in c) for (const x of c.any) factsIn(x, out);
  else if ('number' in c) out.push(c.number);
  else if ('date' in c) dateFactsIn(c.date, out);
  else if ('reached' in c) dateFactsIn(c.reached, out);
};

const dateFactsIn = (f: DateFormula | undefined, out: string[]): void => {
  if (!f) return;
  if ('fact' in f) out.push(f.fact);
  else if ('add' in f) dateFactsIn(f.add, out);
  else if ('add_fraction_of' in f) {
    out.push(f.add_fraction_of);
    dateFactsIn(f.base, out);
  } else if ('max' in f) for (const x of f.max) dateFactsIn(x, out);
  else if ('min' in f) for (const x of f.min) dateFactsIn(x, out);
};

/** Problems in a rule book (an unknown fact, a rule without a test): empty when the book is sound. */
export const checkRuleBook = (book: RuleBook): string[] => {
  const problems: string[] = [];
  const check = (owner: string, r: Rule) => {
    const names: string[] = [];
    factsIn(r.applies_if, names);
    factsIn(r.when, names);
    dateFactsIn(r.from, names);
    for (const n of names) if (!book.facts[n]) problems.push(`${owner} ${r.id}: unknown fact "${n}"`);
    if (!r.when && !r.from) problems.push(`${owner} ${r.id}: neither a condition nor a date`);
    if (r.role === 'date' && !r.date_key) problems.push(`${owner} ${r.id}: a date rule needs a date_key`);
    if (!r.citations.length) problems.push(`${owner} ${r.id}: no citation`);
  };
  for (const p of book.pathways.values()) for (const r of p.rules) check(p.id, r);
  for (const o of book.overlays) for (const r of o.rules) check(o.id, r);
  return problems;
};
