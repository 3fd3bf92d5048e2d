import { createHash, type Hash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { decryptArchive, ENCRYPTED_HEADER_BYTES, isEncryptedArchive, WRONG_PASSPHRASE } from './backup-encryption.js';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, type BackupHeader } from './backup-format.js';

export type OpenBackupOptions = { passphrase?: string | undefined };

/**
 * An archive whose header has been read (and whose passphrase has been checked). The body is read
 * once, by restoreBackup; `close()` releases the input when the archive is not restored after all.
 */
export type BackupArchive = {
  header: BackupHeader;
  isEncrypted: boolean;
  /** Only ever present in an encrypted archive. */
  masterKey: Buffer | null;
  /** The lines after the header, each without its newline. */
  readonly body: AsyncIterator<Buffer>;
  /** SHA-256 of the bytes read so far, header included (continued by the reader of the body). */
  readonly hash: Hash;
  close(): void;
};

const NEWLINE = 0x0a;
const MAX_LINE_BYTES = 1024 * 1024 * 1024;

/** Reads exactly `count` bytes (fewer at the end of the input) and returns the rest as an iterable. */
const splitHead = async (
  input: AsyncIterator<Buffer>,
  count: number,
): Promise<{ head: Buffer; rest: AsyncIterable<Buffer> }> => {
  const parts: Buffer[] = [];
  let length = 0;
  while (length < count) {
    const next = await input.next();
    if (next.done) break;
    parts.push(next.value);
    length += next.value.length;
  }
  const all = Buffer.concat(parts);
  const leftover = all.subarray(count);
  const rest = (async function* () {
    if (leftover.length > 0) yield leftover;
    for (;;) {
      const next = await input.next();
      if (next.done) return;
      yield next.value;
    }
  })();
  return { head: all.subarray(0, count), rest };
};

async function* splitLines(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const chunk of source) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(NEWLINE, start);
      if (nl === -1) break;
      const piece = chunk.subarray(start, nl);
      if (pending.length > 0) {
        yield Buffer.concat([...pending, piece]);
        pending = [];
        pendingBytes = 0;
      } else {
        yield piece;
      }
      start = nl + 1;
    }
    if (start < chunk.length) {
      pending.push(chunk.subarray(start));
      pendingBytes += chunk.length - start;
      if (pendingBytes > MAX_LINE_BYTES)
        throw new BackupError('damaged', 'The archive is damaged (a line is too long)');
    }
  }
  if (pendingBytes > 0) throw new BackupError('damaged', 'The archive is damaged: it ends in the middle of a line');
}

const describeDamage = (e: unknown, isEncrypted: boolean): BackupError => {
  if (e instanceof BackupError) return e;
  if (isEncrypted) return new BackupError('damaged', WRONG_PASSPHRASE);
  return new BackupError('damaged', `The archive is damaged (${(e as Error).message})`);
};

/** Every error out of the archive's bytes becomes a BackupError that says what it means. */
async function* translateErrors(lines: AsyncIterable<Buffer>, isEncrypted: boolean): AsyncGenerator<Buffer> {
  try {
    yield* lines;
  } catch (e) {
    throw describeDamage(e, isEncrypted);
  }
}

const parseHeader = (line: Buffer | undefined, isEncrypted: boolean): BackupHeader & { masterKey?: string } => {
  let value: unknown;
  try {
    value = JSON.parse(line?.toString('utf8') ?? '');
  } catch {
    throw new BackupError(isEncrypted ? 'damaged' : 'not_a_backup', 'This is not a Redress backup');
  }
  const h = value as Partial<BackupHeader> & { masterKey?: unknown };
  if (h?.format !== BACKUP_FORMAT) throw new BackupError('not_a_backup', 'This is not a Redress backup');
  if (h.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      'unsupported_version',
      `This backup has format version ${h.formatVersion}; this version of Redress reads version ${BACKUP_FORMAT_VERSION}`,
    );
  }
  const isStringList = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (
    typeof h.createdAt !== 'string' ||
    (h.sourceEngine !== 'pglite' && h.sourceEngine !== 'postgres') ||
    !isStringList(h.migrations) ||
    !isStringList(h.tables) ||
    !isStringList(h.sequences) ||
    typeof h.rowCounts !== 'object' ||
    h.rowCounts === null ||
    (h.masterKey !== undefined && typeof h.masterKey !== 'string')
  ) {
    throw new BackupError('damaged', 'The archive is damaged (its header is incomplete)');
  }
  return h as BackupHeader & { masterKey?: string };
};

/**
 * Opens an archive: tells an encrypted one from a plain one by its first bytes, checks the passphrase,
 * and reads the header. Nothing in the body is trusted until restoreBackup has verified the trailer's
 * counts and checksum (and, when encrypted, the authentication tag).
 */
export const openBackup = async (input: Readable, options: OpenBackupOptions = {}): Promise<BackupArchive> => {
  const iterator = input[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const close = () => {
    input.destroy();
  };
  try {
    const { head, rest } = await splitHead(iterator, ENCRYPTED_HEADER_BYTES);
    const isEncrypted = isEncryptedArchive(head);
    let compressed: AsyncIterable<Buffer>;
    if (isEncrypted) {
      if (!options.passphrase) {
        throw new BackupError('passphrase_required', 'This archive is encrypted: give its passphrase');
      }
      compressed = await decryptArchive(head, rest, options.passphrase);
    } else {
      if (head.length < 2 || head[0] !== 0x1f || head[1] !== 0x8b) {
        throw new BackupError('not_a_backup', 'This is not a Redress backup');
      }
      compressed = (async function* () {
        yield head;
        yield* rest;
      })();
    }
    const gunzip = createGunzip();
    // The pipeline's own promise is not awaited: its errors reach us through the iteration below.
    pipeline(Readable.from(compressed), gunzip).catch(() => {});
    const body = translateErrors(splitLines(gunzip), isEncrypted);
    const first = await body.next();
    const hash = createHash('sha256');
    const header = parseHeader(first.done ? undefined : first.value, isEncrypted);
    if (!first.done) hash.update(first.value).update('\n');
    const { masterKey, ...headerFields } = header;
    let key: Buffer | null = null;
    if (masterKey !== undefined) {
      // A key in a plain archive would be unauthenticated: anyone could have planted it.
      if (!isEncrypted) throw new BackupError('damaged', 'The archive is damaged (unexpected master key)');
      key = Buffer.from(masterKey, 'base64');
      if (key.length !== 32) throw new BackupError('damaged', WRONG_PASSPHRASE);
    }
    return {
      header: headerFields,
      isEncrypted,
      masterKey: key,
      body,
      hash,
      close: () => {
        body.return(undefined).catch(() => {});
        close();
      },
    };
  } catch (e) {
    close();
    throw e;
  }
};
