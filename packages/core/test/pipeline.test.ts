import { describe, expect, it } from 'vitest';
import { ROLES } from '../src/access/roles.js';
import { DEFAULT_MATTER_ROLE, matterRoleFits } from '../src/case-file/matter-team.js';
import { DEFAULT_STAGES, MATTER_TYPES } from '../src/case-file/matters.js';
import {
  boardColumns,
  countOutcomes,
  initialStage,
  initialsOf,
  isFreeingMatter,
  pipelinesOf,
  stagesOf,
  summariseOutcomes,
  validatePipelineEdit,
  validateStageMove,
} from '../src/case-file/pipeline.js';
import { EditPipelineInput, OpenMatterInput, UpdateMatterInput } from '../src/schemas/matters.schemas.js';

const HABEAS = DEFAULT_STAGES.habeas;

describe('stagesOf', () => {
  it('uses the defaults until a pipeline is saved for the type', () => {
    expect(stagesOf('habeas', [])).toEqual([...HABEAS]);
    expect(stagesOf('habeas', [{ matterType: 'pardon', position: 0, name: 'Only' }])).toEqual([...HABEAS]);
  });
  it('orders a saved pipeline by position, whatever order the rows come in', () => {
    const rows = [
      { matterType: 'habeas', position: 2, name: 'Hearing' },
      { matterType: 'habeas', position: 0, name: 'Petition' },
      { matterType: 'habeas', position: 1, name: 'Briefing' },
    ] as const;
    expect(stagesOf('habeas', rows)).toEqual(['Petition', 'Briefing', 'Hearing']);
  });
  it('lists every type once, flagging the customised ones', () => {
    const pipelines = pipelinesOf([{ matterType: 'reentry', position: 0, name: 'Out' }]);
    expect(pipelines.map((p) => p.type)).toEqual([...MATTER_TYPES]);
    expect(pipelines.filter((p) => p.isCustomised)).toEqual([{ type: 'reentry', stages: ['Out'], isCustomised: true }]);
  });
  it('does not hand out the shared default arrays', () => {
    const stages = stagesOf('habeas', []);
    stages.push('Mutated');
    expect(DEFAULT_STAGES.habeas).not.toContain('Mutated');
  });
});

describe('initialStage and validateStageMove', () => {
  it('starts at the first stage unless another stage of the pipeline is asked for', () => {
    expect(initialStage(HABEAS)).toEqual({ ok: true, value: 'Investigation' });
    expect(initialStage(HABEAS, 'Filed')).toEqual({ ok: true, value: 'Filed' });
  });
  it.each([['Not a stage'], ['filed'], ['']])('refuses %j as a stage of the pipeline', (stage) => {
    const result = initialStage(HABEAS, stage);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatchObject({ category: 'unprocessable', code: 'matter.stage_not_in_pipeline' });
      expect(result.error.details?.stage).toContain('Investigation');
    }
  });
  it('refuses an empty pipeline', () => {
    expect(initialStage([])).toMatchObject({ ok: false, error: { code: 'pipeline.empty' } });
  });
  it.each([
    ['Investigation', 'Filed', true],
    ['Filed', 'Investigation', true],
    ['Filed', 'Filed', false],
  ])('moves %s -> %s (change: %s)', (from, to, isChange) => {
    expect(validateStageMove(HABEAS, from, to)).toEqual({ ok: true, value: { from, to, isChange } });
  });
  it('refuses a move off the pipeline', () => {
    expect(validateStageMove(HABEAS, 'Filed', 'Nowhere')).toMatchObject({
      ok: false,
      error: { code: 'matter.stage_not_in_pipeline' },
    });
  });
});

describe('validatePipelineEdit', () => {
  const current = ['Screening', 'Filed', 'Decision'];

  it('accepts a new pipeline that keeps the stages in use', () => {
    const edit = { stages: ['Screening', 'Records', 'Filed', 'Decision'], renames: [] };
    expect(validatePipelineEdit(current, edit, ['Filed'])).toEqual({ ok: true, value: edit });
  });
  it('names every stage in use that would be dropped', () => {
    const result = validatePipelineEdit(current, { stages: ['Screening'], renames: [] }, ['Filed', 'Decision']);
    expect(result).toMatchObject({ ok: false, error: { category: 'unprocessable', code: 'pipeline.stage_in_use' } });
    if (!result.ok) {
      expect(result.error.message).toContain('"Filed"');
      expect(result.error.message).toContain('"Decision"');
      expect(result.error.details).toEqual({ stages: 'In use: Filed, Decision' });
    }
  });
  it('lets a stage in use go when it is renamed', () => {
    const edit = {
      stages: ['Screening', 'Filed with court', 'Decision'],
      renames: [{ from: 'Filed', to: 'Filed with court' }],
    };
    expect(validatePipelineEdit(current, edit, ['Filed']).ok).toBe(true);
  });
  it.each([
    [{ stages: ['A', 'a '], renames: [] }, 'stages.1'],
    [{ stages: ['A'], renames: [{ from: 'Nope', to: 'A' }] }, 'renames.0.from'],
    [{ stages: ['A'], renames: [{ from: 'Filed', to: 'B' }] }, 'renames.0.to'],
    [{ stages: ['Filed', 'A'], renames: [{ from: 'Filed', to: 'A' }] }, 'renames.0.from'],
  ])('refuses an inconsistent edit %j (%s)', (edit, field) => {
    const result = validatePipelineEdit(current, edit, []);
    expect(result).toMatchObject({ ok: false, error: { category: 'invalid', code: 'pipeline.invalid' } });
    if (!result.ok) expect(result.error.details).toHaveProperty(field);
  });
});

