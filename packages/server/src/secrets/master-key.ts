import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The master key encrypts secrets and documents at rest. It comes from REDRESS_MASTER_KEY (base64 of
 * 32 bytes) or from `<dataDir>/master.key`, created once with mode 0600. Losing it loses the encrypted
 * data: the README says to back it up separately from the database backup.
 */
export type MasterKeySource = { key: Buffer; source: 'environment' | 'file'; path?: string };

export const parseMasterKey = (value: string): Buffer => {
  const key = Buffer.from(value.trim(), 'base64');
  if (key.length !== 32)
    throw new Error('REDRESS_MASTER_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)');
  return key;
};

export const loadMasterKey = (envValue: string | undefined, dataDir: string): MasterKeySource => {
  if (envValue) return { key: parseMasterKey(envValue), source: 'environment' };
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, 'master.key');
  if (!existsSync(path)) {
    try {
      writeFileSync(path, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  const mode = statSync(path).mode & 0o777;
  if (mode & 0o077) chmodSync(path, 0o600);
  return { key: parseMasterKey(readFileSync(path, 'utf8')), source: 'file', path };
};
