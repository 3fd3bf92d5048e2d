import { type DomainError, domainError, ok, type Result } from '../errors.js';

/**
 * An intake's life: new (nobody has looked yet) → in_review (someone is reading it, filling the
 * questionnaire) → decided, with a decision (accepted, declined, waitlisted, referred) and a reason.
 * A decided intake can be reopened to in_review, except an accepted one (its person and matter exist;
 * the work continues there). A waitlisted intake may be decided again without reopening: the waitlist
 * is a decision to decide later.
 */
export const INTAKE_STATES = ['new', 'in_review', 'decided'] as const;
export type IntakeState = (typeof INTAKE_STATES)[number];

export const INTAKE_DECISIONS = ['accepted', 'declined', 'waitlisted', 'referred'] as const;
export type IntakeDecision = (typeof INTAKE_DECISIONS)[number];
/** Decisions made with POST /intakes/{id}/decision; accepting goes through /accept (it opens a matter). */
export const NON_ACCEPT_DECISIONS = ['declined', 'waitlisted', 'referred'] as const;

export const INTAKE_STATE_LABELS: Record<IntakeState, string> = {
  new: 'New',
  in_review: 'In review',
  decided: 'Decided',
};
export const INTAKE_DECISION_LABELS: Record<IntakeDecision, string> = {
  accepted: 'Accepted',
  declined: 'Declined',
  waitlisted: 'Waitlisted',
  referred: 'Referred',
};

export type IntakeStatus = { state: IntakeState; decision: IntakeDecision | null };

export type IntakeEvent =
  /** Editing the questionnaire or fields, assigning, uploading: starts the review of a new intake. */
  | { kind: 'review' }
  /** Back to in_review from a decision. */
  | { kind: 'reopen' }
  | {
      kind: 'decide';
      decision: IntakeDecision;
      reason?: string | null | undefined;
      referralOrganisation?: string | null | undefined;
    };

export type IntakeTransition = {
  state: IntakeState;
  decision: IntakeDecision | null;
  decisionReason: string | null;
  referralOrganisation: string | null;
  /** The event changed nothing (review of an intake already in review). */
  isUnchanged: boolean;
};

const decidedError = (status: IntakeStatus): DomainError =>
  domainError(
    'conflict',
    'intake.decided',
    status.decision === 'accepted'
      ? 'This intake was accepted; its person and matter carry the work on'
      : 'This intake is decided; reopen it first',
  );

const present = (s: string | null | undefined): string | null => (s?.trim() ? s.trim() : null);

/** Field messages for a decision without the reason (decline, refer) or the organisation (refer) it needs. */
export const decisionReasonIssues = (v: {
  decision: IntakeDecision;
  reason?: string | null | undefined;
  referralOrganisation?: string | null | undefined;
}): Record<string, string> => {
  const issues: Record<string, string> = {};
  if (v.decision === 'declined' && !present(v.reason)) issues.reason = 'Say why the intake is declined';
  if (v.decision === 'referred' && !present(v.reason)) issues.reason = 'Say why it is referred';
  if (v.decision === 'referred' && !present(v.referralOrganisation)) {
    issues.referralOrganisation = 'Name the organisation it is referred to';
  }
  return issues;
};

/** Whether a decision may be recorded now. */
export const canDecideIntake = (status: IntakeStatus): boolean =>
  status.state !== 'decided' || status.decision === 'waitlisted';

/** Whether the intake's questionnaire and fields may be changed now (a decided intake is reopened first). */
export const canEditIntake = (status: IntakeStatus): boolean => status.state !== 'decided';

/**
 * The pure transition rules. Reopening clears the decision (the audit log keeps it). Reasons are required to decline or refer; refer also names the organisation. */
export const transitionIntake = (status: IntakeStatus, event: IntakeEvent): Result<IntakeTransition> => {
  switch (event.kind) {
    case 'review': {
      if (status.state === 'decided') return { ok: false, error: decidedError(status) };
      return ok({
        state: 'in_review',
        decision: null,
        decisionReason: null,
        referralOrganisation: null,
        isUnchanged: status.state === 'in_review',
      });
    }
    case 'reopen': {
      if (status.state !== 'decided') {
        return ok({
          state: 'in_review',
          decision: null,
          decisionReason: null,
          referralOrganisation: null,
          isUnchanged: status.state === 'in_review',
        });
      }
      if (status.decision === 'accepted') return { ok: false, error: decidedError(status) };
      return ok({
        state: 'in_review',
        decision: null,
        decisionReason: null,
        referralOrganisation: null,
        isUnchanged: false,
      });
    }
    case 'decide': {
      if (!canDecideIntake(status)) return { ok: false, error: decidedError(status) };
      const details = decisionReasonIssues(event);
      if (Object.keys(details).length > 0) {
        return {
          ok: false,
          error: domainError('invalid', 'intake.reason_required', 'A reason is required for this decision', details),
        };
      }
      const reason = present(event.reason);
      const organisation = present(event.referralOrganisation);
      return ok({
        state: 'decided',
        decision: event.decision,
        decisionReason: reason,
        referralOrganisation: event.decision === 'referred' ? organisation : null,
        isUnchanged: false,
      });
    }
  }
};
