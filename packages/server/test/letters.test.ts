import { randomBytes } from 'node:crypto';
import { DOCX, LETTER_LANGUAGES, LETTER_TEMPLATE_KEYS, sniffMediaType } from '@redress/core';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultTemplateBytes } from '../src/letters/compose-letter.js';
import { composeLetter, renderBatchPdf } from '../src/letters/index.js';
import { auditRows, type Client, createHarness, expectError, type Harness, signInAs } from './support/harness.js';
import { pdfPages, pdfText } from './support/pdf-text.js';
import { createPerson, expectStatus } from './support/people-fixtures.js';

let h: Harness;
let admin: Client;
let attorney: Client;
let attorneyId: string;
let paralegal: Client;
let caPerson: string;
let usPerson: string;

const facilityId = async (code: string) =>
  (await h.database.db.selectFrom('facilities').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

const personAt = async (code: string, body: Record<string, unknown>, placement: Record<string, unknown> = {}) => {
  const { person } = await createPerson(admin, { dateOfBirth: '1970-01-01', ...body });
  await expectStatus(
    admin.request('POST', `/api/v1/people/${person.id}/placements`, {
      facilityId: await facilityId(code),
      fromDate: '2020-01-01',
      addressConfirmedAt: '2020-01-02',
      ...placement,
    }),
    201,
  );
  return person.id;
};

const render = (client: Client, body: Record<string, unknown>) =>
  client.request('POST', '/api/v1/letters/render', body);

type Part = [name: string, file: { fileName: string; content: Buffer }];
const form = (parts: readonly Part[]) => {
  const boundary = `----redress${randomBytes(8).toString('hex')}`;
  const pieces: Buffer[] = [];
  for (const [name, value] of parts) {
    pieces.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${value.fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      value.content,
      Buffer.from('\r\n'),
    );
  }
  pieces.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(pieces), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
};
const upload = (c: Client, key: string, language: string, content: Buffer, fileName = 'letter.docx') => {
  const { payload, headers } = form([['file', { fileName, content }]]);
  return c.request('PUT', `/api/v1/letters/templates/${key}/${language}`, payload, headers);
};

/** The default template with its document.xml changed. */
const editedTemplate = async (key: 'acknowledgement', edit: (xml: string) => string) => {
  const zip = new PizZip(await defaultTemplateBytes(key, 'en'));
  zip.file('word/document.xml', edit(zip.file('word/document.xml')?.asText() ?? ''));
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
};

beforeAll(async () => {
  h = await createHarness();
  admin = (await signInAs(h, 'administrator')).client;
  const a = await signInAs(h, 'attorney');
  attorney = a.client;
  attorneyId = a.user.id;
  paralegal = (await signInAs(h, 'paralegal')).client;
  await expectStatus(
    attorney.request('PUT', `/api/v1/users/${attorneyId}/attorney-profile`, {
      displayName: 'Dolores Ibáñez',
      barNumber: '287654',
      barAddressLines: ['1625 Clay Street, Suite 300', 'Oakland, CA 94612'],
      phone: '(510) 555-0142',
      email: 'dibanez@example.org',
    }),
    200,
  );
  caPerson = await personAt(
    'CDCR-SVSP',
    { legalName: 'Marcus Allen Reed', identifiers: [{ system: 'cdcr', value: 'C98556' }] },
    { housing: 'D-5-112' },
  );
  usPerson = await personAt('BOP-BML', {
    legalName: 'Roberto Ignacio Salas',
    aliases: [{ name: 'ROBERTO SALAS', kind: 'committed_name' }],
    identifiers: [{ system: 'bop', value: '12345678' }],
  });
});
afterAll(() => h.close());

describe('letters from the default templates', () => {
  it('renders every template in both languages as DOCX and PDF, with the legal-mail letterhead', async () => {
    for (const template of LETTER_TEMPLATE_KEYS) {
      for (const language of LETTER_LANGUAGES) {
        const body = { template, language, personId: caPerson, senderUserId: attorneyId, legalMail: true };
        const pdf = await render(attorney, { ...body, format: 'pdf' });
        expect(pdf.statusCode, pdf.body).toBe(200);
        expect(pdf.headers['content-type']).toMatch(/^application\/pdf/);
        const text = await pdfText(pdf.rawPayload);
        const where = `${template}.${language}`;
        expect(text, where).toContain('Marcus Allen Reed');
        expect(text, where).toContain('C98556');
        expect(text, where).toContain('CONFIDENTIAL LEGAL MAIL');
        expect(text, where).toContain('Dolores Ibáñez, Attorney at Law');
        expect(text, where).toContain('1625 Clay Street, Suite 300');
        expect(text, where).toMatch(language === 'es' ? /Página 1 de \d/ : /Page 1 of \d/);

        const docx = await render(attorney, { ...body, format: 'docx' });
        expect(docx.statusCode, docx.body).toBe(200);
        expect(sniffMediaType(docx.rawPayload)).toBe(DOCX);
        const xml = new PizZip(docx.rawPayload).file('word/document.xml')?.asText() ?? '';
        expect(xml, where).toContain('Marcus Allen Reed');
        expect(xml, where).not.toMatch(/\{[a-z_]+\}/);
      }
    }
  });

  it('prints Spanish accents and marks BOP legal mail as special mail', async () => {
    const res = await render(attorney, {
      template: 'acknowledgement',
      language: 'es',
      personId: usPerson,
      legalMail: true,
      fields: { letter_date: '2026-01-15' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('SPECIAL MAIL - OPEN ONLY IN THE PRESENCE OF THE INMATE');
    expect(text).toContain('ROBERTO SALAS');
    expect(text).toContain('12345-678');
    expect(text).toContain('¿Qué pasa ahora?');
    expect(text).toContain('15 de enero de 2026');
    expect(text).toMatch(/español|año|Atentamente/);
  });

  it('prints a rule for a field nobody filled, and refuses a typed field the template does not have', async () => {
    const res = await render(attorney, {
      template: 'request_documents',
      language: 'en',
      personId: caPerson,
      legalMail: false,
    });
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('________________');
    expect(text).not.toContain('CONFIDENTIAL LEGAL MAIL');
    const error = expectError(
      await render(attorney, {
        template: 'acknowledgement',
        language: 'en',
        personId: caPerson,
        fields: { shoe_size: '9' },
      }),
      400,
      'letter.unknown_field',
    );
    expect(error.message).toContain('{shoe_size}');
  });

  it('refuses a letter to a person whose mail is on hold, with the reason (409)', async () => {
    const held = await personAt('CDCR-SVSP', {
      legalName: 'Held Mail',
      identifiers: [{ system: 'cdcr', value: 'AB1234' }],
    });
    await expectStatus(
      admin.request('POST', `/api/v1/people/${held}/placements`, {
        facilityId: await facilityId('CDCR-PBSP'),
        fromDate: '2026-02-20',
      }),
      201,
    );
    const error = expectError(
      await render(attorney, { template: 'acknowledgement', language: 'en', personId: held }),
      409,
      'mail.hold',
    );
    expect(error.message).toMatch(/on hold since/);
  });

  it('hides a person the caller may not see (404), and legal mail needs an attorney profile', async () => {
    expectError(
      await render(paralegal, { template: 'acknowledgement', language: 'en', personId: caPerson }),
      404,
      'person.not_found',
    );
    expectError(
      await render(admin, { template: 'acknowledgement', language: 'en', personId: caPerson, legalMail: true }),
      422,
      'letter.no_attorney_profile',
    );
  });
});

describe('uploaded templates', () => {
  it('refuses an unknown merge field by name (400)', async () => {
    const bad = await editedTemplate('acknowledgement', (xml) => xml.replace('{letter_date}', '{shoe_size}'));
    const error = expectError(await upload(admin, 'acknowledgement', 'en', bad), 400, 'letter.unknown_field');
    expect(error.message).toContain('The template uses {shoe_size}, which Redress does not know: known fields are');
    expect(error.message).toContain('person_name');
  });

  it('refuses a broken tag, naming it and its paragraph (400)', async () => {
    const bad = await editedTemplate('acknowledgement', (xml) => xml.replace('{letter_date}', '{letter_date'));
    const error = expectError(await upload(admin, 'acknowledgement', 'en', bad), 400, 'letter.template_invalid');
    expect(error.message).toContain('letter_date');
    expect(error.message).toMatch(/paragraph \d+/);
  });

  it('refuses a file that is not a Word document, whatever its name (400), and non-administrators (403)', async () => {
    const res = await upload(admin, 'acknowledgement', 'en', Buffer.from('%PDF-1.7\n%fake'), 'letter.docx');
    expect(res.statusCode, res.body).toBe(400);
    const good = Buffer.from(await defaultTemplateBytes('acknowledgement', 'en'));
    expectError(await upload(attorney, 'acknowledgement', 'en', good), 403, 'access.denied');
  });

  it('replaces a default, is used for letters, and goes back to the default (audited)', async () => {
    const custom = await editedTemplate('acknowledgement', (xml) =>
      xml.replace('Thank you for writing to', 'Our custom greeting. Thank you for writing to'),
    );
    expect(await expectStatus(upload(admin, 'acknowledgement', 'en', custom), 200)).toMatchObject({
      fields: expect.arrayContaining(['person_name', 'letter_date']),
    });
    const list = await expectStatus(attorney.request('GET', '/api/v1/letters/templates'), 200);
    const ack = list.items.find((t: { key: string }) => t.key === 'acknowledgement');
    expect(ack.languages).toEqual([
      expect.objectContaining({ language: 'en', isCustomised: true }),
      expect.objectContaining({ language: 'es', isCustomised: false }),
    ]);
    expect(ack.fields.map((f: { name: string }) => f.name)).toContain('person_number');
    const letter = await render(attorney, { template: 'acknowledgement', language: 'en', personId: caPerson });
    expect(await pdfText(letter.rawPayload)).toContain('Our custom greeting.');
    const file = await attorney.request('GET', '/api/v1/letters/templates/acknowledgement/en');
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(custom)).toBe(true);

    await expectStatus(admin.request('DELETE', '/api/v1/letters/templates/acknowledgement/en'), 204);
    const again = await render(attorney, { template: 'acknowledgement', language: 'en', personId: caPerson });
    expect(await pdfText(again.rawPayload)).not.toContain('Our custom greeting.');
    const actions = (await auditRows(h)).map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining(['letter_template.replaced', 'letter_template.reset', 'attorney_profile.updated']),
    );
  });
});

describe('batch printing', () => {
  const compose = async (personId: string) => {
    const result = await composeLetter(h.deps, h.database.db, {
      template: 'acknowledgement',
      language: 'en',
      personId,
      intakeId: null,
      senderUserId: attorneyId,
      legalMail: true,
    });
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };

  it('puts each letter before its envelope, in order, after a cover with the no-staples note', async () => {
    const first = await compose(caPerson);
    const second = await compose(usPerson);
    expect(first.sender).toEqual([
      'Dolores Ibáñez, Attorney at Law',
      '1625 Clay Street, Suite 300',
      'Oakland, CA 94612',
    ]);
    const pages = await pdfPages(await renderBatchPdf([first, second], 'envelopes'));
    expect(pages).toHaveLength(5);
    const [cover, letter1, envelope1, letter2, envelope2] = pages.map((p) => p.join('\n'));
    expect(cover).toContain('Print batch: 2 letters');
    expect(cover).toContain('Do not staple: prison mailrooms refuse staples and metal fasteners');
    expect(cover).toMatch(/1\. Marcus Allen Reed, CDCR# C98556[\s\S]*2\. ROBERTO SALAS/);
    expect(letter1).toContain('Dear Marcus Allen Reed:');
    expect(envelope1).toContain('Marcus Allen Reed, CDCR# C98556');
    expect(envelope1).toContain('Dolores Ibáñez, Attorney at Law');
    expect(envelope1).toContain('CONFIDENTIAL LEGAL MAIL');
    expect(letter2).toContain('Dear ROBERTO SALAS:');
    expect(envelope2).toContain('Reg. No. 12345-678');
    expect(envelope2).toContain('SPECIAL MAIL - OPEN ONLY IN THE PRESENCE OF THE INMATE');
  });

  it('puts the letters first and then Avery 5160 label sheets in the same order', async () => {
    const items = await Promise.all([caPerson, usPerson, caPerson].map(compose));
    const pages = await pdfPages(await renderBatchPdf(items, 'labels'));
    expect(pages).toHaveLength(5);
    expect(pages[1]?.join('\n')).toContain('Dear Marcus Allen Reed:');
    expect(pages[2]?.join('\n')).toContain('Dear ROBERTO SALAS:');
    const sheet = pages[4]?.join('\n') ?? '';
    expect(sheet.indexOf('Marcus Allen Reed, CDCR# C98556')).toBeLessThan(sheet.indexOf('ROBERTO SALAS'));
    expect(sheet.match(/CDCR# C98556/g)).toHaveLength(2);
  });
});

describe('the paper questionnaire', () => {
  it('is a PDF in English and Spanish with the reference on every page', async () => {
    for (const [language, words] of [
      [
        'en',
        ['1. About you', '3. Why you are innocent', '7. Evidence and DNA', '8. Papers you have', 'Trial transcript'],
      ],
      [
        'es',
        ['1. Sobre usted', '3. Por qué es usted inocente', '7. Pruebas y ADN', '¿Apeló?', 'Transcripción del juicio'],
      ],
    ] as const) {
      const res = await attorney.request(
        'GET',
        `/api/v1/letters/questionnaire?language=${language}&reference=IN-2026-00042`,
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/pdf/);
      const pages = await pdfPages(res.rawPayload);
      expect(pages.length).toBeGreaterThan(1);
      for (const page of pages) expect(page.join('\n')).toContain('IN-2026-00042');
      const text = pages.flat().join('\n');
      for (const w of words) expect(text, `${language}: ${w}`).toContain(w);
    }
  });
});

describe('attorney profiles', () => {
  it('are read and changed by the user themself or an administrator', async () => {
    expect(await expectStatus(admin.request('GET', `/api/v1/users/${attorneyId}/attorney-profile`), 200)).toMatchObject(
      {
        title: 'Attorney at Law',
        returnAddress: ['Dolores Ibáñez, Attorney at Law', '1625 Clay Street, Suite 300', 'Oakland, CA 94612'],
      },
    );
    expectError(await paralegal.request('GET', `/api/v1/users/${attorneyId}/attorney-profile`), 403, 'access.denied');
    const bad = await attorney.request('PUT', `/api/v1/users/${attorneyId}/attorney-profile`, {
      displayName: 'Dolores Ibáñez',
      barAddressLines: ['Only one line'],
    });
    expect(bad.statusCode).toBe(400);
  });
});
