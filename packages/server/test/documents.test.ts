import { randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkUpload, scanPdf } from '../src/documents/check-upload.js';
import {
  auditRows,
  type Client,
  createHarness,
  createToken,
  expectError,
  type Harness,
  signInAs,
} from './support/harness.js';
import { createPerson, expectStatus, openMatterFor } from './support/people-fixtures.js';

/**
 * Documents of a person over HTTP: upload (judged by the bytes), list, metadata, content, corrected
 * text, re-read with OCR; who may do what (as for the person's record; privileged documents as
 * privileged notes); and the bad files an upload must refuse (wrong type, empty, too large, PDF and
 * image bombs).
 */
let h: Harness;
const users: Record<string, { id: string; client: Client }> = {};
let personId: string;
let hiddenPersonId: string;
const queued: { name: string; data: object }[] = [];

const as = async (key: string, role: Parameters<typeof signInAs>[1]) => {
  const { user, client } = await signInAs(h, role);
  users[key] = { id: user.id, client };
};
const client = (key: string) => (users[key] as { client: Client }).client;

// ---- Files the tests make ----

const chunk = (type: string, data: Buffer) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

/** A grey PNG of the given size; `header` only writes the header (for sizes too large to fill). */
const png = (width: number, height: number, headerOnly = false) => {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = headerOnly ? Buffer.alloc(16) : Buffer.alloc((width + 1) * height, 0x80);
  if (!headerOnly) for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

const pdf = async (pages: number, options: { useObjectStreams?: boolean } = {}) => {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([612, 792]);
  return Buffer.from(await doc.save(options));
};

const ZIP = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), Buffer.from('notes.txt hello world')]);

type Part = [name: string, value: string] | [name: string, file: { fileName: string; content: Buffer }];

/** A multipart/form-data body, as a browser's FormData sends it. */
const form = (parts: readonly Part[]) => {
  const boundary = `----redress${randomBytes(8).toString('hex')}`;
  const pieces: Buffer[] = [];
  for (const [name, value] of parts) {
    if (typeof value === 'string') {
      pieces.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
    } else {
      pieces.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${value.fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        value.content,
        Buffer.from('\r\n'),
      );
    }
  }
  pieces.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(pieces), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
};

const upload = (c: Client, person: string, fileName: string, content: Buffer, fields: [string, string][] = []) => {
  const { payload, headers } = form([...fields, ['file', { fileName, content }]]);
  return c.request('POST', `/api/v1/people/${person}/documents`, payload, headers);
};

beforeAll(async () => {
  h = await createHarness();
  h.deps.jobs = { send: async (name, data) => queued.push({ name, data }) };
  await as('admin', 'administrator');
  await as('leadAttorney', 'attorney');
  await as('teamVolunteer', 'volunteer');
  await as('outsideVolunteer', 'volunteer');
  await as('outsideParalegal', 'paralegal');
  personId = (await createPerson(client('admin'), { legalName: 'Document Test Client', dateOfBirth: '1970-01-01' }))
    .person.id;
  await openMatterFor(h, personId, [
    { userId: (users.leadAttorney as { id: string }).id, matterRole: 'lead_attorney' },
    { userId: (users.teamVolunteer as { id: string }).id, matterRole: 'volunteer' },
  ]);
  // Made by a paralegal with no matter: visible to its creator and the organisation-wide readers only.
  hiddenPersonId = (await createPerson(client('outsideParalegal'), { legalName: 'Hidden Person' })).person.id;
});
afterAll(() => h.close());

