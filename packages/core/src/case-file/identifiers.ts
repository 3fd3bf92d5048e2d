/**
 * Identifiers a person carries in each system. Formats are checked where the system publishes one;
 * the rest are free text (but a single readable line).
 */
export const IDENTIFIER_SYSTEMS = ['cdcr', 'bop', 'county_booking', 'fbi', 'state_id', 'other'] as const;
export type IdentifierSystem = (typeof IDENTIFIER_SYSTEMS)[number];

export const IDENTIFIER_LABELS: Record<IdentifierSystem, string> = {
  cdcr: 'CDCR number',
  bop: 'BOP register number',
  county_booking: 'County booking number',
  fbi: 'FBI number',
  state_id: 'State identification number',
  other: 'Other identifier',
};

export type IdentifierCheck = { ok: true; value: string } | { ok: false; message: string };

/**
 * CDCR numbers are one or two letters then digits, six characters in all (C98556, AB1234); people
 * write them with a dash or space after the letters, which we drop.
 */
const normaliseCdcr = (raw: string): IdentifierCheck => {
  const v = raw.trim().toUpperCase().replace(/[\s-]/g, '');
  return /^(?:[A-Z]\d{5}|[A-Z]{2}\d{4})$/.test(v)
    ? { ok: true, value: v }
    : { ok: false, message: 'A CDCR number is one or two letters and digits, six characters (e.g. C98556 or AB1234)' };
};

/** BOP register numbers: 8 digits written NNNNN-NNN (the last three are the US Marshals district). */
const normaliseBop = (raw: string): IdentifierCheck => {
  const v = raw.trim();
  const digits = v.replace(/[\s-]/g, '');
  return /^\d{5}[\s-]?\d{3}$/.test(v)
    ? { ok: true, value: `${digits.slice(0, 5)}-${digits.slice(5)}` }
    : { ok: false, message: 'A BOP register number has 8 digits, written NNNNN-NNN (e.g. 12345-678)' };
};

const freeText = (raw: string): IdentifierCheck => {
  const v = raw.trim();
  if (v.length === 0) return { ok: false, message: 'Required' };
  if (v.length > 64) return { ok: false, message: 'At most 64 characters' };
  if (/[\p{Cc}]/u.test(v)) return { ok: false, message: 'Must not contain control characters' };
  return { ok: true, value: v };
};

export const normaliseIdentifier = (system: IdentifierSystem, raw: string): IdentifierCheck => {
  switch (system) {
    case 'cdcr':
      return normaliseCdcr(raw);
    case 'bop':
      return normaliseBop(raw);
    default:
      return freeText(raw);
  }
};
