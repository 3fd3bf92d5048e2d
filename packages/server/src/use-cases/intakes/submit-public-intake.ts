import {
  DomainFailure,
  domainError,
  PUBLIC_INTAKE_TOTAL_PER_HOUR,
  type PublicIntakeAccepted,
  parsePublicIntake,
} from '@redress/core';
import { countPublicIntakesSince, insertIntake, nextIntakeReference } from '@redress/db';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { todayOf } from '../people/person-dates.js';
import { questionnaireColumns, submittedByColumns } from './intake-writes.js';

const BUSY_MESSAGE = {
  en: 'We are receiving many requests right now; please try again in an hour',
  es: 'Estamos recibiendo muchas solicitudes en este momento; inténtelo de nuevo en una hora',
} as const;

export type PublicSubmission =
  | { kind: 'received'; reference: PublicIntakeAccepted['reference'] }
  /** The honeypot was filled: the caller answers as for a submission, and nothing was stored. */
  | { kind: 'discarded' };

/**
 * A submission of the public form (no sign-in): it creates an intake with channel public_form and
 * state new, and nothing else (no person, no document, no assignment). Field messages are in the
 * submission's language. A filled honeypot stores nothing. Beyond PUBLIC_INTAKE_TOTAL_PER_HOUR
 * submissions from everyone in the last hour, the form is refused (429) until the hour has passed;
 * the per-address limit is the route's. Audited as `intake.submitted` (no names: the applicant is not
 * a client, and the audit log is read by administrators).
 */
export const submitPublicIntake = (deps: AppDeps, ctx: RequestContext, body: unknown): Promise<PublicSubmission> => {
  const parsed = parsePublicIntake(body);
  if (parsed.kind === 'honeypot') return Promise.resolve({ kind: 'discarded' });
  if (parsed.kind === 'invalid') {
    throw new DomainFailure(domainError('invalid', 'request.invalid', parsed.message, parsed.details));
  }
  const input = parsed.value;
  return inTransaction(deps, { ...ctx, actor: null }, async (tx, audit) => {
    const now = deps.clock.now();
    const recent = await countPublicIntakesSince(tx, new Date(now.getTime() - 60 * 60 * 1000));
    if (recent >= PUBLIC_INTAKE_TOTAL_PER_HOUR) {
      throw new DomainFailure(domainError('throttled', 'intake.public_busy', BUSY_MESSAGE[parsed.language]));
    }
    const questionnaire = {
      ...input.questionnaire,
      background: {
        ...input.questionnaire.background,
        language: input.questionnaire.background?.language ?? input.language,
      },
    };
    let columns: Awaited<ReturnType<typeof questionnaireColumns>>;
    try {
      columns = await questionnaireColumns(tx, deps, questionnaire, 'questionnaire');
    } catch (e) {
      if (e instanceof DomainFailure && parsed.language === 'es' && e.error.details) {
        const details = Object.fromEntries(
          Object.entries(e.error.details).map(([k, v]) => [
            k,
            v === 'In the future'
              ? 'En el futuro'
              : v === 'No such facility in the directory'
                ? 'Prisión desconocida'
                : v,
          ]),
        );
        throw new DomainFailure(domainError('invalid', 'request.invalid', 'Algunos campos no son válidos', details));
      }
      throw e;
    }
    const id = deps.newId();
    const reference = await nextIntakeReference(tx, Number(todayOf(deps).slice(0, 4)));
    await insertIntake(tx, {
      ...columns,
      ...submittedByColumns(input.submittedBy),
      id,
      reference,
      channel: 'public_form',
      state: 'new',
      received_on: todayOf(deps),
      created_by: null,
      created_at: now,
      updated_at: now,
      questionnaire,
    } as Parameters<typeof insertIntake>[1]);
    await audit({
      action: 'intake.submitted',
      entityType: 'intake',
      entityId: id,
      details: { intakeId: id, reference, channel: 'public_form', language: input.language },
    });
    return { kind: 'received', reference };
  });
};
