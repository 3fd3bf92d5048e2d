import type { OutgoingHttpHeaders } from 'node:http';
import { DOCUMENT_MEDIA_TYPES } from '@redress/core';
import type { FastifyReply } from 'fastify';

const KNOWN_TYPES: ReadonlySet<string> = new Set(DOCUMENT_MEDIA_TYPES);

/** Media types a browser may show in place: images and PDF. Anything else is only ever downloaded. */
const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/tiff', 'image/webp', 'application/pdf']);

/**
 * Nothing runs and nothing loads; only the app itself may frame the file (a preview). A PDF is not
 * sandboxed, as browsers refuse to show a PDF in a sandboxed document, but it may still load nothing.
 */
const FILE_POLICY =
  "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox";
const PDF_POLICY = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'";

/** A file name for the Content-Disposition header: ASCII fallback plus the UTF-8 name (RFC 6266, 5987). */
export const contentDisposition = (kind: 'inline' | 'attachment', fileName: string): string => {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_') || 'document';
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
};

export type SendDocumentInput = {
  bytes: Uint8Array;
  /** The media type the bytes showed on upload (never the client's). */
  mediaType: string;
  fileName: string;
  /** Force a download even for an image or PDF. */
  isDownload?: boolean;
};

/**
 * Sends a stored document's bytes: the sniffed media type, shown in place only when it is an image or
 * a PDF (otherwise a download), never sniffed again by the browser, and under a policy that lets the
 * file run nothing and load nothing (a PDF viewer or an SVG trick cannot reach the app's origin).
 */
export const sendDocument = (reply: FastifyReply, input: SendDocumentInput): void => {
  const isInline = !input.isDownload && INLINE_TYPES.has(input.mediaType);
  const body = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
  // Answered here, as downloads are (see screening.routes.ts): the headers the app set so far (request
  // id, security headers) are kept and these win over them.
  reply.hijack();
  const prepared = Object.entries(reply.getHeaders()).filter(([, v]) => v !== undefined);
  reply.raw.writeHead(200, {
    ...(Object.fromEntries(prepared) as OutgoingHttpHeaders),
    'content-type': KNOWN_TYPES.has(input.mediaType) ? input.mediaType : 'application/octet-stream',
    'content-length': String(body.byteLength),
    'content-disposition': contentDisposition(isInline ? 'inline' : 'attachment', input.fileName),
    'x-content-type-options': 'nosniff',
    'content-security-policy': input.mediaType === 'application/pdf' ? PDF_POLICY : FILE_POLICY,
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'private, no-store',
  });
  reply.raw.end(body);
};
