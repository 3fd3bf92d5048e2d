import { describe, expect, it } from 'vitest';
import { guessMapping, normaliseHeader, resolveMapping, uniqueHeaders } from '../src/import/column-mapping.js';
import { IMPORT_FIELDS, IMPORT_KINDS } from '../src/import/import-fields.js';

describe('normaliseHeader', () => {
  it.each([
    ['CDCR #', 'cdcr number'],
    ['cdcr_number', 'cdcr number'],
    ['CdcrNumber', 'cdcr number'],
    ['D.O.B.', 'd o b'],
    ['  E-mail  ', 'e mail'],
    ['Fecha de Nacimiento', 'fecha de nacimiento'],
    ['Organización', 'organizacion'],
  ])('%j -> %j', (header, normal) => {
    expect(normaliseHeader(header)).toBe(normal);
  });
});

describe('guessMapping', () => {
  it('maps common headers of a team spreadsheet', () => {
    expect(
      guessMapping('people', [
        'Client ID',
        'Name',
        'DOB',
        'CDCR #',
        'BOP Reg No',
        'Booking #',
        'AKA',
        'Language',
        'Sex',
        'Comments',
        'Shoe size',
      ]),
    ).toEqual({
      'Client ID': 'external_id',
      Name: 'legal_name',
      DOB: 'date_of_birth',
      'CDCR #': 'cdcr_number',
      'BOP Reg No': 'bop_register_number',
      'Booking #': 'county_booking_number',
      AKA: 'aliases',
      Language: 'preferred_language',
      Sex: 'gender',
      Comments: 'notes',
      'Shoe size': null,
    });
  });

  it('prefers an exact field name over a synonym, and gives each field one column', () => {
    // An export has both `id` (Redress's own) and `external_id`: the exact name wins, `id` is left out.
    expect(guessMapping('people', ['id', 'external_id', 'legal_name', 'Name'])).toEqual({
      id: null,
      external_id: 'external_id',
      legal_name: 'legal_name',
      Name: null,
    });
    expect(guessMapping('matters', ['id', 'external_id', 'person_id', 'person_external_id'])).toEqual({
      id: null,
      external_id: 'external_id',
      person_id: null,
      person_external_id: 'person_external_id',
    });
  });

  it('maps every field from its own name and label, for every kind', () => {
    for (const kind of IMPORT_KINDS) {
      const names = IMPORT_FIELDS[kind].map((f) => f.name);
      expect(Object.values(guessMapping(kind, names))).toEqual(names);
      const labels = IMPORT_FIELDS[kind].map((f) => f.label);
      expect(Object.values(guessMapping(kind, labels))).toEqual(names);
    }
  });
});

describe('uniqueHeaders', () => {
  it('names blank headers by position and numbers repeated ones', () => {
    expect(uniqueHeaders(['Notes', ' ', 'Notes', 'Notes (2)', 'Notes'])).toEqual([
      'Notes',
      'Column 2',
      'Notes (2)',
      'Notes (2) (2)',
      'Notes (3)',
    ]);
  });
});

describe('resolveMapping', () => {
  const header = ['ID', 'Name', 'Notes'];

  it('gives the column of each mapped field', () => {
    const resolved = resolveMapping('people', header, { ID: 'external_id', Name: 'legal_name', Notes: null });
    expect(resolved).toEqual({
      ok: true,
      value: {
        kind: 'people',
        columnCount: 3,
        columns: [
          { field: 'external_id', index: 0, header: 'ID' },
          { field: 'legal_name', index: 1, header: 'Name' },
        ],
      },
    });
  });

  it('names every problem at once', () => {
    const resolved = resolveMapping('people', header, {
      ID: 'legal_name',
      Name: 'legal_name',
      Notes: 'title',
      Gone: 'notes',
    });
    expect(resolved.ok).toBe(false);
    if (resolved.ok) return;
    expect(resolved.error.code).toBe('import.mapping_invalid');
    expect(resolved.error.details).toEqual({
      'mapping.Name': 'Column "ID" already fills legal_name: map each field from one column',
      'mapping.Notes': 'Unknown field "title" for people',
      'mapping.Gone': 'No such column in the file',
      'field.external_id': 'Map a column to this required field',
    });
  });
});
