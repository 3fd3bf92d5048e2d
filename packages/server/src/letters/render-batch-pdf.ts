import type { EnvelopeAddress } from '@redress/core';
import { PDFDocument, type PDFPage, rgb } from 'pdf-lib';
import { createFlow, drawText, embedFonts, type Fonts, POINTS_PER_INCH, US_LETTER } from './pdf-typeset.js';

/**
 * One PDF for a print run: a cover sheet (how many letters, in what order, and the no-staples note),
 * then for each letter its pages followed by its #10 envelope, or all the letters followed by sheets
 * of Avery 5160 address labels in the same order. Pure: bytes in, bytes out.
 */
export type BatchItem = {
  pdf: Uint8Array;
  envelope: EnvelopeAddress | null;
  sender: string[] | null;
  marking: string | null;
};

export const NO_STAPLES_NOTE =
  "Do not staple: prison mailrooms refuse staples and metal fasteners; legal mail is opened in the person's presence.";

const INCH = POINTS_PER_INCH;
/** A #10 envelope, 9.5 x 4.125 inches, fed landscape. */
export const ENVELOPE_10: [number, number] = [9.5 * INCH, 4.125 * INCH];

/** Avery 5160: 3 columns by 10 rows of 2 5/8 x 1 inch labels on US Letter. */
export const AVERY_5160 = {
  columns: 3,
  rows: 10,
  width: 2.625 * INCH,
  height: 1 * INCH,
  left: 0.1875 * INCH,
  top: 0.5 * INCH,
  pitchX: 2.75 * INCH,
  pitchY: 1 * INCH,
} as const;

const perSheet = AVERY_5160.columns * AVERY_5160.rows;

/** Draws a #10 envelope on `page`: return address top left, recipient block, marking lower left. */
export const drawEnvelope = (page: PDFPage, fonts: Fonts, item: Omit<BatchItem, 'pdf'>): void => {
  const [width, height] = ENVELOPE_10;
  let y = height - 0.4 * INCH;
  for (const [i, line] of (item.sender ?? []).entries()) {
    y = drawText(page, fonts, line, { x: 0.35 * INCH, y, size: 9.5, width: 3.6 * INCH, bold: i === 0, leading: 11.5 });
  }
  const lines = item.envelope?.lines ?? ['(No address on record: address this envelope by hand)'];
  let ry = 2.35 * INCH;
  for (const line of lines) {
    ry = drawText(page, fonts, line, { x: 4 * INCH, y: ry, size: 12, width: width - 4.4 * INCH, leading: 14.5 });
  }
  if (item.marking) {
    const size = 10.5;
    const textWidth = fonts.bold.widthOfTextAtSize(item.marking, size);
    const boxWidth = Math.min(textWidth + 12, 5 * INCH);
    page.drawRectangle({
      x: 0.35 * INCH,
      y: 0.4 * INCH - 5,
      width: boxWidth,
      height: size + 10,
      borderWidth: 1,
      borderColor: rgb(0, 0, 0),
    });
    drawText(page, fonts, item.marking, { x: 0.35 * INCH + 6, y: 0.4 * INCH, size, width: boxWidth, bold: true });
  }
};

const drawLabel = (page: PDFPage, fonts: Fonts, slot: number, item: Omit<BatchItem, 'pdf'>, number: number) => {
  const col = slot % AVERY_5160.columns;
  const row = Math.floor(slot / AVERY_5160.columns);
  const x = AVERY_5160.left + col * AVERY_5160.pitchX + 0.12 * INCH;
  const top = US_LETTER[1] - AVERY_5160.top - row * AVERY_5160.pitchY;
  const width = AVERY_5160.width - 0.24 * INCH;
  let y = top - 0.14 * INCH;
  if (item.marking) {
    y = drawText(page, fonts, item.marking, { x, y, size: 5.5, width, bold: true, leading: 6.5 }) - 1;
  }
  const lines = item.envelope?.lines ?? [`Item ${number}: no address on record, address by hand`];
  const size = lines.length > 4 || item.marking ? 8 : 9;
  for (const line of lines) {
    if (y < top - AVERY_5160.height + 4) break;
    y = drawText(page, fonts, line, { x, y, size, width, leading: size + 1.2 });
  }
};

const describe = (item: BatchItem, index: number, pages: number, mode: 'envelopes' | 'labels') => {
  const to = item.envelope?.lines[0] ?? 'no address on record (address by hand)';
  const mail = item.marking ? ', legal mail' : '';
  const pieces = mode === 'envelopes' ? (item.envelope ? ' + envelope' : ' (no envelope)') : `, label ${index + 1}`;
  return `${index + 1}. ${to}: ${pages} page${pages === 1 ? '' : 's'}${pieces}${mail}`;
};

export const renderBatchPdf = async (
  items: readonly BatchItem[],
  mode: 'envelopes' | 'labels',
): Promise<Uint8Array> => {
  const out = await PDFDocument.create({ updateMetadata: false });
  out.setTitle(`Print batch: ${items.length} letter${items.length === 1 ? '' : 's'}`);
  out.setProducer('Redress');
  const fonts = await embedFonts(out);
  const letters = await Promise.all(items.map((item) => PDFDocument.load(item.pdf, { updateMetadata: false })));

  // The cover sheet.
  const flow = createFlow(out, fonts);
  flow.paragraph(`Print batch: ${items.length} letter${items.length === 1 ? '' : 's'}`, {
    size: 18,
    bold: true,
    after: 10,
  });
  flow.paragraph(
    mode === 'envelopes'
      ? 'Each letter is followed by its #10 envelope (9.5 x 4.125 in). Feed envelopes face up, return address at the top left.'
      : 'All letters come first, then Avery 5160 label sheets (30 per sheet) in the same order.',
    { size: 11, after: 8 },
  );
  flow.paragraph(NO_STAPLES_NOTE, { size: 13, bold: true, after: 6 });
  flow.paragraph(
    'Fold each letter and put it in its envelope in the order below. Legal mail goes to the mailroom unsealed where the rules ask for it (CDCR: staff seal confidential mail).',
    { size: 11, after: 12 },
  );
  flow.paragraph('Order', { size: 13, bold: true, after: 4 });
  for (const [i, item] of items.entries()) {
    flow.paragraph(describe(item, i, letters[i]?.getPageCount() ?? 0, mode), { size: 10, after: 1 });
  }

  for (const [i, item] of items.entries()) {
    const letter = letters[i];
    if (!letter) continue;
    const pages = await out.copyPages(letter, letter.getPageIndices());
    for (const page of pages) out.addPage(page);
    if (mode === 'envelopes' && item.envelope) drawEnvelope(out.addPage(ENVELOPE_10), fonts, item);
  }
  if (mode === 'labels') {
    let sheet: PDFPage | null = null;
    for (const [i, item] of items.entries()) {
      const slot = i % perSheet;
      if (slot === 0 || !sheet) sheet = out.addPage(US_LETTER);
      drawLabel(sheet, fonts, slot, item, i + 1);
    }
  }
  return out.save();
};

/** One envelope as a PDF page, for a single letter. */
export const renderEnvelopePdf = async (item: Omit<BatchItem, 'pdf'>): Promise<Uint8Array> => {
  const doc = await PDFDocument.create({ updateMetadata: false });
  drawEnvelope(doc.addPage(ENVELOPE_10), await embedFonts(doc), item);
  return doc.save();
};
