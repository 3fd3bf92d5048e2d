import type { PersonTimelineView } from '@redress/core';

export type MarkKind = PersonTimelineView['tracks'][number]['marks'][number]['kind'];

export type MarkShape =
  | 'bar'
  | 'square'
  | 'square-outline'
  | 'circle'
  | 'ring'
  | 'triangle-up'
  | 'triangle-down'
  | 'diamond'
  | 'diamond-outline'
  | 'cross'
  | 'star';

export type MarkStyle = { shape: MarkShape; color: string; legend: string };

// Every colour is at least 3:1 against white (WCAG 1.4.11 for graphics); the shape, not only the
// colour, tells the kinds apart.
const RED = '#a51d1d';
const AMBER = '#9c4a00';
const PURPLE = '#5f3dc4';
const BLUE = '#1864ab';
const GREEN = '#2b7a3b';
const GREY = '#495057';
const BLACK = '#212529';

export const MARK_STYLES: Record<MarkKind, MarkStyle> = {
  convicted: { shape: 'bar', color: GREY, legend: 'Convicted' },
  imposed: { shape: 'square', color: RED, legend: 'Sentence imposed' },
  execution_method_set: { shape: 'diamond', color: PURPLE, legend: 'Execution method set or changed' },
  stayed: { shape: 'ring', color: AMBER, legend: 'Stayed' },
  suspended: { shape: 'square-outline', color: AMBER, legend: 'Suspended' },
  reinstated: { shape: 'triangle-up', color: RED, legend: 'Reinstated' },
  vacated: { shape: 'cross', color: BLUE, legend: 'Vacated' },
  modified: { shape: 'diamond-outline', color: BLUE, legend: 'Modified' },
  resentenced: { shape: 'diamond-outline', color: BLUE, legend: 'Resentenced' },
  commuted: { shape: 'triangle-down', color: GREEN, legend: 'Commuted' },
  pardoned: { shape: 'star', color: GREEN, legend: 'Pardoned' },
  paroled: { shape: 'ring', color: GREEN, legend: 'Paroled' },
  released: { shape: 'circle', color: GREEN, legend: 'Released' },
  discharged: { shape: 'square', color: GREEN, legend: 'Discharged' },
  died: { shape: 'cross', color: BLACK, legend: 'Died' },
  executed: { shape: 'square', color: BLACK, legend: 'Executed' },
};

export type VisitMarkStatus = PersonTimelineView['visits'][number]['status'];

const TEAL = '#0b7285';

/** Legal visits on their own track: a filled mark once held, an outline while only scheduled. */
export const VISIT_STYLES: Record<VisitMarkStatus, MarkStyle> = {
  held: { shape: 'circle', color: TEAL, legend: 'Legal visit held' },
  scheduled: { shape: 'ring', color: TEAL, legend: 'Legal visit scheduled' },
};

/** The mark's own words, shortened for a label under the mark (the tooltip and table keep all). */
export const shortMarkLabel = (kind: MarkKind, label: string): string => {
  if (kind === 'imposed') return label.replace(/^Sentence imposed: /, 'Imposed: ');
  if (kind === 'execution_method_set') return label.replace(/^Execution method: /, 'Method: ');
  return label;
};