describe('boardColumns', () => {
  const card = (id: string, stage: string) => ({ id, stage });

  it('gives one column per stage in pipeline order, empty ones included, with the full counts', () => {
    const columns = boardColumns(
      ['A', 'B', 'C'],
      new Map([
        ['C', 7],
        ['A', 1],
      ]),
      [card('1', 'C'), card('2', 'A'), card('3', 'C')],
    );
    expect(columns).toEqual([
      { stage: 'A', count: 1, cards: [card('2', 'A')], isInPipeline: true },
      { stage: 'B', count: 0, cards: [], isInPipeline: true },
      { stage: 'C', count: 7, cards: [card('1', 'C'), card('3', 'C')], isInPipeline: true },
    ]);
  });
  it('keeps matters in a stage the pipeline lost in extra columns at the end', () => {
    const columns = boardColumns(['A'], new Map([['Old', 2]]), [card('1', 'Old')]);
    expect(columns.map((c) => [c.stage, c.count, c.isInPipeline])).toEqual([
      ['A', 0, true],
      ['Old', 2, false],
    ]);
  });
});

describe('initialsOf', () => {
  it.each([
    ['Ada Lovelace', 'AL'],
    ['Prince', 'P'],
    ['  mary ann de la cruz ', 'MC'],
    ['Émile Zola', 'ÉZ'],
    ['', '?'],
    ['Test (volunteer)', 'T'],
  ])('%j -> %s', (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });
});

describe('outcome counts', () => {
  const m = (
    personId: string,
    type: 'pardon' | 'habeas',
    outcome: 'pending' | 'granted' | 'denied',
    releaseDate: string | null = null,
  ) => ({
    personId,
    type,
    outcome,
    releaseDate,
  });

  it('counts a person freed once, however many granted matters they have', () => {
    const summary = countOutcomes([
      m('p1', 'pardon', 'granted', '2024-01-02'),
      m('p1', 'habeas', 'granted', '2024-01-02'),
      m('p2', 'habeas', 'granted', null), // granted, still inside: not freed yet
      m('p3', 'habeas', 'denied', '2020-05-05'), // walked out some other way: not this matter's doing
      m('p4', 'pardon', 'pending'),
    ]);
    expect(summary.peopleFreed).toBe(1);
    expect(summary.total).toBe(5);
    expect(summary.byOutcome).toEqual({ pending: 1, granted: 3, denied: 1, withdrawn: 0, moot: 0 });
    const habeas = summary.byType.find((t) => t.type === 'habeas');
    expect(habeas).toEqual({
      type: 'habeas',
      total: 3,
      byOutcome: { pending: 0, granted: 2, denied: 1, withdrawn: 0, moot: 0 },
    });
  });
  it('lists every type and outcome, and the parts add up to the total', () => {
    const summary = summariseOutcomes(
      [
        { type: 'pardon', outcome: 'granted', count: 2 },
        { type: 'reentry', outcome: 'moot', count: 3 },
      ],
      2,
    );
    expect(summary.byType.map((t) => t.type)).toEqual([...MATTER_TYPES]);
    expect(summary.byType.reduce((n, t) => n + t.total, 0)).toBe(summary.total);
    expect(Object.values(summary.byOutcome).reduce((a, b) => a + b, 0)).toBe(5);
    expect(summariseOutcomes([], 0).total).toBe(0);
  });
  it('isFreeingMatter needs both the grant and the release date', () => {
    expect(isFreeingMatter({ outcome: 'granted', releaseDate: '2025-01-01' })).toBe(true);
    expect(isFreeingMatter({ outcome: 'granted', releaseDate: null })).toBe(false);
    expect(isFreeingMatter({ outcome: 'moot', releaseDate: '2025-01-01' })).toBe(false);
  });
});

describe('matter team roles', () => {
  it('gives every organisation role a default matter role that fits it', () => {
    for (const role of ROLES) expect(matterRoleFits(role, DEFAULT_MATTER_ROLE[role])).toBe(true);
    expect(DEFAULT_MATTER_ROLE.attorney).toBe('lead_attorney');
    expect(DEFAULT_MATTER_ROLE.paralegal).toBe('paralegal');
    expect(DEFAULT_MATTER_ROLE.advocate).toBe('advocate');
  });
  it('keeps counsel roles for attorneys and volunteers as volunteers', () => {
    expect(matterRoleFits('paralegal', 'lead_attorney')).toBe(false);
    expect(matterRoleFits('administrator', 'co_counsel')).toBe(false);
    expect(matterRoleFits('attorney', 'co_counsel')).toBe(true);
    expect(matterRoleFits('volunteer', 'paralegal')).toBe(false);
    expect(matterRoleFits('investigator', 'paralegal')).toBe(true);
  });
});

describe('matter input schemas', () => {
  const personId = '0b6c5d2e-8f1a-4c3b-9d7e-1a2b3c4d5e6f';
  it('refuses an unknown matter type and an impossible date', () => {
    const result = OpenMatterInput.safeParse({ personId, type: 'divorce', openedOn: '2023-02-29' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['openedOn', 'type']);
  });
  it('needs at least one change and knows no extra fields', () => {
    expect(UpdateMatterInput.safeParse({}).success).toBe(false);
    expect(UpdateMatterInput.safeParse({ stage: 'Filed' }).success).toBe(false);
    expect(UpdateMatterInput.safeParse({ closedOn: null }).success).toBe(true);
  });
  it('defaults renames to none and refuses an empty pipeline', () => {
    expect(EditPipelineInput.parse({ stages: ['A'] })).toEqual({ stages: ['A'], renames: [] });
    expect(EditPipelineInput.safeParse({ stages: [] }).success).toBe(false);
  });
});
