import { randomUUID } from 'node:crypto';
import { type AuditEvent, appendAudit, type Database, type Tx } from '@redress/db';
import type { Logger } from 'pino';
import type { RequestContext } from './context.js';
import type { Sealer } from './secrets/crypto.js';

export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };

/** Puts background work on the job queue (pg-boss). */
export type JobQueue = {
  send(name: string, data: object, options?: { singletonKey?: string }): Promise<unknown>;
};

export type AppDeps = {
  database: Database;
  clock: Clock;
  newId: () => string;
  sealer: Sealer;
  logger: Logger;
  /** Base URL for links shown to people (sign-in links). */
  publicUrl: string;
  /** Whether cookies must be Secure regardless of the request (public URL is https). */
  isHttps: boolean;
  /**
   * The job queue, once this process runs jobs (set after start-up). Without it, queued work waits
   * for the next sweep of a process that runs jobs (screening runs: jobs/screening-jobs.ts).
   */
  jobs?: JobQueue;
  /** The largest document upload accepted (REDRESS_DOCUMENT_MAX_MB); 25 MB when unset. */
  documentMaxBytes?: number;
};

export const defaultIds = () => randomUUID();

export type Audit = (event: AuditEvent) => Promise<number>;

/**
 * Runs `work` in one transaction with an audit writer bound to the request's actor: the change and its
 * audit entries commit together or not at all.
 */
export const inTransaction = <T>(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  ctx: RequestContext,
  work: (tx: Tx, audit: Audit) => Promise<T>,
): Promise<T> =>
  deps.database.db.transaction().execute((tx) => {
    const audit: Audit = (event) =>
      appendAudit(
        tx,
        {
          actorId: ctx.actor?.userId ?? null,
          actorLabel: ctx.actor ? `${ctx.actor.name} <${ctx.actor.email}>` : (ctx.operator ?? 'anonymous'),
          ip: ctx.ip,
          userAgent: ctx.userAgent,
          requestId: ctx.requestId,
        },
        event,
        deps.clock.now(),
      );
    return work(tx, audit);
  });
