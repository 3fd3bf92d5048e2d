import { createHash } from 'node:crypto';
import {
  type AuditContent,
  type ChainBreak,
  type ChainedAuditEntry,
  chainInput,
  createChainVerifier,
  GENESIS_HASH,
} from '@redress/core';
import { sql } from 'kysely';
import type { Executor, Tx } from './executor.js';

export const sha256Hex = (input: string): string => createHash('sha256').update(input).digest('hex');

/** Who did it and from where: every audit entry has one. */
export type AuditActor = {
  actorId: string | null;
  actorLabel: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
};

export type AuditEvent = {
  action: string;
  entityType: string;
  entityId: string | null;
  details?: Record<string, unknown>;
};

// Serialises appends so the chain has one order and no gaps, across every app server.
const AUDIT_LOCK_KEY = 727_002;

// Text is stored as UTF-8, which cannot hold a lone UTF-16 surrogate: the driver would store U+FFFD in
// its place and the entry would never match its hash again. So hash (and store) what will be read back.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const storable = <T extends string | null>(text: T): T =>
  (text === null ? text : text.replace(LONE_SURROGATE, '\ufffd')) as T;
const storableJson = (value: unknown): unknown => {
  if (typeof value === 'string') return storable(value);
  if (Array.isArray(value)) return value.map(storableJson);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [storable(k), storableJson(v)]));
};

/**
 * Append an entry in the caller's transaction: if the change rolls back, so does its audit entry, and
 * a change is never committed without one.
 */
export const appendAudit = async (tx: Tx, actor: AuditActor, event: AuditEvent, now: Date): Promise<number> => {
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(tx);
  const last = await tx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const content: AuditContent = {
    seq: (last?.seq ?? 0) + 1,
    at: now.toISOString(),
    actorId: actor.actorId,
    actorLabel: storable(actor.actorLabel),
    action: storable(event.action),
    entityType: storable(event.entityType),
    entityId: storable(event.entityId),
    ip: storable(actor.ip),
    userAgent: storable(actor.userAgent),
    requestId: storable(actor.requestId),
    // The stored form (JSON, then jsonb) is what verification reads back, so hash exactly that.
    details: storableJson(JSON.parse(JSON.stringify(event.details ?? {}))) as Record<string, unknown>,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = sha256Hex(chainInput(prevHash, content));
  await tx
    .insertInto('audit_log')
    .values({
      seq: content.seq,
      at: now,
      actor_id: content.actorId,
      actor_label: content.actorLabel,
      action: content.action,
      entity_type: content.entityType,
      entity_id: content.entityId,
      ip: content.ip,
      user_agent: content.userAgent,
      request_id: content.requestId,
      details: JSON.stringify(content.details),
      prev_hash: prevHash,
      hash,
    })
    .execute();
  return content.seq;
};

type AuditRow = {
  seq: number;
  at: Date;
  actor_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  details: Record<string, unknown>;
  prev_hash: string;
  hash: string;
};

export const toChainedEntry = (r: AuditRow): ChainedAuditEntry => ({
  seq: r.seq,
  at: r.at.toISOString(),
  actorId: r.actor_id,
  actorLabel: r.actor_label,
  action: r.action,
  entityType: r.entity_type,
  entityId: r.entity_id,
  ip: r.ip,
  userAgent: r.user_agent,
  requestId: r.request_id,
  details: r.details,
  prevHash: r.prev_hash,
  hash: r.hash,
});

export type AuditFilter = {
  actorId?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  beforeSeq?: number | undefined;
  limit: number;
};

/** Newest first. An action ending in "." is a prefix ("user." finds every user action). */
export const findAuditEntries = async (db: Executor, f: AuditFilter): Promise<ChainedAuditEntry[]> => {
  let q = db.selectFrom('audit_log').selectAll();
  if (f.actorId) q = q.where('actor_id', '=', f.actorId);
  if (f.action)
    q = f.action.endsWith('.')
      ? q.where('action', 'like', `${f.action.replace(/[\\%_]/g, '\\$&')}%`)
      : q.where('action', '=', f.action);
  if (f.entityType) q = q.where('entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.from) q = q.where('at', '>=', new Date(f.from));
  if (f.to) q = q.where('at', '<=', new Date(f.to));
  if (f.beforeSeq !== undefined) q = q.where('seq', '<', f.beforeSeq);
  const rows = await q.orderBy('seq', 'desc').limit(f.limit).execute();
  return rows.map((r) => toChainedEntry(r as AuditRow));
};

export type ChainVerification =
  | { ok: true; checked: number; lastHash: string }
  | { ok: false; checked: number; firstBreak: ChainBreak };

/** Walks the whole chain in pages (bounded memory) and names the first broken link. */
export const verifyAuditChain = async (
  db: Executor,
  onProgress?: (checked: number, total: number) => void,
): Promise<ChainVerification> => {
  const verifier = createChainVerifier(sha256Hex);
  const total = Number((await db.selectFrom('audit_log').select(db.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
  let after = 0;
  const PAGE = 5000;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    for (const r of rows) {
      const broken = verifier.push(toChainedEntry(r as AuditRow));
      if (broken) return { ok: false, checked: verifier.checked, firstBreak: broken };
    }
    onProgress?.(verifier.checked, total);
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]?.seq ?? after;
  }
  return { ok: true, checked: verifier.checked, lastHash: verifier.lastHash };
};
