import { type DomainError, fail, ok, type Result } from '../errors.js';
import { DEFAULT_STAGES, MATTER_OUTCOMES, MATTER_TYPES, type MatterOutcome, type MatterType } from './matters.js';

/**
 * Pipelines: the ordered stages a matter of one type moves through. The built-in defaults apply until
 * an administrator saves a pipeline for the type, which then replaces the defaults as a whole.
 */
export type PipelineStageOverride = { matterType: MatterType; position: number; name: string };

/** The stages of a type: the saved pipeline if there is one, else the defaults. */
export const stagesOf = (type: MatterType, overrides: readonly PipelineStageOverride[]): string[] => {
  const own = overrides.filter((o) => o.matterType === type);
  if (own.length === 0) return [...DEFAULT_STAGES[type]];
  return [...own].sort((a, b) => a.position - b.position).map((o) => o.name);
};

export type Pipeline = { type: MatterType; stages: string[]; isCustomised: boolean };

/** Every type's pipeline, in the order of MATTER_TYPES. */
export const pipelinesOf = (overrides: readonly PipelineStageOverride[]): Pipeline[] =>
  MATTER_TYPES.map((type) => ({
    type,
    stages: stagesOf(type, overrides),
    isCustomised: overrides.some((o) => o.matterType === type),
  }));

/** Where a new matter starts: the stage asked for (if it is on the pipeline), else the first stage. */
export const initialStage = (stages: readonly string[], requested?: string): Result<string, DomainError> => {
  if (requested === undefined) {
    const first = stages[0];
    return first === undefined ? fail('unprocessable', 'pipeline.empty', 'This matter type has no stages') : ok(first);
  }
  return stages.includes(requested) ? ok(requested) : stageNotInPipeline(stages, requested);
};

const stageNotInPipeline = (stages: readonly string[], stage: string) =>
  fail('unprocessable', 'matter.stage_not_in_pipeline', `"${stage}" is not a stage of this pipeline`, {
    stage: `Choose one of: ${stages.join(', ')}`,
  });

export type StageMove = { from: string; to: string; isChange: boolean };

/**
 * A move of a matter to `to`: the stage must be on the type's pipeline. Moving to the stage the
 * matter is already in is not an error (a card dropped where it was) but changes nothing. Any stage
 * may follow any other: teams skip stages and go back when a petition is returned.
 */
export const validateStageMove = (
  stages: readonly string[],
  from: string,
  to: string,
): Result<StageMove, DomainError> => {
  if (!stages.includes(to)) return stageNotInPipeline(stages, to);
  return ok({ from, to, isChange: from !== to });
};

export type PipelineEdit = { stages: string[]; renames: { from: string; to: string }[] };

const stageKey = (name: string) => name.trim().toLowerCase();

/**
 * Checks a new pipeline for a type against the stages matters are in now. A stage in use may be kept
 * or renamed (its matters follow the rename), never dropped: the error names every such stage.
 */
export const validatePipelineEdit = (
  current: readonly string[],
  edit: PipelineEdit,
  stagesInUse: readonly string[],
): Result<PipelineEdit, DomainError> => {
  const details: Record<string, string> = {};
  const seen = new Map<string, number>();
  edit.stages.forEach((name, i) => {
    const key = stageKey(name);
    const earlier = seen.get(key);
    if (earlier !== undefined) details[`stages.${i}`] = `Same name as stage ${earlier + 1}`;
    else seen.set(key, i);
  });
  const renamedFrom = new Set<string>();
  edit.renames.forEach((r, i) => {
    if (!current.includes(r.from)) details[`renames.${i}.from`] = 'Not a stage of the current pipeline';
    else if (renamedFrom.has(r.from)) details[`renames.${i}.from`] = 'Renamed twice';
    if (!edit.stages.includes(r.to)) details[`renames.${i}.to`] = 'Must be one of the new stages';
    if (edit.stages.includes(r.from) && r.from !== r.to) {
      details[`renames.${i}.from`] = 'Still in the new pipeline; a renamed stage must leave it';
    }
    renamedFrom.add(r.from);
  });
  if (Object.keys(details).length > 0) {
    return fail('invalid', 'pipeline.invalid', 'The pipeline is not valid', details);
  }
  const dropped = stagesInUse.filter((s) => !edit.stages.includes(s) && !renamedFrom.has(s));
  if (dropped.length > 0) {
    return fail(
      'unprocessable',
      'pipeline.stage_in_use',
      `Matters are in ${dropped.map((s) => `"${s}"`).join(', ')}: keep or rename ${dropped.length === 1 ? 'it' : 'them'}`,
      { stages: `In use: ${dropped.join(', ')}` },
    );
  }
  return ok(edit);
};

