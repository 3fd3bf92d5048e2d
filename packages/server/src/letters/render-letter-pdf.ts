import type { LetterLanguage, LetterPayload } from '@redress/core';
import { PDFDocument, rgb } from 'pdf-lib';
import PizZip from 'pizzip';
import { type DocxParagraph, readDocxParagraphs } from './docx-paragraphs.js';
import { createFlow, drawText, embedFonts, type Fonts, POINTS_PER_INCH, US_LETTER } from './pdf-typeset.js';

/**
 * A merged letter on US Letter paper: the letterhead (the organisation; for legal mail the attorney's
 * name, title and State Bar address exactly as in the attorney profile, and the jurisdiction's
 * marking at the top of the first page), the letter's paragraphs as written in Word, and page numbers.
 * Pure: the merged DOCX and the letterhead in, PDF bytes out.
 */
export type LetterPdfInput = {
  paragraphs: readonly DocxParagraph[];
  letterhead: LetterPayload['letterhead'];
  language: LetterLanguage;
  title: string;
};

const PAGE_OF: Record<LetterLanguage, (n: number, total: number) => string> = {
  en: (n, total) => `Page ${n} of ${total}`,
  es: (n, total) => `Página ${n} de ${total}`,
};

const BODY_SIZE = 11.5;
const MARGIN = POINTS_PER_INCH;

/** The letterhead on the first page; returns the baseline below it. */
const drawLetterhead = (page: ReturnType<PDFDocument['addPage']>, fonts: Fonts, head: LetterPayload['letterhead']) => {
  const [pageWidth, pageHeight] = US_LETTER;
  const width = pageWidth - 2 * MARGIN;
  let y = pageHeight - 0.55 * POINTS_PER_INCH;
  if (head.marking) {
    const size = 11;
    const textWidth = fonts.bold.widthOfTextAtSize(head.marking, size);
    const boxWidth = Math.min(width, textWidth + 16);
    page.drawRectangle({
      x: (pageWidth - boxWidth) / 2,
      y: y - size - 5,
      width: boxWidth,
      height: size + 12,
      borderWidth: 1.2,
      borderColor: rgb(0, 0, 0),
    });
    y = drawText(page, fonts, head.marking, { x: MARGIN, y: y - size + 1, size, width, align: 'center', bold: true });
    y -= 10;
  }
  y = drawText(page, fonts, head.organisation, { x: MARGIN, y: y - 8, size: 16, width, align: 'center', bold: true });
  for (const [i, line] of head.senderLines.entries()) {
    y = drawText(page, fonts, line, { x: MARGIN, y, size: 10, width, align: 'center', bold: i === 0, leading: 12 });
  }
  y -= 2;
  page.drawLine({ start: { x: MARGIN, y }, end: { x: MARGIN + width, y }, thickness: 0.75, color: rgb(0, 0, 0) });
  return y - 18;
};

/** Lays out paragraphs with the letterhead; returns the PDF document (not yet saved). */
export const layoutLetter = async (input: LetterPdfInput): Promise<PDFDocument> => {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(input.title);
  doc.setLanguage(input.language === 'es' ? 'es-US' : 'en-US');
  doc.setProducer('Redress');
  const fonts = await embedFonts(doc);
  const flow = createFlow(doc, fonts, {
    margin: MARGIN,
    bottom: 0.9 * POINTS_PER_INCH,
    onPage: (page, index) => (index === 0 ? drawLetterhead(page, fonts, input.letterhead) : US_LETTER[1] - MARGIN),
  });
  for (const p of input.paragraphs) {
    const text = p.runs.map((r) => r.text).join('');
    if (text.trim() === '') {
      flow.space(BODY_SIZE * 1.1);
      continue;
    }
    flow.paragraph(p.runs, { size: BODY_SIZE, align: p.align, after: 3 });
  }
  const pages = doc.getPages();
  for (const [i, page] of pages.entries()) {
    drawText(page, fonts, PAGE_OF[input.language](i + 1, pages.length), {
      x: MARGIN,
      y: 0.5 * POINTS_PER_INCH,
      size: 9,
      width: US_LETTER[0] - 2 * MARGIN,
      align: 'center',
    });
  }
  return doc;
};

export const renderLetterPdf = async (input: LetterPdfInput): Promise<Uint8Array> => (await layoutLetter(input)).save();

/** The paragraphs of a merged DOCX. */
export const docxParagraphs = (docx: Uint8Array): DocxParagraph[] => {
  const xml = new PizZip(docx).file('word/document.xml')?.asText();
  if (!xml) throw new Error('a merged letter has no word/document.xml');
  return readDocxParagraphs(xml);
};
