import { SEARCH_NAME_SIMILARITY, SEARCH_WORD_SIMILARITY, searchWords } from '@redress/core';
import { nameSearchOf, prepareTrigramQueries, searchPeopleByName } from '@redress/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './support/harness.js';
import { addPerson } from './support/search-fixtures.js';

// The candidate window of name searches, through the repository: a text that matches many names is
// ranked within the first few candidates, and a whole name typed in full still comes first.

let h: Harness;
let exact: string;

const search = (text: string, window: number) =>
  h.database.db.transaction().execute(async (tx) => {
    await prepareTrigramQueries(tx, { similarity: SEARCH_NAME_SIMILARITY, wordSimilarity: SEARCH_WORD_SIMILARITY });
    return searchPeopleByName(tx, null, { whole: nameSearchOf(text), words: searchWords(text) }, { limit: 2, window });
  });

beforeAll(async () => {
  h = await createHarness();
  // Inserted first, so they come first in the table: each contains the name, none is close to it whole.
  for (const extra of ['Blackwood', 'Featherstone', 'Ashcombe', 'Pemberton', 'Wolstenholme']) {
    await addPerson(h, `Quentin Harrowgate-Smythe ${extra} Montgomery`);
  }
  exact = await addPerson(h, 'Quentin Harrowgate');
});
afterAll(() => h.close());

describe('the candidate window', () => {
  it('ranks every candidate when they fit in the window', async () => {
    const rows = await search('quentin harrowgate', 300);
    expect(rows[0]?.id).toBe(exact);
    expect(rows).toHaveLength(2);
  });

  it('still finds the whole name when partial matches fill the window before it', async () => {
    const rows = await search('quentin harrowgate', 3);
    expect(rows.map((r) => r.id)).toContain(exact);
    expect([...rows].sort((a, b) => b.score - a.score)[0]?.id).toBe(exact);
  });

  it('ranks only within the window for a single word, which is not a whole name', async () => {
    const rows = await search('harrowgate', 3);
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.id)).not.toContain(exact);
  });

  it('needs every word typed', async () => {
    expect(await search('quentin zebulon', 300)).toEqual([]);
    expect((await search('harowgate quentn', 300))[0]?.id).toBe(exact);
  });
});
