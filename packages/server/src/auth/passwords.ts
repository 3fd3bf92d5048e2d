import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline (19 MiB, 2 iterations, 1 lane): about 0.1 s here, enough to make guessing
// expensive without making sign-in slow.
const OPTIONS = {
  algorithm: 2 /* Argon2id (a const enum, not importable under verbatimModuleSyntax) */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export const verifyPassword = async (hashed: string, password: string): Promise<boolean> => {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
};

// Verifying against this when the account does not exist keeps the response time the same, so timing
// does not reveal which emails have accounts.
let decoy: Promise<string> | null = null;
export const burnPasswordCheck = async (password: string): Promise<void> => {
  decoy ??= hashPassword('decoy password that never matches');
  await verifyPassword(await decoy, password);
};
