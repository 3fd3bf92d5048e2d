import { z } from 'zod';

/** Every setting comes from the environment, parsed once at start-up; all bad fields are reported together. */
export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('HTTP port'),
  HOST: z.string().default('127.0.0.1').describe('Interface to listen on (0.0.0.0 for all)'),
  REDRESS_DATA_DIR: z.string().default('./data').describe('Data directory: PGlite database, master key, files'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'Must be a postgres:// URL')
    .optional()
    .describe('PostgreSQL server; when unset the embedded PGlite database is used'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  REDRESS_MASTER_KEY: z.string().optional().describe('Base64 of 32 random bytes; default: <data dir>/master.key'),
  REDRESS_PUBLIC_URL: z
    .url()
    .optional()
    .describe('Public base URL, used in sign-in links; default http://localhost:PORT'),
  REDRESS_TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('Trust X-Forwarded-* from a reverse proxy (needed for Secure cookies behind HTTPS)'),
  REDRESS_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true')
    .describe('Create a demo workspace on an empty database'),
  REDRESS_JOBS: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true')
    .describe('Run background jobs in this process'),
  REDRESS_RATE_LIMIT_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(10)
    .max(1_000_000)
    .default(1200)
    .describe('API requests per minute per client address (sign-in routes have their own lower limit)'),
  REDRESS_SCREENING_MAX_UPLOAD_MB: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_240)
    .default(200)
    .describe('Largest roster a screening run accepts in the browser, in MB (413 beyond); the CLI streams any size'),
  REDRESS_DOCUMENT_MAX_MB: z.coerce
    .number()
    .int()
    .min(1)
    .max(1024)
    .default(25)
    .describe('Largest document (scan, photo, PDF) an upload accepts, in MB (413 beyond)'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration: ${issues.join('; ')}`);
    this.name = 'ConfigError';
  }
}

export const parseConfig = (env: Record<string, string | undefined>): Config => {
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return result.data;
};
