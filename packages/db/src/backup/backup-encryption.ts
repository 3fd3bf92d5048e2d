import { createCipheriv, createDecipheriv, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { BackupError } from './backup-format.js';

/**
 * Passphrase encryption of a whole archive: scrypt derives the key from the passphrase and a random
 * salt, AES-256-GCM encrypts. Layout:
 *
 *   magic "RDRSENC" | version (1) | log2 N | r | p | salt (16) | iv (12) | key check (16)
 *   ciphertext ...
 *   GCM auth tag (16)
 *
 * The whole header is authenticated (GCM additional data). The key check (16 more bytes of scrypt
 * output, independent of the key) tells a wrong passphrase at once, before any decryption; damage
 * anywhere is caught by the tag at the end.
 */
const MAGIC = Buffer.from('RDRSENC', 'ascii');
const VERSION = 1;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const CHECK_BYTES = 16;
const TAG_BYTES = 16;
export const ENCRYPTED_HEADER_BYTES = MAGIC.length + 4 + SALT_BYTES + IV_BYTES + CHECK_BYTES;

/** scrypt N = 2^17, r = 8, p = 1 (128 MiB, a few hundred milliseconds): OWASP's recommendation. */
const DEFAULT_LOG_N = 17;
const R = 8;
const P = 1;

type KdfParams = { logN: number; r: number; p: number; salt: Buffer };

const deriveKeys = (passphrase: string, params: KdfParams): Promise<{ key: Buffer; check: Buffer }> =>
  new Promise((resolve, reject) => {
    const N = 2 ** params.logN;
    scrypt(
      passphrase.normalize('NFC'),
      params.salt,
      32 + CHECK_BYTES,
      { N, r: params.r, p: params.p, maxmem: 128 * N * params.r * params.p + 16 * 1024 * 1024 },
      (err, derived) => {
        if (err) reject(err);
        else resolve({ key: derived.subarray(0, 32), check: derived.subarray(32) });
      },
    );
  });

export const isEncryptedArchive = (firstBytes: Buffer): boolean =>
  firstBytes.length >= MAGIC.length && firstBytes.subarray(0, MAGIC.length).equals(MAGIC);

/** Emits the header, the ciphertext, and the tag at the end. */
export const createEncryptStream = async (passphrase: string): Promise<Transform> => {
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const { key, check } = await deriveKeys(passphrase, { logN: DEFAULT_LOG_N, r: R, p: P, salt });
  const header = Buffer.concat([MAGIC, Buffer.from([VERSION, DEFAULT_LOG_N, R, P]), salt, iv, check]);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(header);
  let isHeaderWritten = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      if (!isHeaderWritten) {
        this.push(header);
        isHeaderWritten = true;
      }
      callback(null, cipher.update(chunk));
    },
    flush(callback: TransformCallback) {
      if (!isHeaderWritten) this.push(header);
      this.push(cipher.final());
      callback(null, cipher.getAuthTag());
    },
  });
};

export const WRONG_PASSPHRASE = 'wrong passphrase or damaged archive';

/**
 * Checks the header and the passphrase, then decrypts the rest. The last 16 bytes are held back as the
 * tag; the generator throws at the end if the tag does not match, so a consumer that commits only after
 * the stream ended cleanly never commits altered data.
 */
export const decryptArchive = async (
  header: Buffer,
  rest: AsyncIterable<Buffer>,
  passphrase: string,
): Promise<AsyncGenerator<Buffer>> => {
  if (header.length < ENCRYPTED_HEADER_BYTES) throw new BackupError('damaged', 'The archive is truncated');
  // magic | version | log2 N | r | p | salt | iv | check
  const [version, logN = 0, r = 0, p = 0] = header.subarray(MAGIC.length, MAGIC.length + 4);
  if (version !== VERSION) {
    throw new BackupError('unsupported_version', `Unsupported encrypted archive version ${version}`);
  }
  // Bounds keep a crafted archive from asking for absurd amounts of memory or time.
  if (logN < 14 || logN > 20 || r < 1 || r > 16 || p < 1 || p > 4) {
    throw new BackupError('damaged', WRONG_PASSPHRASE);
  }
  const saltAt = MAGIC.length + 4;
  const salt = header.subarray(saltAt, saltAt + SALT_BYTES);
  const iv = header.subarray(saltAt + SALT_BYTES, saltAt + SALT_BYTES + IV_BYTES);
  const expectedCheck = header.subarray(saltAt + SALT_BYTES + IV_BYTES, ENCRYPTED_HEADER_BYTES);
  const { key, check } = await deriveKeys(passphrase, { logN, r, p, salt });
  if (!timingSafeEqual(check, expectedCheck)) throw new BackupError('wrong_passphrase', WRONG_PASSPHRASE);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(header.subarray(0, ENCRYPTED_HEADER_BYTES));
  return (async function* () {
    let held = Buffer.alloc(0);
    for await (const chunk of rest) {
      const all = held.length > 0 ? Buffer.concat([held, chunk]) : chunk;
      const cut = all.length - TAG_BYTES;
      if (cut > 0) {
        const plain = decipher.update(all.subarray(0, cut));
        held = Buffer.from(all.subarray(cut));
        if (plain.length > 0) yield plain;
      } else {
        held = Buffer.from(all);
      }
    }
    if (held.length !== TAG_BYTES) throw new BackupError('damaged', WRONG_PASSPHRASE);
    decipher.setAuthTag(held);
    let last: Buffer;
    try {
      last = decipher.final();
    } catch {
      throw new BackupError('damaged', WRONG_PASSPHRASE);
    }
    if (last.length > 0) yield last;
  })();
};
