import type { CanonicalStatute } from './statute-types.js';

// FIRST CUT, to be replaced by the full normaliser: reads "PC 187(a)" and "21 USC 841(b)(1)(A)" only.
export const normalizeStatute = (raw: string, _jurisdiction: 'CA' | 'US'): CanonicalStatute => {
  const text = raw.trim();
  const ca = /^(PC|HS|VC)\s*([\d.]+)((?:\([^)]+\))*)/i.exec(text);
  const us = /^(\d+)\s*U\.?S\.?C\.?\s*§?\s*([\d.]+)((?:\([^)]+\))*)/i.exec(text);
  const m = ca ?? us;
  if (!m) {
    return {
      raw,
      recognised: false,
      code: null,
      title: null,
      section: null,
      subdivisions: [],
      id: `?${text}`,
      degree: null,
      isAttempt: false,
      isConspiracy: false,
      isEnhancement: false,
    };
  }
  const subdivisions = [...(m[3] ?? '').matchAll(/\(([^)]+)\)/g)].map((x) => x[1] ?? '');
  const code = ca ? ((m[1] ?? '').toUpperCase() as 'PC') : 'USC';
  const title = ca ? null : (m[1] ?? null);
  const section = m[2] ?? null;
  const id = `${title ? `${title} USC` : code} ${section}${subdivisions.map((s) => `(${s})`).join('')}`;
  return {
    raw,
    recognised: true,
    code,
    title,
    section,
    subdivisions,
    id,
    degree: null,
    isAttempt: false,
    isConspiracy: false,
    isEnhancement: false,
  };
};