describe('a person’s documents', () => {
  let imageId: string;
  const image = png(40, 20);

  it('uploads a letter scan, queues it for OCR and tells a worker after commit', async () => {
    const res = await upload(client('leadAttorney'), personId, 'letter.png', image, [['kind', 'letter_scan']]);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    imageId = body.id;
    expect(body).toMatchObject({
      personId,
      intakeId: null,
      kind: 'letter_scan',
      fileName: 'letter.png',
      mediaType: 'image/png',
      byteSize: image.length,
      pageCount: 1,
      isPrivileged: false,
      ocr: { state: 'queued', language: 'eng', confidence: null, error: null },
      text: null,
      uploadedBy: { id: users.leadAttorney?.id, name: 'Test attorney' },
    });
    expect(queued).toContainEqual({ name: 'documents.ocr', data: { documentId: imageId } });
    const audit = (await auditRows(h)).filter((r) => r.action === 'document.uploaded').at(-1);
    expect(audit?.details).toMatchObject({
      documentId: imageId,
      personId,
      mediaType: 'image/png',
      byteSize: image.length,
    });
  });

  it('uploads a PDF and counts its pages; a PDF is not read with OCR', async () => {
    const bytes = await pdf(3);
    h.clock.advance(60_000);
    const body = await expectStatus(
      upload(client('leadAttorney'), personId, 'order.pdf', bytes, [['kind', 'other']]),
      201,
    );
    expect(body).toMatchObject({ mediaType: 'application/pdf', pageCount: 3, ocr: { state: 'none', language: null } });
  });

  it('lists, shows and serves the bytes unchanged, with safe headers', async () => {
    const list = await expectStatus(
      client('teamVolunteer').request('GET', `/api/v1/people/${personId}/documents`),
      200,
    );
    expect(list.items.map((d: { fileName: string }) => d.fileName)).toEqual(['letter.png', 'order.pdf']);
    const meta = await expectStatus(client('teamVolunteer').request('GET', `/api/v1/documents/${imageId}`), 200);
    expect(meta.id).toBe(imageId);
    const content = await client('teamVolunteer').request('GET', `/api/v1/documents/${imageId}/content`);
    expect(content.statusCode).toBe(200);
    expect(Buffer.compare(content.rawPayload, image)).toBe(0);
    expect(content.headers['content-type']).toBe('image/png');
    expect(content.headers['content-disposition']).toMatch(/^inline; filename="letter.png"/);
    expect(content.headers['x-content-type-options']).toBe('nosniff');
    expect(String(content.headers['content-security-policy'])).toContain("default-src 'none'");
  });

  it('keeps a corrected text beside the OCR text; it wins, and the change is audited', async () => {
    const text = 'Dear Sir, my name is Miguel Wismarda.';
    const body = await expectStatus(
      client('teamVolunteer').request('PATCH', `/api/v1/documents/${imageId}/text`, { text }),
      200,
    );
    expect(body).toMatchObject({ text, correctedText: text, ocrText: null });
    const audit = (await auditRows(h)).filter((r) => r.action === 'document.text_corrected').at(-1);
    expect(audit?.details).toMatchObject({ documentId: imageId, length: text.length });
    const cleared = await expectStatus(
      client('teamVolunteer').request('PATCH', `/api/v1/documents/${imageId}/text`, { text: null }),
      200,
    );
    expect(cleared.text).toBeNull();
    expectError(
      await client('teamVolunteer').request('PATCH', `/api/v1/documents/${imageId}/text`, { text: 1 }),
      400,
      'request.invalid',
    );
  });

  it('queues the image to be read again in Spanish; refuses OCR of a PDF', async () => {
    const body = await expectStatus(
      client('leadAttorney').request('POST', `/api/v1/documents/${imageId}/ocr`, { language: 'spa' }),
      202,
    );
    expect(body.ocr).toMatchObject({ state: 'queued', language: 'spa' });
    const list = await expectStatus(client('leadAttorney').request('GET', `/api/v1/people/${personId}/documents`), 200);
    const pdfId = list.items.find((d: { mediaType: string }) => d.mediaType === 'application/pdf').id;
    expectError(
      await client('leadAttorney').request('POST', `/api/v1/documents/${pdfId}/ocr`, { language: 'eng' }),
      422,
      'document.ocr_unsupported',
    );
  });
});

