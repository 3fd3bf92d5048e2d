/**
 * Cells that start with = + - @ (or a tab or carriage return) are run as formulas by Excel, LibreOffice
 * and Google Sheets: `=cmd|' /C calc'!A0` in a name field becomes code on the reader's machine. Such
 * cells are exported with a leading apostrophe (OWASP's CSV injection guidance).
 */
export const neutraliseFormula = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** One CSV field (RFC 4180 quoting) made safe to open in a spreadsheet. */
export const csvField = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  // Numbers and booleans are data, never formulas (a negative number keeps its sign).
  const text =
    typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : neutraliseFormula(typeof value === 'string' ? value : JSON.stringify(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const csvRow = (values: readonly unknown[]): string => `${values.map(csvField).join(',')}\r\n`;
