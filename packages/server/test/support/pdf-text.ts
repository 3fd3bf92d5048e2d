import {
  decodePDFRawStream,
  PDFArray,
  PDFDocument,
  PDFName,
  type PDFPage,
  PDFRawStream,
  type PDFRef,
  PDFStream,
} from 'pdf-lib';

/**
 * The text of a PDF written by pdf-lib with the standard fonts, page by page: each page's content
 * streams are inflated (FlateDecode, through pdf-lib's decoder, which uses the same algorithm as
 * node:zlib) and the text operators decoded. Strings drawn on the same baseline one after the other
 * are joined into one line, so a line of mixed bold and regular runs reads as written.
 */

// WinAnsi codes 0x80-0x9f that differ from Latin-1.
const WIN_ANSI_HIGH: Record<number, string> = {
  128: '€',
  130: '‚',
  131: 'ƒ',
  132: '„',
  133: '…',
  134: '†',
  135: '‡',
  136: 'ˆ',
  137: '‰',
  138: 'Š',
  139: '‹',
  140: 'Œ',
  142: 'Ž',
  145: '‘',
  146: '’',
  147: '“',
  148: '”',
  149: '•',
  150: '–',
  151: '—',
  152: '˜',
  153: '™',
  154: 'š',
  155: '›',
  156: 'œ',
  158: 'ž',
  159: 'Ÿ',
};

const decodeWinAnsi = (codes: number[]): string =>
  codes.map((c) => WIN_ANSI_HIGH[c] ?? String.fromCharCode(c)).join('');

const hexCodes = (hex: string): number[] => {
  const clean = hex.replace(/\s+/g, '');
  const codes: number[] = [];
  for (let i = 0; i < clean.length; i += 2) codes.push(Number.parseInt(clean.slice(i, i + 2).padEnd(2, '0'), 16));
  return codes;
};

const literalCodes = (s: string): number[] => {
  const codes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (ch !== '\\') {
      codes.push(ch.charCodeAt(0));
      continue;
    }
    const next = s[++i] ?? '';
    const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
    if (next in escapes) codes.push(escapes[next] as number);
    else if (/[0-7]/.test(next)) {
      let oct = next;
      while (oct.length < 3 && /[0-7]/.test(s[i + 1] ?? '')) oct += s[++i];
      codes.push(Number.parseInt(oct, 8));
    }
  }
  return codes;
};

const streamsOf = (page: PDFPage): Uint8Array[] => {
  const contents = page.node.get(PDFName.of('Contents'));
  const refs = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  return refs.map((ref) => {
    const obj = page.doc.context.lookup(ref as PDFRef);
    if (obj instanceof PDFRawStream) return decodePDFRawStream(obj).decode();
    if (obj instanceof PDFStream) return obj.getContents();
    throw new Error('unexpected page content');
  });
};

/** Lines of text on one page, top to bottom as drawn. */
export const pageLines = (content: string): string[] => {
  const lines: { y: number; text: string }[] = [];
  let y = Number.NaN;
  const token =
    /(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+Tm|<([0-9a-fA-F\s]*)>\s*Tj|\(((?:\\.|[^\\)])*)\)\s*Tj/g;
  for (const m of content.matchAll(token)) {
    if (m[6] !== undefined) {
      y = Number(m[6]);
      continue;
    }
    const text = decodeWinAnsi(m[7] !== undefined ? hexCodes(m[7]) : literalCodes(m[8] ?? ''));
    const last = lines.at(-1);
    if (last && Math.abs(last.y - y) < 0.5) last.text += text;
    else lines.push({ y, text });
  }
  return lines.map((l) => l.text);
};

export const pdfPages = async (bytes: Uint8Array): Promise<string[][]> => {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) =>
    pageLines(
      streamsOf(page)
        .map((s) => Buffer.from(s).toString('latin1'))
        .join('\n'),
    ),
  );
};

/** All the text of a PDF, one line per drawn line, pages separated by a form feed. */
export const pdfText = async (bytes: Uint8Array): Promise<string> =>
  (await pdfPages(bytes)).map((lines) => lines.join('\n')).join('\n\f\n');
