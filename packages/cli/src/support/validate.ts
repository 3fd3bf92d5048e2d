import type { z } from 'zod';
import { UsageError } from './errors.js';

/**
 * Parses flags with the core's schema; a failure names the flags: `--role: Invalid option: ...`.
 * `flags` maps schema fields to the flags they came from.
 */
export const parseInput = <S extends z.ZodType>(
  schema: S,
  input: unknown,
  flags: Record<string, string> = {},
): z.infer<S> => {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    const top = String(issue.path[0] ?? '');
    const name = flags[top] ?? (field || 'input');
    return `${name}: ${issue.message}`;
  });
  throw new UsageError(`Invalid input (${problems.join('; ')})`);
};
