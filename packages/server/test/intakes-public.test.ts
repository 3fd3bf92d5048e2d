import { PUBLIC_INTAKE_PER_ADDRESS_PER_HOUR, PUBLIC_INTAKE_TOTAL_PER_HOUR } from '@redress/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, createHarness, expectError, type Harness, nextAddress } from './support/harness.js';

// The public intake form: no sign-in, English and Spanish, plain text only, a honeypot, a per-address
// rate limit and a small body limit; it creates an intake and nothing else.

let h: Harness;

const submit = (payload: unknown, remoteAddress = nextAddress(), headers: Record<string, string> = {}) =>
  h.app.inject({
    method: 'POST',
    url: '/api/v1/public/intake',
    payload: payload as object,
    remoteAddress,
    headers,
  });

const FORM = {
  language: 'en',
  submittedBy: { name: 'Alma Reyes', relationship: 'mother', contact: '559-555-0143' },
  questionnaire: {
    background: { name: 'Daniel Reyes', prisonerNumber: 'BH4410', numberSystem: 'cdcr', facilityName: 'Corcoran' },
    claim: { claimType: 'actual_innocence', innocenceClaim: 'He was with us at a birthday party.' },
  },
};

const count = async (table: 'intakes' | 'people' | 'documents' | 'matters') =>
  Number(
    (
      await h.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe('the public intake form', () => {
  it('creates an intake (public_form, new) and nothing else, and answers only with its reference', async () => {
    const before = {
      people: await count('people'),
      documents: await count('documents'),
      matters: await count('matters'),
    };
    const res = await submit(FORM);
    expect(res.statusCode, res.body).toBe(202);
    const body = res.json();
    expect(Object.keys(body)).toEqual(['reference']);
    expect(body.reference).toMatch(/^IN-2026-\d{5}$/);
    const row = await h.database.db
      .selectFrom('intakes')
      .selectAll()
      .where('reference', '=', body.reference)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      channel: 'public_form',
      state: 'new',
      applicant_name: 'Daniel Reyes',
      submitted_by_name: 'Alma Reyes',
      submitted_by_relationship: 'mother',
      submitted_by_contact: '559-555-0143',
      created_by: null,
      assigned_to: null,
      person_id: null,
      language: 'en',
    });
    expect({
      people: await count('people'),
      documents: await count('documents'),
      matters: await count('matters'),
    }).toEqual(before);
    expect((await auditRows(h)).at(-1)).toMatchObject({
      action: 'intake.submitted',
      entity_id: row.id,
      actor_id: null,
    });
  });

  it('stores nothing when the honeypot is filled, and answers as for a real submission', async () => {
    const before = await count('intakes');
    const res = await submit({ ...FORM, website: 'http://spam.example' });
    expect(res.statusCode).toBe(202);
    expect(res.json().reference).toMatch(/^IN-2026-\d{5}$/);
    expect(await count('intakes')).toBe(before);
  });

  it('refuses HTML with field messages, in English and in Spanish', async () => {
    const html = {
      ...FORM,
      questionnaire: { background: { name: 'Daniel <b>Reyes</b>' }, claim: { innocenceClaim: '<a href="x">see</a>' } },
    };
    const en = expectError(await submit(html), 400, 'request.invalid');
    expect(en.details).toEqual({
      'questionnaire.background.name': 'Plain text only',
      'questionnaire.claim.innocenceClaim': 'Plain text only',
    });
    const es = expectError(await submit({ ...html, language: 'es' }), 400, 'request.invalid');
    expect(es.message).toBe('Algunos campos no son válidos');
    expect(es.details).toEqual({
      'questionnaire.background.name': 'Solo texto sin formato (sin HTML)',
      'questionnaire.claim.innocenceClaim': 'Solo texto sin formato (sin HTML)',
    });
  });

  it('answers missing and too long fields in Spanish', async () => {
    const res = await submit({
      language: 'es',
      submittedBy: { name: 'Rosa', contact: '' },
      questionnaire: { background: { prisonerNumber: 'x'.repeat(65) } },
    });
    expect(expectError(res, 400, 'request.invalid').details).toEqual({
      'submittedBy.contact': 'Obligatorio',
      'questionnaire.background.name': 'Obligatorio',
      'questionnaire.background.prisonerNumber': 'Como máximo 64 caracteres',
    });
  });

  it('takes a Spanish submission and keeps its language for triage', async () => {
    const res = await submit({ ...FORM, language: 'es' });
    expect(res.statusCode).toBe(202);
    const row = await h.database.db
      .selectFrom('intakes')
      .select(['language', 'questionnaire'])
      .where('reference', '=', res.json().reference)
      .executeTakeFirstOrThrow();
    expect(row.language).toBe('es');
  });

  it('refuses a flood from one address with 429', async () => {
    const address = nextAddress();
    for (let i = 0; i < PUBLIC_INTAKE_PER_ADDRESS_PER_HOUR; i++) {
      expect((await submit(FORM, address)).statusCode).toBe(202);
    }
    expectError(await submit(FORM, address), 429, 'request.throttled');
    // Another address is not affected.
    expect((await submit(FORM)).statusCode).toBe(202);
  });

  it('refuses an oversized body with 413, and a body that is not JSON with 415', async () => {
    const big = { ...FORM, questionnaire: { claim: { innocenceClaim: 'a'.repeat(40 * 1024) } } };
    expectError(await submit(big), 413, 'request.too_large');
    const text = await h.app.inject({
      method: 'POST',
      url: '/api/v1/public/intake',
      payload: 'name=Daniel',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      remoteAddress: nextAddress(),
    });
    expectError(text, 415, 'request.unsupported_media_type');
  });

  it('serves the labels of the form in Spanish', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/public/intake/form?language=es' });
    expect(res.statusCode).toBe(200);
    const form = res.json();
    expect(form.language).toBe('es');
    expect(form.fields.find((f: { path: string }) => f.path === 'questionnaire.background.name')).toMatchObject({
      label: 'Nombre de la persona en prisión',
      isRequired: true,
    });
  });

  it('refuses everyone for the hour once the total for the hour is reached', async () => {
    const recent = await count('intakes');
    const now = h.clock.now();
    const rows = Array.from({ length: Math.max(0, PUBLIC_INTAKE_TOTAL_PER_HOUR - recent) }, (_, i) => ({
      id: crypto.randomUUID(),
      reference: `IN-2026-9${String(i).padStart(4, '0')}`,
      channel: 'public_form' as const,
      received_on: '2026-03-02',
      questionnaire: '{}',
      created_at: now,
      updated_at: now,
    }));
    if (rows.length > 0) await h.database.db.insertInto('intakes').values(rows).execute();
    const before = await count('intakes');
    expectError(await submit(FORM), 429, 'intake.public_busy');
    expect(await count('intakes')).toBe(before);
    h.clock.advance(61 * 60 * 1000);
    expect((await submit(FORM)).statusCode).toBe(202);
  });
});
