import { type PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';

/**
 * A small typesetter over pdf-lib for letters, envelopes, labels and forms: the standard Times fonts
 * (WinAnsi: the accents of Spanish, ñ, ¿ and ¡ are covered; anything else prints as "?"), greedy word
 * wrapping of runs in regular and bold, and a flow of paragraphs over pages.
 */
export const POINTS_PER_INCH = 72;
export const US_LETTER: [number, number] = [8.5 * POINTS_PER_INCH, 11 * POINTS_PER_INCH];

export type Fonts = { regular: PDFFont; bold: PDFFont };
export type Span = { text: string; bold: boolean };
export type Align = 'left' | 'center' | 'right';

export const embedFonts = async (doc: PDFDocument): Promise<Fonts> => ({
  regular: await doc.embedFont(StandardFonts.TimesRoman),
  bold: await doc.embedFont(StandardFonts.TimesRomanBold),
});

const supported = new WeakMap<PDFFont, Set<number>>();

/** The text with every character the font cannot encode replaced (typographic quotes kept). */
export const encodable = (font: PDFFont, text: string): string => {
  let set = supported.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    supported.set(font, set);
  }
  const chars = set;
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0) ?? 63;
    if (chars.has(cp) || ch === '\n') out += ch;
    else if (ch === '\t') out += '    ';
    else if (ch === '\u00a0' || ch === '\u2007' || ch === '\u202f') out += ' ';
    else if (ch === '\u2011' || ch === '\u2010') out += '-';
    else out += '?';
  }
  return out;
};

const fontOf = (fonts: Fonts, bold: boolean) => (bold ? fonts.bold : fonts.regular);

export type Line = { spans: Span[]; width: number };

/**
 * Breaks runs into lines no wider than `width`; "\n" in a run forces a break. A word longer than
 * the line is cut where it no longer fits.
 */
export const wrapSpans = (spans: readonly Span[], fonts: Fonts, size: number, width: number): Line[] => {
  const lines: Line[] = [];
  let current: Span[] = [];
  let currentWidth = 0;
  const measure = (t: string, bold: boolean) => fontOf(fonts, bold).widthOfTextAtSize(t, size);
  const push = (text: string, bold: boolean) => {
    const last = current.at(-1);
    if (last && last.bold === bold) last.text += text;
    else current.push({ text, bold });
    currentWidth += measure(text, bold);
  };
  const breakLine = () => {
    const last = current.at(-1);
    if (last) {
      const trimmed = last.text.replace(/\s+$/, '');
      currentWidth -= measure(last.text, last.bold) - measure(trimmed, last.bold);
      last.text = trimmed;
    }
    lines.push({ spans: current.filter((s) => s.text !== ''), width: currentWidth });
    current = [];
    currentWidth = 0;
  };
  for (const span of spans) {
    const font = fontOf(fonts, span.bold);
    const parts = encodable(font, span.text).split('\n');
    for (const [pi, part] of parts.entries()) {
      if (pi > 0) breakLine();
      for (const word of part.match(/\S+\s*|\s+/g) ?? []) {
        const bare = measure(word.trimEnd(), span.bold);
        if (currentWidth + bare <= width || currentWidth === 0) {
          if (bare > width) {
            // A word wider than the line: cut it.
            let piece = '';
            for (const ch of word) {
              if (currentWidth + measure(piece + ch, span.bold) > width && (piece || currentWidth > 0)) {
                push(piece, span.bold);
                breakLine();
                piece = '';
              }
              piece += ch;
            }
            if (piece) push(piece, span.bold);
          } else push(word, span.bold);
        } else {
          breakLine();
          if (/^\s+$/.test(word)) continue;
          push(word, span.bold);
        }
      }
    }
  }
  breakLine();
  return lines;
};

