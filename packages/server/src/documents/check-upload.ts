import { DOCX, type DocumentMediaType, fail, ok, type Result, sniffMediaType } from '@redress/core';
import { PDFDocument } from 'pdf-lib';

/**
 * Judges an uploaded file by its bytes before anything stores or reads it further: what it is (never
 * what its name or declared type say), whether it is one of the types the caller accepts, whether it
 * fits, and whether it is a decompression bomb. Images are judged by the dimensions in their header;
 * PDFs by a scan of their raw bytes (nothing is decompressed), and only a PDF that passes is opened
 * with pdf-lib to count its pages.
 */
export type CheckUploadOptions = { allowed: readonly DocumentMediaType[]; maxBytes: number };
export type CheckedUpload = { mediaType: DocumentMediaType; pageCount: number | null };

/** A side longer than this, or more pixels than MAX_IMAGE_PIXELS, is refused (a decompression bomb). */
export const MAX_IMAGE_SIDE = 12_000;
export const MAX_IMAGE_PIXELS = 80_000_000;
export const MAX_PDF_PAGES = 200;
export const MAX_PDF_OBJECTS = 50_000;

const LABELS: Record<DocumentMediaType, string> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/tiff': 'TIFF',
  'image/webp': 'WebP image',
  'application/pdf': 'PDF',
  [DOCX]: 'Word document (DOCX)',
};

