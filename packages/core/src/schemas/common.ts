import { z } from 'zod';

export const Id = z.uuid().describe('Identifier (UUID)');
export const IsoDateTime = z.iso.datetime({ offset: true }).describe('Timestamp, ISO 8601');
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'Enter a valid email address' }))
  .describe('Email address');

/** Free text that must be a single readable line: no control characters. */
export const Line = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'Required')
    .max(max, `At most ${max} characters`)
    // Control characters, line separators and bidirectional overrides can hide or reorder text.
    .refine(
      (s) => !/[\p{Cc}\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069]/u.test(s),
      'Must not contain control or invisible characters',
    );

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Page size'),
  cursor: z.string().max(200).optional().describe('Opaque cursor from the previous page'),
});

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().describe('Stable machine-readable code, e.g. auth.invalid_credentials'),
      message: z.string().describe('Readable message'),
      details: z.record(z.string(), z.string()).optional().describe('Field path -> message'),
    }),
  })
  .describe('Error');
export type ErrorBody = z.infer<typeof ErrorBody>;
