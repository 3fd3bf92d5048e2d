import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, type Client, createHarness, expectError, type Harness, signInAs } from './support/harness.js';
import { type Member, member } from './support/matters-fixtures.js';
import { createPerson, expectStatus, openMatterFor } from './support/people-fixtures.js';

let h: Harness;
let admin: Client;
let attorney: Member;
let volunteer: Member;
let outsider: Member;
let facilityId: string;

const TODAY = '2026-03-02';

beforeAll(async () => {
  h = await createHarness();
  admin = (await signInAs(h, 'administrator')).client;
  attorney = await member(h, 'attorney', 'Ada Attorney');
  volunteer = await member(h, 'volunteer', 'Vic Volunteer');
  outsider = await member(h, 'paralegal', 'Otto Outsider');
  const found = await expectStatus(admin.request('GET', '/api/v1/facilities?q=CDCR-SVSP&limit=50'), 200);
  facilityId = found.items.find((f: { code: string }) => f.code === 'CDCR-SVSP').id;
});
afterAll(() => h.close());

/** A client at Salinas Valley with a CDCR number, on a matter with the attorney and the volunteer. */
const client = async (name = 'Marcus Allen Reed', number = `C${Math.floor(10000 + Math.random() * 89999)}`) => {
  const { person } = await createPerson(admin, {
    legalName: name,
    dateOfBirth: '1970-01-01',
    identifiers: [{ system: 'cdcr', value: number }],
  });
  await expectStatus(
    admin.request('POST', `/api/v1/people/${person.id}/placements`, {
      facilityId,
      fromDate: '2020-01-01',
      addressConfirmedAt: '2020-01-02',
      housing: 'D-5-112',
    }),
    201,
  );
  await openMatterFor(h, person.id, [
    { userId: attorney.id, matterRole: 'lead_attorney' },
    { userId: volunteer.id, matterRole: 'volunteer' },
  ]);
  return person.id;
};

const log = (c: Client, body: Record<string, unknown>) => c.request('POST', '/api/v1/correspondence', body);
const compose = (c: Client, personId: string, extra: Record<string, unknown> = {}) =>
  c.request('POST', '/api/v1/correspondence/letters', {
    template: 'acknowledgement',
    language: 'en',
    personId,
    legalMail: false,
    fields: { letter_date: '2026-02-20' },
    ...extra,
  });
const pagesOf = async (bytes: Buffer | Uint8Array) => (await PDFDocument.load(bytes)).getPageCount();

describe('the correspondence log', () => {
  it('logs letters in and out, calls and video visits, newest first, for whoever may see the person', async () => {
    const personId = await client();
    const received = await expectStatus(
      log(attorney.client, {
        personId,
        direction: 'in',
        channel: 'post',
        on: '2026-02-25',
        summary: 'First letter: asks for help with his case',
      }),
      201,
    );
    expect(received).toMatchObject({
      personId,
      personName: 'Marcus Allen Reed',
      direction: 'in',
      channel: 'post',
      state: 'received',
      receivedOn: '2026-02-25',
      sentOn: null,
      staff: { id: attorney.id, name: 'Ada Attorney' },
    });
    h.clock.advance(60_000);
    const call = await expectStatus(
      log(attorney.client, { personId, direction: 'out', channel: 'phone', summary: 'Legal call about the petition' }),
      201,
    );
    expect(call).toMatchObject({ state: 'sent', sentOn: TODAY });

    const list = await expectStatus(
      volunteer.client.request('GET', `/api/v1/correspondence?personId=${personId}`),
      200,
    );
    expect(list.items.map((c: { id: string }) => c.id)).toEqual([call.id, received.id]);
    const onlyIn = await expectStatus(
      admin.request('GET', `/api/v1/correspondence?personId=${personId}&direction=in`),
      200,
    );
    expect(onlyIn.items.map((c: { id: string }) => c.id)).toEqual([received.id]);
    expect((await auditRows(h)).some((e) => e.action === 'correspondence.logged' && e.entity_id === call.id)).toBe(
      true,
    );

    // Someone who may not see the person learns nothing: not the person, not the letters.
    expectError(
      await outsider.client.request('GET', `/api/v1/correspondence?personId=${personId}`),
      404,
      'person.not_found',
    );
    expectError(
      await log(outsider.client, { personId, direction: 'in', channel: 'post', summary: 'x' }),
      404,
      'person.not_found',
    );
    expectError(
      await outsider.client.request('PATCH', `/api/v1/correspondence/${call.id}`, { summary: 'changed' }),
      404,
      'correspondence.not_found',
    );
    const all = await expectStatus(outsider.client.request('GET', '/api/v1/correspondence'), 200);
    expect(all.items.filter((c: { personId: string }) => c.personId === personId)).toEqual([]);
  });

  it('answers bad input with field messages', async () => {
    const personId = await client();
    const both = expectError(
      await log(admin, {
        personId,
        intakeId: crypto.randomUUID(),
        direction: 'in',
        channel: 'pigeon',
        summary: '',
      }),
      400,
      'request.invalid',
    );
    expect(Object.keys(both.details ?? {}).sort()).toEqual(['channel', 'summary']);
    const neither = expectError(
      await log(admin, { direction: 'in', channel: 'post', summary: 'x' }),
      400,
      'request.invalid',
    );
    expect(neither.details).toEqual({ personId: 'Give either personId or intakeId' });
    const future = expectError(
      await log(admin, { personId, direction: 'in', channel: 'post', on: '2026-03-09', summary: 'x' }),
      400,
      'correspondence.future_date',
    );
    expect(future.details).toEqual({ on: 'The date cannot be in the future' });
    expectError(
      await log(admin, { personId, direction: 'in', channel: 'post', state: 'sent', summary: 'x' }),
      400,
      'correspondence.bad_state',
    );
  });
});

