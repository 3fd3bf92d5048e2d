import { z } from 'zod';

/**
 * NIST SP 800-63B: length over composition rules. 12 characters minimum; a long cap because argon2
 * hashes any length, but a megabyte password is an attack, not a password.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export const NewPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters`)
  .refine((p) => new Set(p).size >= 4, 'Use more varied characters')
  .describe('New password (at least 12 characters)');

/** A presented password is only bounded, never judged: old passwords must still be usable. */
export const PresentedPassword = z.string().min(1, 'Required').max(PASSWORD_MAX_LENGTH).describe('Password');