export const drawLine = (
  page: PDFPage,
  line: Line,
  opts: { x: number; y: number; size: number; fonts: Fonts; align?: Align; width?: number; gray?: number },
): void => {
  const width = opts.width ?? 0;
  let x =
    opts.align === 'center'
      ? opts.x + (width - line.width) / 2
      : opts.align === 'right'
        ? opts.x + width - line.width
        : opts.x;
  const color = opts.gray !== undefined ? rgb(opts.gray, opts.gray, opts.gray) : rgb(0, 0, 0);
  for (const span of line.spans) {
    const font = fontOf(opts.fonts, span.bold);
    page.drawText(span.text, { x, y: opts.y, size: opts.size, font, color });
    x += font.widthOfTextAtSize(span.text, opts.size);
  }
};

/** Draws text (wrapped to `width`) downwards from `y` (the first baseline); returns the next baseline. */
export const drawText = (
  page: PDFPage,
  fonts: Fonts,
  text: string | readonly Span[],
  opts: { x: number; y: number; size: number; width: number; align?: Align; bold?: boolean; leading?: number },
): number => {
  const spans = typeof text === 'string' ? [{ text, bold: opts.bold ?? false }] : text;
  const leading = opts.leading ?? opts.size * 1.2;
  let y = opts.y;
  for (const line of wrapSpans(spans, fonts, opts.size, opts.width)) {
    drawLine(page, line, { x: opts.x, y, size: opts.size, fonts, align: opts.align, width: opts.width });
    y -= leading;
  }
  return y;
};

export type Flow = {
  readonly doc: PDFDocument;
  readonly fonts: Fonts;
  page(): PDFPage;
  /** The baseline the next line goes on. */
  y(): number;
  /** Starts a new page unless `height` points still fit above the bottom margin. */
  ensure(height: number): void;
  newPage(): void;
  paragraph(
    spans: string | readonly Span[],
    opts?: { size?: number; align?: Align; after?: number; bold?: boolean; indent?: number },
  ): void;
  space(points: number): void;
  /** Ruled lines to write on, one per `gap` points. */
  rules(count: number, gap?: number): void;
  readonly left: number;
  readonly width: number;
};

/**
 * Paragraphs flowing over US Letter pages with one-inch margins. `onPage` draws whatever a new page
 * carries (a header) and returns the baseline where the text starts.
 */
export const createFlow = (
  doc: PDFDocument,
  fonts: Fonts,
  opts: { margin?: number; bottom?: number; onPage?: (page: PDFPage, index: number) => number } = {},
): Flow => {
  const margin = opts.margin ?? POINTS_PER_INCH;
  const bottom = opts.bottom ?? margin;
  const [pageWidth, pageHeight] = US_LETTER;
  const width = pageWidth - 2 * margin;
  let page: PDFPage;
  let y = 0;
  let index = -1;
  const newPage = () => {
    page = doc.addPage(US_LETTER);
    index += 1;
    y = opts.onPage ? opts.onPage(page, index) : pageHeight - margin;
  };
  newPage();
  const ensure = (height: number) => {
    if (y - height < bottom) newPage();
  };
  return {
    doc,
    fonts,
    left: margin,
    width,
    page: () => page,
    y: () => y,
    ensure,
    newPage,
    space: (points) => {
      y -= points;
    },
    paragraph: (text, p = {}) => {
      const size = p.size ?? 12;
      const leading = size * 1.25;
      const indent = p.indent ?? 0;
      const spans = typeof text === 'string' ? [{ text, bold: p.bold ?? false }] : text;
      const lines = wrapSpans(spans, fonts, size, width - indent);
      for (const line of lines) {
        ensure(size);
        drawLine(page, line, { x: margin + indent, y: y - size, size, fonts, align: p.align, width: width - indent });
        y -= leading;
      }
      y -= p.after ?? size * 0.5;
    },
    rules: (count, gap = 22) => {
      for (let i = 0; i < count; i++) {
        ensure(gap);
        y -= gap;
        page.drawLine({
          start: { x: margin, y },
          end: { x: margin + width, y },
          thickness: 0.5,
          color: rgb(0.55, 0.55, 0.55),
        });
      }
      y -= 6;
    },
  };
};
