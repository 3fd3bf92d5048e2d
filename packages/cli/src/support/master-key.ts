import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Config, parseMasterKey } from '@redress/server';
import { CliError } from './errors.js';

export const masterKeyPath = (dataDir: string) => join(dataDir, 'master.key');

/** The master key in use, if there is one yet; unlike loadMasterKey, never creates one. */
export const readMasterKeyIfPresent = (config: Config, dataDir: string): Buffer | null => {
  if (config.REDRESS_MASTER_KEY) return parseMasterKey(config.REDRESS_MASTER_KEY);
  const path = masterKeyPath(dataDir);
  return existsSync(path) ? parseMasterKey(readFileSync(path, 'utf8')) : null;
};

/** What a restore does with the archive's master key, decided before anything is written. */
export type MasterKeyPlan =
  | { action: 'none'; reason: 'not_in_archive' | 'same_key' }
  | { action: 'write'; path: string; key: Buffer }
  | { action: 'replace'; path: string; key: Buffer; previousPath: string };

export const planMasterKey = (
  config: Config,
  dataDir: string,
  archiveKey: Buffer | null,
  options: { replace: boolean; now: Date },
): MasterKeyPlan => {
  if (!archiveKey) return { action: 'none', reason: 'not_in_archive' };
  const path = masterKeyPath(dataDir);
  if (config.REDRESS_MASTER_KEY) {
    if (parseMasterKey(config.REDRESS_MASTER_KEY).equals(archiveKey)) return { action: 'none', reason: 'same_key' };
    // The variable would win over any file we wrote, so replacing cannot help: the person must act.
    throw new CliError(
      `REDRESS_MASTER_KEY is set and differs from the master key in the archive; unset it (the archive's key is then written to ${path}) or set it to the old server's key`,
    );
  }
  if (!existsSync(path)) return { action: 'write', path, key: archiveKey };
  if (parseMasterKey(readFileSync(path, 'utf8')).equals(archiveKey)) return { action: 'none', reason: 'same_key' };
  if (!options.replace) {
    throw new CliError(
      `${path} holds a different master key than the archive; restoring would leave its encrypted secrets unreadable. Use --replace-master-key to replace it (the old file is kept beside it)`,
    );
  }
  const stamp = options.now.toISOString().replace(/[:.]/g, '-');
  return { action: 'replace', path, key: archiveKey, previousPath: `${path}.replaced-${stamp}` };
};

/** Puts the key in place (mode 0600); returns how to undo it if the restore then fails to commit. */
export const applyMasterKeyPlan = (plan: MasterKeyPlan): (() => void) => {
  if (plan.action === 'none') return () => {};
  const content = `${plan.key.toString('base64')}\n`;
  if (plan.action === 'write') {
    mkdirSync(dirname(plan.path), { recursive: true, mode: 0o700 });
    writeFileSync(plan.path, content, { mode: 0o600, flag: 'wx' });
    return () => rmSync(plan.path, { force: true });
  }
  renameSync(plan.path, plan.previousPath);
  try {
    writeFileSync(plan.path, content, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    renameSync(plan.previousPath, plan.path);
    throw e;
  }
  return () => {
    rmSync(plan.path, { force: true });
    renameSync(plan.previousPath, plan.path);
  };
};