describe('returned mail and the mail hold', () => {
  it('puts the mail on hold when the facility returns a letter, in the same transaction, and audits it', async () => {
    const personId = await client();
    const sent = await expectStatus(
      log(attorney.client, {
        personId,
        direction: 'out',
        channel: 'legal_mail',
        on: '2026-02-23',
        summary: 'Case update',
      }),
      201,
    );
    const noReason = expectError(
      await attorney.client.request('PATCH', `/api/v1/correspondence/${sent.id}`, { state: 'returned' }),
      400,
      'request.invalid',
    );
    expect(noReason.details).toHaveProperty('reason');

    const returned = await expectStatus(
      attorney.client.request('PATCH', `/api/v1/correspondence/${sent.id}`, {
        state: 'returned',
        reason: 'Not at this institution',
      }),
      200,
    );
    expect(returned).toMatchObject({
      state: 'returned',
      returnedReason: 'Not at this institution',
      sentOn: '2026-02-23',
    });
    const person = await expectStatus(admin.request('GET', `/api/v1/people/${personId}`), 200);
    expect(person.mailHold).toEqual({ since: TODAY, reason: 'Mail returned by the facility: Not at this institution' });
    const entries = (await auditRows(h)).slice(-2);
    expect(entries.map((e) => [e.action, e.entity_id])).toEqual([
      ['person.mail_hold_placed', personId],
      ['correspondence.returned', sent.id],
    ]);

    // A returned letter cannot be returned again; nothing more is mailed while the hold is on.
    expectError(
      await attorney.client.request('PATCH', `/api/v1/correspondence/${sent.id}`, { state: 'sent' }),
      422,
      'correspondence.bad_transition',
    );
    const blocked = expectError(
      await log(attorney.client, { personId, direction: 'out', channel: 'post', summary: 'Another letter' }),
      409,
      'mail.hold',
    );
    expect(blocked.message).toContain('Not at this institution');
    const refused = expectError(await compose(attorney.client, personId), 409, 'mail.hold');
    expect(refused.message).toContain('Mail returned by the facility: Not at this institution');
    // A call is not mail.
    await expectStatus(log(attorney.client, { personId, direction: 'out', channel: 'phone', summary: 'Call' }), 201);
  });
});

