/**
 * Names as people write them: accents, hyphens, apostrophes, initials, "Last, First". Matching works
 * on a normalised form; pg_trgm similarity in the database does the fuzzy part.
 */
export const normaliseName = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^([^,]+),\s*(.+)$/, '$2 $1')
    .replace(/[^a-z0-9\s]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Trigram similarity of two names, the same measure as pg_trgm's similarity(), for pure code and tests. */
export const trigramSimilarity = (a: string, b: string): number => {
  const grams = (s: string) => {
    const set = new Set<string>();
    for (const word of normaliseName(s).split(' ').filter(Boolean)) {
      const padded = `  ${word} `;
      for (let i = 0; i + 3 <= padded.length; i++) set.add(padded.slice(i, i + 3));
    }
    return set;
  };
  const x = grams(a);
  const y = grams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return shared / (x.size + y.size - shared);
};
