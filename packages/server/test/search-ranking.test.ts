import { SEARCH_NAME_SIMILARITY, SEARCH_WORD_SIMILARITY, searchWords } from '@redress/core';
import { nameSearchOf, prepareTrigramQueries, searchPeopleByName } from '@redress/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './support/harness.js';
import { addPerson } from './support/search-fixtures.js';

// The candidate window of name searches, through the repository: a text that matches many names is
// ranked within the first few candidates, and a whole name typed in full still comes first. And a
// whole name misspelt so that one of its words matches no word of the name alone is still found.

let h: Harness;
let exact: string;
let wismarda: string;
let reed: string;

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
  wismarda = await addPerson(h, 'Miguel Wismarda');
  reed = await addPerson(h, 'Rodney Reed');
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

  it('needs every word typed, when the whole is not close to a name', async () => {
    expect(await search('quentin zebulon', 300)).toEqual([]);
    expect((await search('harowgate quentn', 300))[0]?.id).toBe(exact);
  });
});

describe('a misspelt name of several words', () => {
  const wordSimilarity = async (word: string, name: string) =>
    Number((await sql<{ s: number }>`SELECT word_similarity(${word}, ${name}) AS s`.execute(h.database.db)).rows[0]?.s);

  it('finds "Miguel Wismarda" for "Miguel Wisamrda", two letters swapped', async () => {
    // "wisamrda" is too far from "wismarda" for the word-by-word pass (0.38), the whole is 0.6 like.
    expect(await wordSimilarity('wisamrda', 'miguel wismarda')).toBeLessThan(SEARCH_WORD_SIMILARITY);
    expect((await search('Miguel Wisamrda', 300)).map((r) => r.id)).toEqual([wismarda]);
  });

  it('finds "Rodney Reed" for "Rodney Raed"', async () => {
    expect(await wordSimilarity('raed', 'rodney reed')).toBeLessThan(SEARCH_WORD_SIMILARITY);
    expect((await search('Rodney Raed', 300)).map((r) => r.id)).toEqual([reed]);
  });

  it('does not find an unrelated name that shares a word', async () => {
    expect(await search('Miguel Quaxley', 300)).toEqual([]);
    expect(await search('Rodney Quaxley', 300)).toEqual([]);
    expect(await search('Zebedee Wisconsin', 300)).toEqual([]);
  });
});