export type BoardColumn<Card> = {
  stage: string;
  /** Every matching matter in the stage, however many cards are shown. */
  count: number;
  cards: Card[];
  /** False for a column of matters left in a stage the pipeline no longer has. */
  isInPipeline: boolean;
};

/**
 * The columns of a pipeline board, in pipeline order, one per stage even when empty. Matters in a
 * stage that is not on the pipeline (possible only through data written outside the API) get their
 * own columns at the end rather than disappearing from the board.
 */
export const boardColumns = <Card extends { stage: string }>(
  stages: readonly string[],
  counts: ReadonlyMap<string, number>,
  cards: readonly Card[],
): BoardColumn<Card>[] => {
  const byStage = new Map<string, Card[]>();
  for (const card of cards) {
    const list = byStage.get(card.stage) ?? [];
    list.push(card);
    byStage.set(card.stage, list);
  }
  const column = (stage: string, isInPipeline: boolean): BoardColumn<Card> => ({
    stage,
    count: Math.max(counts.get(stage) ?? 0, byStage.get(stage)?.length ?? 0),
    cards: byStage.get(stage) ?? [],
    isInPipeline,
  });
  const strays = [...new Set([...counts.keys(), ...byStage.keys()])].filter((s) => !stages.includes(s)).sort();
  return [...stages.map((s) => column(s, true)), ...strays.map((s) => column(s, false))];
};

/** Initials for a card: "Ada Lovelace" -> "AL", "Prince" -> "P", "Mary Ann de la Cruz" -> "MC". */
export const initialsOf = (name: string): string => {
  const words = name
    .trim()
    .split(/\s+/)
    .filter((w) => /^\p{L}/u.test(w));
  const first = words[0];
  if (first === undefined) return '?';
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const letter = (w: string) => (Array.from(w)[0] ?? '').toUpperCase();
  return letter(first) + (last ? letter(last) : '');
};

/** A matter counts towards "people freed" when it was granted and the person walked out. */
export const isFreeingMatter = (m: { outcome: MatterOutcome; releaseDate: string | null }): boolean =>
  m.outcome === 'granted' && m.releaseDate !== null;

export type OutcomeGroup = { type: MatterType; outcome: MatterOutcome; count: number };
type ByOutcome = Record<MatterOutcome, number>;
export type OutcomeSummary = {
  total: number;
  byOutcome: ByOutcome;
  byType: { type: MatterType; total: number; byOutcome: ByOutcome }[];
  /** Distinct people with at least one freeing matter (a person freed twice counts once). */
  peopleFreed: number;
};

const zeroOutcomes = (): ByOutcome => Object.fromEntries(MATTER_OUTCOMES.map((o) => [o, 0])) as ByOutcome;

/**
 * The dashboard's counts from grouped rows: every outcome and every type appears, zero or not, and
 * the totals add up by construction.
 */
export const summariseOutcomes = (groups: readonly OutcomeGroup[], peopleFreed: number): OutcomeSummary => {
  const byOutcome = zeroOutcomes();
  const perType = new Map<MatterType, ByOutcome>(MATTER_TYPES.map((t) => [t, zeroOutcomes()]));
  for (const g of groups) {
    byOutcome[g.outcome] += g.count;
    const row = perType.get(g.type);
    if (row) row[g.outcome] += g.count;
  }
  const sum = (r: ByOutcome) => MATTER_OUTCOMES.reduce((n, o) => n + r[o], 0);
  return {
    total: sum(byOutcome),
    byOutcome,
    byType: MATTER_TYPES.map((type) => {
      const r = perType.get(type) ?? zeroOutcomes();
      return { type, total: sum(r), byOutcome: r };
    }),
    peopleFreed,
  };
};

/** The reference computation over plain matters (the database computes the same with GROUP BY). */
export const countOutcomes = (
  matters: readonly { personId: string; type: MatterType; outcome: MatterOutcome; releaseDate: string | null }[],
): OutcomeSummary => {
  const groups = new Map<string, OutcomeGroup>();
  for (const m of matters) {
    const key = `${m.type}/${m.outcome}`;
    const g = groups.get(key) ?? { type: m.type, outcome: m.outcome, count: 0 };
    g.count += 1;
    groups.set(key, g);
  }
  const freed = new Set(matters.filter(isFreeingMatter).map((m) => m.personId));
  return summariseOutcomes([...groups.values()], freed.size);
};
