import type { Kysely, Transaction } from 'kysely';
import type { Tables } from './tables.js';

/** Anything that runs queries: the database or an open transaction. */
export type Executor = Kysely<Tables>;
/** Work that must happen inside a transaction (audit entries, multi-row changes). */
export type Tx = Transaction<Tables>;
