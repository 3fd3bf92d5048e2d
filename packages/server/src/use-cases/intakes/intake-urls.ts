/** The intake document upload route (multipart form data; see import/roster-upload.ts). */
export const INTAKE_DOCUMENT_UPLOAD_URL = '/api/v1/intakes/:id/documents';

/** The public intake form's submission route: no sign-in, a small JSON body (public-intake.routes.ts). */
export const PUBLIC_INTAKE_URL = '/api/v1/public/intake';
