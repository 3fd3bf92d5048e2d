import {
  EXECUTION_METHODS,
  type ExecutionMethod,
  METHOD_LABELS,
  SENTENCE_EVENT_KINDS,
  SENTENCE_EVENT_LABELS,
  SENTENCE_TYPES,
  type SentenceTerm,
  type SentenceType,
} from '@redress/core';

export const TERM_TYPE_LABELS: Record<SentenceType, string> = {
  death: 'Death',
  lwop: 'Life without the possibility of parole',
  life: 'Life',
  indeterminate: 'Years to life',
  determinate: 'Determinate term',
  probation: 'Probation',
  county_jail: 'County jail',
};

export const SENTENCE_EVENT_KIND_OPTIONS = SENTENCE_EVENT_KINDS.map((value) => ({
  value,
  label: SENTENCE_EVENT_LABELS[value],
}));
export const TERM_TYPE_OPTIONS = SENTENCE_TYPES.map((value) => ({ value, label: TERM_TYPE_LABELS[value] }));
export const METHOD_OPTIONS = EXECUTION_METHODS.map((value) => ({ value, label: METHOD_LABELS[value] }));

/** Events that set a (new) term: the form asks for it. */
export const TERM_EVENT_KINDS: ReadonlySet<string> = new Set(['imposed', 'modified', 'resentenced', 'commuted']);

export const needsMonths = (type: SentenceType): boolean =>
  type === 'determinate' || type === 'probation' || type === 'county_jail';

/** The term as the API wants it; numbers left blank are sent as 0 so the server names the field. */
export const buildTerm = (type: SentenceType, minYears: string, months: string): SentenceTerm => {
  const whole = (value: string) => (value.trim() === '' ? 0 : Number(value));
  switch (type) {
    case 'death':
    case 'lwop':
    case 'life':
      return { type };
    case 'indeterminate':
      return { type, minYears: whole(minYears) };
    case 'determinate':
    case 'probation':
    case 'county_jail':
      return { type, months: whole(months) };
  }
};

export const isExecutionMethod = (value: string): value is ExecutionMethod =>
  (EXECUTION_METHODS as readonly string[]).includes(value);
