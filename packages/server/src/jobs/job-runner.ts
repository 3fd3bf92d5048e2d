import { type Database, deleteSessionsOlderThan } from '@redress/db';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Clock, JobQueue } from '../deps.js';
import { createOcrEngine } from '../ocr/ocr-engine.js';
import { registerOcrJobs } from './ocr-jobs.js';
import { registerScreeningJobs } from './screening-jobs.js';

/**
 * Background jobs live in the database (pg-boss), so any app server may run them and a schedule fires
 * once however many servers there are. On PGlite, pg-boss shares the one connection through the same
 * lock as every other query.
 */
export type JobRunner = { stop(): Promise<void>; queue: JobQueue };

const SESSION_RETENTION_DAYS = 30;

export const startJobs = async (database: Database, clock: Clock, logger: Logger): Promise<JobRunner> => {
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => database.executeSql(text, values) },
    schema: 'pgboss',
    supervise: true,
    schedule: true,
    migrate: true,
  });
  boss.on('error', (err) => logger.error({ err }, 'job queue error'));
  await boss.start();
  await boss.createQueue('sessions.purge');
  await boss.schedule('sessions.purge', '17 * * * *');
  await boss.work('sessions.purge', async () => {
    const cutoff = new Date(clock.now().getTime() - SESSION_RETENTION_DAYS * 86_400_000);
    const deleted = await deleteSessionsOlderThan(database.db, cutoff);
    logger.info({ job: 'sessions.purge', deleted }, 'purged ended sessions');
  });
  await registerScreeningJobs(boss, { database, clock, logger });
  // OCR workers start on the first image and stop with the queue.
  const ocr = createOcrEngine();
  await registerOcrJobs(boss, { database, clock, logger, ocr });
  return {
    stop: async () => {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      await ocr.terminate();
    },
    queue: { send: (name, data, options) => boss.send(name, data, options ?? {}) },
  };
};