describe('access', () => {
  it('answers 404 for a person or document the caller cannot see', async () => {
    const own = await expectStatus(upload(client('outsideParalegal'), hiddenPersonId, 'a.png', png(4, 4)), 201);
    for (const c of [client('outsideVolunteer'), client('teamVolunteer')]) {
      expectError(await upload(c, hiddenPersonId, 'x.png', png(4, 4)), 404, 'person.not_found');
      expectError(await c.request('GET', `/api/v1/people/${hiddenPersonId}/documents`), 404, 'person.not_found');
      expectError(await c.request('GET', `/api/v1/documents/${own.id}`), 404, 'document.not_found');
      expectError(await c.request('GET', `/api/v1/documents/${own.id}/content`), 404, 'document.not_found');
      expectError(
        await c.request('PATCH', `/api/v1/documents/${own.id}/text`, { text: 'x' }),
        404,
        'document.not_found',
      );
    }
    // A volunteer off the team sees nothing of the person's documents either.
    expectError(await upload(client('outsideVolunteer'), personId, 'x.png', png(4, 4)), 404, 'person.not_found');
    expectError(
      await client('outsideVolunteer').request('GET', `/api/v1/people/${personId}/documents`),
      404,
      'person.not_found',
    );
    expectError(
      await client('leadAttorney').request('GET', `/api/v1/documents/${crypto.randomUUID()}`),
      404,
      'document.not_found',
    );
  });

  it('refuses an upload through a read-only API token (403)', async () => {
    const { token } = await createToken(client('leadAttorney'), ['read']);
    const { payload, headers } = form([['file', { fileName: 'a.png', content: png(4, 4) }]]);
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/people/${personId}/documents`,
      headers: { ...headers, authorization: `Bearer ${token}` },
      payload,
    });
    expectError(res, 403, 'access.denied');
    const list = await h.app.inject({
      method: 'GET',
      url: `/api/v1/people/${personId}/documents`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(list.statusCode).toBe(200);
  });

  it('shows privileged documents to the legal team only, as privileged notes, and audits the read', async () => {
    expectError(
      await upload(client('teamVolunteer'), personId, 'memo.png', png(4, 4), [['isPrivileged', 'true']]),
      403,
      'access.denied',
    );
    const memo = await expectStatus(
      upload(client('leadAttorney'), personId, 'memo.png', png(4, 4), [
        ['kind', 'photo'],
        ['isPrivileged', 'true'],
      ]),
      201,
    );
    expect(memo.isPrivileged).toBe(true);
    for (const key of ['teamVolunteer', 'admin']) {
      const list = await expectStatus(client(key).request('GET', `/api/v1/people/${personId}/documents`), 200);
      expect(list.items.map((d: { id: string }) => d.id)).not.toContain(memo.id);
      expectError(await client(key).request('GET', `/api/v1/documents/${memo.id}`), 404, 'document.not_found');
      expectError(await client(key).request('GET', `/api/v1/documents/${memo.id}/content`), 404, 'document.not_found');
    }
    expect((await client('leadAttorney').request('GET', `/api/v1/documents/${memo.id}/content`)).statusCode).toBe(200);
    const audit = (await auditRows(h)).filter((r) => r.action === 'document.privileged_read').at(-1);
    expect(audit?.details).toMatchObject({ documentIds: [memo.id], what: 'content' });
  });
});

describe('bad files', () => {
  const refused = async (fileName: string, content: Buffer, status: number, code: string) =>
    expectError(await upload(client('leadAttorney'), personId, fileName, content), status, code);

  it('judges a file by its bytes, not its name', async () => {
    const body = await expectStatus(upload(client('leadAttorney'), personId, 'scan.pdf', png(8, 8)), 201);
    expect(body).toMatchObject({ fileName: 'scan.pdf', mediaType: 'image/png' });
  });

  it('names what a refused file is', async () => {
    const zip = await refused('letter.png', ZIP, 400, 'document.unsupported_type');
    expect(zip.message).toBe('This file is a ZIP archive, not a PNG, JPEG, TIFF, WebP image or PDF');
    const html = await refused(
      'letter.pdf',
      Buffer.from('<!DOCTYPE html><html><script>x</script>'),
      400,
      'document.unsupported_type',
    );
    expect(html.message).toMatch(/^This file is an HTML page/);
  });

  it('refuses an empty file, a missing file and unknown fields', async () => {
    await refused('empty.png', Buffer.alloc(0), 400, 'document.empty');
    const { payload, headers } = form([['kind', 'photo']]);
    expectError(
      await client('leadAttorney').request('POST', `/api/v1/people/${personId}/documents`, payload, headers),
      400,
      'document.no_file',
    );
    const bad = expectError(
      await upload(client('leadAttorney'), personId, 'a.png', png(4, 4), [['kind', 'poster']]),
      400,
      'request.invalid',
    );
    expect(Object.keys(bad.details ?? {})).toContain('kind');
  });

  it('refuses a file over the size cap with 413, and keeps nothing', async () => {
    const before = await h.database.db.selectFrom('documents').select('id').execute();
    h.deps.documentMaxBytes = 64 * 1024;
    try {
      await refused('big.png', Buffer.concat([png(4, 4), randomBytes(100 * 1024)]), 413, 'document.too_large');
    } finally {
      h.deps.documentMaxBytes = undefined;
    }
    expect(await h.database.db.selectFrom('documents').select('id').execute()).toHaveLength(before.length);
  });

  it('refuses PDF bombs: too many pages, encryption, lying lengths and object counts', async () => {
    const many = await refused('many.pdf', await pdf(500), 400, 'document.pdf_rejected');
    expect(many.message).toContain('500 pages');
    // Without object streams the page tree is in the raw bytes: refused before pdf-lib opens it.
    expect(scanPdf(await pdf(500, { useObjectStreams: false }))).toMatchObject({ ok: false });
    const plain = (await pdf(1, { useObjectStreams: false })).toString('latin1');
    const encrypted = Buffer.from(plain.replace('trailer\n<<', 'trailer\n<<\n/Encrypt 99 0 R'), 'latin1');
    const enc = await refused('locked.pdf', encrypted, 400, 'document.pdf_rejected');
    expect(enc.message).toMatch(/encrypted/);
    const lying = Buffer.from(plain.replace(/\/Size \d+/, '/Size 4000000'), 'latin1');
    await refused('objects.pdf', lying, 400, 'document.pdf_rejected');
    const longStream = Buffer.from(
      `${plain}\n9 0 obj\n<< /Length 999999999 >>\nstream\nx\nendstream\nendobj\n`,
      'latin1',
    );
    await refused('stream.pdf', longStream, 400, 'document.pdf_rejected');
    await refused('broken.pdf', Buffer.from('%PDF-1.7\n garbage that is no PDF at all'), 400, 'document.pdf_rejected');
  });

  it('refuses an image whose header declares too many pixels (a decompression bomb)', async () => {
    const bomb = await refused('bomb.png', png(20_000, 20_000, true), 400, 'document.image_rejected');
    expect(bomb.message).toContain('20000 x 20000');
    await refused('wide.png', png(12_001, 10, true), 400, 'document.image_rejected');
    await refused('area.png', png(10_000, 9_000, true), 400, 'document.image_rejected');
  });

  it('reads sizes from JPEG, TIFF and WebP headers too', async () => {
    const allowed = ['image/jpeg', 'image/tiff', 'image/webp'] as const;
    const jpeg = Buffer.from([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x4e, 0x20, 0x4e, 0x20, 0x01, 0x01,
      0x11, 0x00, 0xff, 0xd9,
    ]);
    expect(await checkUpload(jpeg, { allowed, maxBytes: 1e6 })).toMatchObject({
      ok: false,
      error: { code: 'document.image_rejected' },
    });
    const small = Buffer.from(jpeg);
    small.set([0x00, 0x10, 0x00, 0x10], 13);
    expect(await checkUpload(small, { allowed, maxBytes: 1e6 })).toEqual({
      ok: true,
      value: { mediaType: 'image/jpeg', pageCount: 1 },
    });
    const tiff = Buffer.alloc(8 + 2 + 24 + 4);
    tiff.write('II*\0', 0, 'latin1');
    tiff.writeUInt32LE(8, 4);
    tiff.writeUInt16LE(2, 8);
    tiff.writeUInt16LE(256, 10);
    tiff.writeUInt16LE(4, 12);
    tiff.writeUInt32LE(1, 14);
    tiff.writeUInt32LE(50_000, 18);
    tiff.writeUInt16LE(257, 22);
    tiff.writeUInt16LE(4, 24);
    tiff.writeUInt32LE(1, 26);
    tiff.writeUInt32LE(100, 30);
    expect(await checkUpload(tiff, { allowed, maxBytes: 1e6 })).toMatchObject({ ok: false });
    const webp = Buffer.alloc(30);
    webp.write('RIFF', 0, 'latin1');
    webp.write('WEBPVP8X', 8, 'latin1');
    webp.writeUIntLE(15_000 - 1, 24, 3);
    webp.writeUIntLE(100 - 1, 27, 3);
    expect(await checkUpload(webp, { allowed, maxBytes: 1e6 })).toMatchObject({ ok: false });
  });
});
