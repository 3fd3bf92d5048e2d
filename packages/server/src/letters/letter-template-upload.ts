/** The route that replaces a letter template (PUT, multipart form data; registered in import/roster-upload.ts). */
export const LETTER_TEMPLATE_UPLOAD_URL = '/api/v1/letters/templates/:key/:language';

/** A Word template is a few tens of kilobytes; this leaves room for a letterhead image. */
export const LETTER_TEMPLATE_MAX_BYTES = 5 * 1024 * 1024;