describe('letters from templates and batch printing', () => {
  it('composes a letter, stores its PDF and logs it ready to print', async () => {
    const personId = await client();
    const letter = await expectStatus(compose(attorney.client, personId), 201);
    expect(letter.correspondence).toMatchObject({
      personId,
      direction: 'out',
      channel: 'post',
      state: 'ready',
      templateKey: 'acknowledgement',
      language: 'en',
      documentId: letter.documentId,
    });
    expect(letter.envelopeLines?.[0]).toMatch(/^Marcus Allen Reed, CDCR# C\d+$/);
    const pdf = await h.app.inject({
      method: 'GET',
      url: `/api/v1/correspondence/${letter.correspondence.id}/pdf`,
      headers: { cookie: attorney.client.cookie },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(await pagesOf(pdf.rawPayload)).toBeGreaterThan(0);
    const unknown = expectError(
      await compose(attorney.client, personId, { fields: { shoe_size: '11' } }),
      400,
      'letter.unknown_field',
    );
    expect(unknown.message).toContain('shoe_size');
  });

  it('prints letters in the order asked with their envelopes and marks each sent, in one transaction', async () => {
    const first = await client('Alan First');
    const second = await client('Bea Second');
    const a = (await expectStatus(compose(attorney.client, first), 201)).correspondence.id;
    const b = (await expectStatus(compose(attorney.client, second), 201)).correspondence.id;
    const c = (
      await expectStatus(
        compose(attorney.client, first, {
          template: 'request_documents',
          fields: { documents_requested: 'Your trial transcript' },
        }),
        201,
      )
    ).correspondence.id;
    const letterPages = async (id: string) => {
      const res = await h.app.inject({
        method: 'GET',
        url: `/api/v1/correspondence/${id}/pdf`,
        headers: { cookie: attorney.client.cookie },
      });
      return pagesOf(res.rawPayload);
    };
    const pages = (await letterPages(a)) + (await letterPages(b)) + (await letterPages(c));

    const queue = await expectStatus(
      attorney.client.request('GET', '/api/v1/correspondence?state=ready&limit=200'),
      200,
    );
    expect(queue.items.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining([a, b, c]));

    const before = (await auditRows(h)).length;
    const res = await attorney.client.request('POST', '/api/v1/correspondence/batch-print', {
      ids: [b, c, a],
      mode: 'envelopes',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    // A cover sheet (the packing order), then each letter followed by its envelope.
    expect(await pagesOf(res.rawPayload)).toBe(1 + pages + 3);

    const sent = (await auditRows(h)).slice(before).filter((e) => e.action === 'correspondence.sent');
    expect(sent.map((e) => e.entity_id)).toEqual([b, c, a]);
    expect(sent.map((e) => (e.details as { batch: { position: number } }).batch.position)).toEqual([1, 2, 3]);
    for (const id of [a, b, c]) {
      const list = await expectStatus(
        attorney.client.request('GET', '/api/v1/correspondence?state=sent&limit=200'),
        200,
      );
      expect(list.items.find((x: { id: string }) => x.id === id)).toMatchObject({ state: 'sent', sentOn: TODAY });
    }
    // Printed letters are no longer ready: printing them again is refused.
    const again = expectError(
      await attorney.client.request('POST', '/api/v1/correspondence/batch-print', { ids: [a], mode: 'labels' }),
      422,
      'correspondence.not_printable',
    );
    expect(again.details).toHaveProperty('ids.0');
  });

  it('refuses the whole batch, naming the letter, when a person got a mail hold since', async () => {
    const ok = await client('Carl Clear');
    const held = await client('Dora Held');
    const x = (await expectStatus(compose(attorney.client, ok), 201)).correspondence.id;
    const y = (await expectStatus(compose(attorney.client, held), 201)).correspondence.id;
    // Dora is moved: the transfer puts her mail on hold.
    const other = await expectStatus(admin.request('GET', '/api/v1/facilities?q=CDCR-SQ&limit=50'), 200);
    await expectStatus(
      admin.request('POST', `/api/v1/people/${held}/placements`, {
        facilityId: other.items.find((f: { code: string }) => f.code === 'CDCR-SQ').id,
        fromDate: '2026-03-01',
      }),
      201,
    );
    const refused = expectError(
      await attorney.client.request('POST', '/api/v1/correspondence/batch-print', { ids: [x, y], mode: 'labels' }),
      409,
      'mail.hold',
    );
    expect(refused.message).toContain('Dora Held');
    expect(refused.details?.['ids.1']).toContain('Dora Held');
    const still = await expectStatus(attorney.client.request('GET', `/api/v1/correspondence?personId=${ok}`), 200);
    expect(still.items[0]).toMatchObject({ id: x, state: 'ready', sentOn: null });
  });

  it('refuses a batch of letters another cannot see', async () => {
    const personId = await client();
    const id = (await expectStatus(compose(attorney.client, personId), 201)).correspondence.id;
    expectError(
      await outsider.client.request('POST', '/api/v1/correspondence/batch-print', { ids: [id], mode: 'envelopes' }),
      404,
      'correspondence.not_found',
    );
    expectError(
      await outsider.client.request('GET', `/api/v1/correspondence/${id}/pdf`),
      404,
      'correspondence.not_found',
    );
  });
});
