/**
 * Letters from templates, legal-mail letterhead and envelopes, batch printing and the paper
 * questionnaire. Other features (correspondence, visits) call these; the routes are in
 * routes/letters.routes.ts.
 */

export type { ComposedLetter, LetterRequest } from './compose-letter.js';
export { composeLetter } from './compose-letter.js';
export type { BatchItem } from './render-batch-pdf.js';
export { renderBatchPdf } from './render-batch-pdf.js';
export { renderQuestionnairePdf } from './render-questionnaire-pdf.js';