const listOf = (labels: string[]) =>
  labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}`;

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

/** What the bytes are, in words, for a file this server does not take. */
export const describeBytes = (bytes: Uint8Array): string => {
  const sniffed = sniffMediaType(bytes);
  if (sniffed) return `a ${LABELS[sniffed]}`;
  const head = ascii(bytes, 0, 512);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return 'a ZIP archive';
  }
  if (head.startsWith('GIF87a') || head.startsWith('GIF89a')) return 'a GIF image';
  if (head.startsWith('BM')) return 'a BMP image';
  if (ascii(bytes, 4, 12) === 'ftypheic' || ascii(bytes, 4, 12) === 'ftypmif1' || ascii(bytes, 4, 12) === 'ftypheix') {
    return 'an HEIC photo (save or export it as JPEG)';
  }
  if (startsWith(bytes, [0x1f, 0x8b])) return 'a gzip archive';
  if (head.startsWith('Rar!')) return 'a RAR archive';
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return 'a 7-Zip archive';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return 'an old Microsoft Office file (DOC, XLS)';
  if (head.startsWith('MZ') || head.startsWith('\x7fELF')) return 'a program';
  const text = head.trimStart().toLowerCase();
  if (text.startsWith('<!doctype html') || text.startsWith('<html')) return 'an HTML page';
  if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg'))) return 'an SVG drawing';
  if (text.startsWith('<?xml')) return 'an XML file';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, Math.min(bytes.length, 4096)));
    return 'plain text';
  } catch {
    return 'of a type this server does not know';
  }
};

const imageRejected = (message: string) => fail('invalid', 'document.image_rejected', message, { file: message });
const pdfRejected = (message: string) => fail('invalid', 'document.pdf_rejected', message, { file: message });

type Size = { width: number; height: number };

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

const pngSize = (bytes: Uint8Array): Size | null => {
  if (bytes.length < 24 || ascii(bytes, 12, 16) !== 'IHDR') return null;
  const v = view(bytes);
  return { width: v.getUint32(16), height: v.getUint32(20) };
};

/** The first start-of-frame segment's dimensions, walking the segments by their lengths. */
const jpegSize = (bytes: Uint8Array): Size | null => {
  const v = view(bytes);
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image or scan data before any frame
    const length = v.getUint16(at + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (at + 9 > bytes.length) return null;
      return { height: v.getUint16(at + 5), width: v.getUint16(at + 7) };
    }
    if (length < 2) return null;
    at += 2 + length;
  }
  return null;
};

/** ImageWidth (256) and ImageLength (257) from the first directory. */
const tiffSize = (bytes: Uint8Array): Size | null => {
  if (bytes.length < 8) return null;
  const v = view(bytes);
  const le = bytes[0] === 0x49;
  const ifd = v.getUint32(4, le);
  if (ifd + 2 > bytes.length) return null;
  const count = v.getUint16(ifd, le);
  let width: number | null = null;
  let height: number | null = null;
  for (let i = 0; i < Math.min(count, 1000); i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > bytes.length) break;
    const tag = v.getUint16(entry, le);
    const type = v.getUint16(entry + 2, le);
    const value = type === 3 ? v.getUint16(entry + 8, le) : v.getUint32(entry + 8, le);
    if (tag === 256) width = value;
    if (tag === 257) height = value;
  }
  return width !== null && height !== null ? { width, height } : null;
};

const webpSize = (bytes: Uint8Array): Size | null => {
  if (bytes.length < 30) return null;
  const chunk = ascii(bytes, 12, 16);
  const b = (i: number) => bytes[i] ?? 0;
  if (chunk === 'VP8X') {
    return { width: 1 + (b(24) | (b(25) << 8) | (b(26) << 16)), height: 1 + (b(27) | (b(28) << 8) | (b(29) << 16)) };
  }
  if (chunk === 'VP8L') {
    const bits = b(21) | (b(22) << 8) | (b(23) << 16) | (b(24) << 24);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >>> 14) & 0x3fff) };
  }
  if (chunk === 'VP8 ') {
    return { width: (b(26) | (b(27) << 8)) & 0x3fff, height: (b(28) | (b(29) << 8)) & 0x3fff };
  }
  return null;
};

const SIZE_READERS: Record<string, (bytes: Uint8Array) => Size | null> = {
  'image/png': pngSize,
  'image/jpeg': jpegSize,
  'image/tiff': tiffSize,
  'image/webp': webpSize,
};

const checkImage = (bytes: Uint8Array, mediaType: DocumentMediaType): Result<CheckedUpload> => {
  const size = SIZE_READERS[mediaType]?.(bytes) ?? null;
  if (!size || size.width === 0 || size.height === 0) {
    return imageRejected(`This ${LABELS[mediaType]} is damaged: its header does not give its size`);
  }
  if (size.width > MAX_IMAGE_SIDE || size.height > MAX_IMAGE_SIDE || size.width * size.height > MAX_IMAGE_PIXELS) {
    return imageRejected(
      `This image is ${size.width} x ${size.height} pixels; the largest accepted is ${MAX_IMAGE_SIDE.toLocaleString('en-US')} pixels a side and ${MAX_IMAGE_PIXELS / 1_000_000} megapixels: scan at 300 dpi or less`,
    );
  }
  return ok({ mediaType, pageCount: 1 });
};

const maxOf = (text: string, pattern: RegExp): number => {
  let max = 0;
  for (const m of text.matchAll(pattern)) max = Math.max(max, Number(m[1]));
  return max;
};

/** Counts matches, stopping as soon as there are more than `limit`. */
const countUpTo = (text: string, pattern: RegExp, limit: number): number => {
  let n = 0;
  for (const _ of text.matchAll(pattern)) if (++n > limit) break;
  return n;
};

/**
 * The structural limits of a PDF, from its raw bytes only: objects written out and declared, pages
 * visible in uncompressed dictionaries, declared stream lengths, encryption. Objects inside object
 * streams are counted by the streams' declared /N, never by decompressing them.
 */
export const scanPdf = (bytes: Uint8Array): Result<true> => {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (/\/Encrypt\b/.test(text)) {
    return pdfRejected('This PDF is encrypted or password-protected: save an unprotected copy and upload that');
  }
  const written = countUpTo(text, /\d+\s+\d+\s+obj\b/g, MAX_PDF_OBJECTS);
  let inStreams = 0;
  for (const m of text.matchAll(/\/Type\s*\/ObjStm\b[^>]*?\/N\s+(\d+)|\/N\s+(\d+)[^>]*?\/Type\s*\/ObjStm\b/g)) {
    inStreams += Number(m[1] ?? m[2]);
  }
  const declared = maxOf(text, /\/Size\s+(\d+)/g);
  const objects = Math.max(written + inStreams, declared);
  if (objects > MAX_PDF_OBJECTS) {
    return pdfRejected(`This PDF has ${objects.toLocaleString('en-US')} objects; the most accepted is 50,000`);
  }
  // Every object takes a few bytes even compressed: a count beyond that is a lie meant to exhaust a reader.
  if (objects > Math.max(1_000, bytes.length / 2)) {
    return pdfRejected('This PDF declares far more objects than its size can hold: it is damaged or built to harm');
  }
  const longest = maxOf(text, /\/Length\s+(\d+)(?!\s+\d+\s+R)/g);
  if (longest > bytes.length) {
    return pdfRejected('This PDF declares a stream longer than the whole file: it is damaged or built to harm');
  }
  const pages = Math.max(
    maxOf(text, /\/Count\s+(\d+)/g),
    countUpTo(text, /\/Type\s*\/Page(?![a-zA-Z])/g, MAX_PDF_PAGES),
  );
  if (pages > MAX_PDF_PAGES) {
    return pdfRejected(`This PDF has ${pages.toLocaleString('en-US')} pages; the most accepted is ${MAX_PDF_PAGES}`);
  }
  return ok(true);
};

const checkPdf = async (bytes: Uint8Array): Promise<Result<CheckedUpload>> => {
  const scanned = scanPdf(bytes);
  if (!scanned.ok) return scanned;
  let pageCount: number;
  try {
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false });
    pageCount = pdf.getPageCount();
  } catch {
    return pdfRejected('This PDF could not be read: it is damaged. Save or print it to a new PDF and upload that');
  }
  if (pageCount > MAX_PDF_PAGES) {
    return pdfRejected(
      `This PDF has ${pageCount.toLocaleString('en-US')} pages; the most accepted is ${MAX_PDF_PAGES}`,
    );
  }
  return ok({ mediaType: 'application/pdf', pageCount });
};

/**
 * The verdict on an upload: its media type and page count (1 for an image, null for a Word file), or
 * `document.empty`, `document.too_large` (413), `document.unsupported_type` (naming what the bytes
 * are), `document.image_rejected` (damaged, or too many pixels) or `document.pdf_rejected` (damaged,
 * encrypted, or beyond the limits).
 */
export const checkUpload = async (bytes: Uint8Array, opts: CheckUploadOptions): Promise<Result<CheckedUpload>> => {
  if (bytes.byteLength === 0) return fail('invalid', 'document.empty', 'The file is empty', { file: 'Empty file' });
  if (bytes.byteLength > opts.maxBytes) {
    const mb = Math.floor(opts.maxBytes / (1024 * 1024));
    return fail('too_large', 'document.too_large', `The file is larger than ${mb} MB, the most this server accepts`, {
      file: `At most ${mb} MB`,
    });
  }
  const mediaType = sniffMediaType(bytes);
  if (!mediaType || !opts.allowed.includes(mediaType)) {
    const message = `This file is ${describeBytes(bytes)}, not a ${listOf(opts.allowed.map((t) => LABELS[t]))}`;
    return fail('invalid', 'document.unsupported_type', message, { file: message });
  }
  if (mediaType.startsWith('image/')) return checkImage(bytes, mediaType);
  if (mediaType === 'application/pdf') return checkPdf(bytes);
  return ok({ mediaType, pageCount: null });
};
