import { insertDocument } from '@redress/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createHarness, expectError, type Harness, signInAs } from './support/harness.js';
import { createPerson, expectStatus, openMatterFor } from './support/people-fixtures.js';

// A person's photo and the document behind a sentence event: links to the person's own documents only.

let h: Harness;
let attorney: Client;
let attorneyId: string;
beforeAll(async () => {
  h = await createHarness();
  const signedIn = await signInAs(h, 'attorney');
  attorney = signedIn.client;
  attorneyId = signedIn.user.id;
});
afterAll(() => h.close());

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

const addDocument = async (personId: string, mediaType: string, kind: 'photo' | 'other' = 'photo') => {
  const id = crypto.randomUUID();
  await insertDocument(h.database.db, {
    id,
    personId,
    intakeId: null,
    kind,
    fileName: kind === 'photo' ? 'photo.png' : 'order.pdf',
    mediaType,
    bytes: PNG,
    sha256: 'x',
    uploadedBy: attorneyId,
    now: new Date(),
  });
  return id;
};

const personWithConviction = async (legalName: string) => {
  const { person } = await createPerson(attorney, { legalName, dateOfBirth: '1960-01-01' });
  await openMatterFor(h, person.id, [{ userId: attorneyId, matterRole: 'lead_attorney' }]);
  const conviction = await expectStatus(
    attorney.request('POST', `/api/v1/people/${person.id}/convictions`, {
      jurisdiction: 'CA',
      convictionDate: '1990-01-10',
      counts: [{ statute: 'PC 187(a)', degree: 'first' }],
    }),
    201,
  );
  return { personId: person.id as string, convictionId: (conviction as { id: string }).id };
};

describe("a person's photo", () => {
  it("is set from the person's own image, shown on the person, and removed", async () => {
    const { personId } = await personWithConviction('Photo Person');
    const photo = await addDocument(personId, 'image/png');
    expect(
      await expectStatus(attorney.request('PUT', `/api/v1/people/${personId}/photo`, { documentId: photo }), 200),
    ).toEqual({
      photoDocumentId: photo,
    });
    const view = await expectStatus(attorney.request('GET', `/api/v1/people/${personId}`), 200);
    expect((view as { photoDocumentId: string }).photoDocumentId).toBe(photo);
    await expectStatus(attorney.request('PUT', `/api/v1/people/${personId}/photo`, { documentId: null }), 200);
  });

  it("refuses another person's document and a document that is not an image", async () => {
    const { personId } = await personWithConviction('Photo Owner');
    const { personId: other } = await personWithConviction('Someone Else');
    const theirs = await addDocument(other, 'image/png');
    expectError(
      await attorney.request('PUT', `/api/v1/people/${personId}/photo`, { documentId: theirs }),
      400,
      'person.invalid_photo',
    );
    const pdf = await addDocument(personId, 'application/pdf', 'other');
    expectError(
      await attorney.request('PUT', `/api/v1/people/${personId}/photo`, { documentId: pdf }),
      400,
      'person.invalid_photo',
    );
    expectError(
      await attorney.request('PUT', `/api/v1/people/${personId}/photo`, { documentId: 'nope' }),
      400,
      'request.invalid',
    );
  });
});

describe('the document behind a sentence event', () => {
  it("attaches one of the person's documents and shows it on the event", async () => {
    const { personId, convictionId } = await personWithConviction('Order Person');
    const order = await addDocument(personId, 'application/pdf', 'other');
    const history = await expectStatus(
      attorney.request('POST', `/api/v1/convictions/${convictionId}/sentence-events`, {
        kind: 'imposed',
        date: '1990-03-01',
        authority: 'court',
        term: { type: 'lwop' },
        documentId: order,
      }),
      201,
    );
    expect((history as { event: { documentId: string } }).event.documentId).toBe(order);
  });

  it('refuses a document of another person, naming the field', async () => {
    const { convictionId } = await personWithConviction('Event Owner');
    const { personId: other } = await personWithConviction('Event Stranger');
    const theirs = await addDocument(other, 'application/pdf', 'other');
    const error = expectError(
      await attorney.request('POST', `/api/v1/convictions/${convictionId}/sentence-events`, {
        kind: 'imposed',
        date: '1990-03-01',
        term: { type: 'lwop' },
        documentId: theirs,
      }),
      400,
      'sentence_event.invalid_document',
    );
    expect(error.details?.documentId).toBeDefined();
  });
});
