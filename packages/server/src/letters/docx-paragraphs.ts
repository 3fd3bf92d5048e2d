/**
 * The text of a Word document as paragraphs of runs (w:p / w:r / w:t), with bold, line breaks, tabs
 * and alignment: enough to lay a letter out on paper. Read with a small scanner over the XML that
 * Word writes; images, tables' borders, headers and footers are not drawn.
 */
export type DocxRun = { text: string; bold: boolean };
export type DocxParagraph = { align: 'left' | 'center' | 'right'; runs: DocxRun[] };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export const decodeXmlText = (s: string): string =>
  s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e.startsWith('#x')
      ? String.fromCodePoint(Number.parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : (ENTITIES[e] ?? ''),
  );

const PARAGRAPH = /<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/g;
const RUN = /<w:r\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:r>)/g;
const RUN_CONTENT = /<w:t\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:t>)|<w:(br|cr|tab)\b[^>]*?\/>/g;

const isOn = (xml: string, tag: string): boolean => {
  const m = new RegExp(`<w:${tag}(?:\\s+w:val="([^"]*)")?\\s*/>`).exec(xml);
  if (!m) return false;
  const v = m[1];
  return v === undefined || !['0', 'false', 'off', 'none'].includes(v);
};

const alignOf = (pPr: string): DocxParagraph['align'] => {
  const m = /<w:jc\s+w:val="([^"]+)"/.exec(pPr);
  if (m?.[1] === 'center') return 'center';
  if (m?.[1] === 'right' || m?.[1] === 'end') return 'right';
  return 'left';
};

/** The paragraphs of word/document.xml, in order. */
export const readDocxParagraphs = (documentXml: string): DocxParagraph[] => {
  const body = /<w:body\b[^>]*>([\s\S]*)<\/w:body>/.exec(documentXml)?.[1] ?? documentXml;
  const paragraphs: DocxParagraph[] = [];
  for (const p of body.matchAll(PARAGRAPH)) {
    const inner = p[1] ?? '';
    const pPr = /<w:pPr\b[\s\S]*?<\/w:pPr>/.exec(inner)?.[0] ?? '';
    const pBold = isOn(/<w:rPr\b[\s\S]*?<\/w:rPr>/.exec(pPr)?.[0] ?? '', 'b');
    const runs: DocxRun[] = [];
    for (const r of inner.replace(/<w:pPr\b[\s\S]*?<\/w:pPr>/, '').matchAll(RUN)) {
      const rInner = r[1] ?? '';
      const rPr = /<w:rPr\b[\s\S]*?<\/w:rPr>/.exec(rInner)?.[0];
      const bold = rPr ? isOn(rPr, 'b') : pBold;
      let text = '';
      for (const c of rInner.matchAll(RUN_CONTENT)) {
        if (c[2] === 'tab') text += '    ';
        else if (c[2]) text += '\n';
        else text += decodeXmlText(c[1] ?? '');
      }
      if (!text) continue;
      const last = runs.at(-1);
      if (last && last.bold === bold) last.text += text;
      else runs.push({ text, bold });
    }
    paragraphs.push({ align: alignOf(pPr), runs });
  }
  return paragraphs;
};

/** Each paragraph's plain text (tags as typed), for error messages. */
export const paragraphTexts = (documentXml: string): string[] =>
  readDocxParagraphs(documentXml).map((p) =>
    p.runs
      .map((r) => r.text)
      .join('')
      .replace(/\n/g, ' '),
  );
