import {
  type AcceptedIntakeView,
  type AcceptIntakeInput,
  AddPlacementInput,
  CreateConvictionInput,
  CreatePersonInput,
  countConflictKinds,
  DomainFailure,
  type IntakeChannel,
  type IntakeQuestionnaire,
  transitionIntake,
} from '@redress/core';
import { insertConflictCheck, moveIntakeDocumentsToPerson, updateIntake } from '@redress/db';
import type { z } from 'zod';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { zodDetails } from '../../http/errors.js';
import { openMatter } from '../matters/open-matter.js';
import { createConviction } from '../people/convictions.js';
import { createPerson } from '../people/create-person.js';
import { addPlacement } from '../people/custody-placements.js';
import { failWith } from '../policy.js';
import { loadIntake, requireTriage } from './intake-access.js';
import { conflictNamesOf, findIntakeConflicts, questionnaireOf } from './intake-view.js';
import { reloadIntake } from './intake-writes.js';
import { joinTransaction } from './join-transaction.js';

const IDENTIFIER_SYSTEM = { cdcr: 'cdcr', bop: 'bop', county: 'county_booking', other: 'other' } as const;
const LANGUAGE_NAME = { en: 'English', es: 'Spanish', other: null } as const;
const LEARNED_FROM: Record<IntakeChannel, AddPlacementInput['learnedFrom']> = {
  mailed_letter: 'letter',
  public_form: 'family',
  referral: 'other',
  phone_call: 'phone',
};

/** Parses what the accept builds from the questionnaire; a field that fails is named where it was typed. */
const parseFrom = <S extends z.ZodType>(schema: S, value: unknown, where: (path: string) => string): z.output<S> => {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const details: Record<string, string> = {};
  for (const [path, message] of Object.entries(zodDetails(parsed.error))) details[where(path)] ??= message;
  return failWith('invalid', 'intake.incomplete', 'The questionnaire does not give what the record needs', details);
};

const personPath = (path: string): string => {
  if (path === 'legalName') return 'questionnaire.background.name';
  if (path === 'dateOfBirth') return 'questionnaire.background.dateOfBirth';
  if (path.startsWith('identifiers')) return 'questionnaire.background.prisonerNumber';
  const alias = path.match(/^aliases\.(\d+)/);
  if (alias) return `questionnaire.background.aliases.${alias[1]}`;
  return `questionnaire.background.${path}`;
};

const convictionPath = (path: string): string => {
  const count = path.match(/^counts\.(\d+)/);
  if (count) return `questionnaire.conviction.statutes.${count[1]}`;
  const party = path.match(/^parties\.(\d+)/);
  if (party) return `questionnaire.conviction.coDefendants.${party[1]}`;
  if (path === 'defenseCounsel') return 'questionnaire.trial.defenceCounsel';
  return `questionnaire.conviction.${path}`;
};

const hasConviction = (q: IntakeQuestionnaire): boolean => {
  const c = q.conviction;
  return (
    !!c &&
    [c.offence, c.county, c.court, c.caseNumber, c.convictionDate, ...(c.statutes ?? [])].some((v) => !!v?.trim())
  );
};

const convictionInput = (q: IntakeQuestionnaire) => {
  const c = q.conviction ?? {};
  const statutes = (c.statutes ?? []).filter((s) => s.trim());
  const jurisdiction = q.background?.jurisdiction;
  return {
    caseNumber: c.caseNumber?.trim() || null,
    court: c.court?.trim() || null,
    county: c.county?.trim() || null,
    jurisdiction: jurisdiction === 'CA' || jurisdiction === 'US' ? jurisdiction : jurisdiction ? 'other' : 'CA',
    convictionDate: c.convictionDate ?? null,
    disposition: q.trial?.trialOrPlea === 'plea' ? 'plea' : null,
    defenseCounsel: q.trial?.defenceCounsel?.trim() || null,
    counts: statutes.map((statute, index) => ({
      statute,
      description: index === 0 && c.offence?.trim() ? c.offence.trim().slice(0, 500) : null,
    })),
    parties: (c.coDefendants ?? []).filter((n) => n.trim()).map((name) => ({ role: 'co_defendant', name })),
  };
};

/**
 * Accepts an intake: the person (name, date of birth, other names, the prisoner number as an
 * identifier, the facility as a custody placement, the conviction with its statutes, co-defendants and
 * defence counsel) and a matter are created from the questionnaire, without retyping, through the same
 * use cases as by hand, all in one transaction with the decision. The intake's documents move to the
 * person. Any match of the conflict check (applicant, other names, co-defendants) must be acknowledged
 * (`acknowledgeConflicts`), or the answer is 409 `intake.conflicts_unacknowledged` and nothing is made.
 */
export const acceptIntake = (
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: AcceptIntakeInput,
): Promise<AcceptedIntakeView> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const principal = requireTriage(ctx);
    const intake = await loadIntake(tx, id, { forUpdate: true });
    const moved = transitionIntake(
      { state: intake.state, decision: intake.decision },
      { kind: 'decide', decision: 'accepted', reason: input.reason },
    );
    if (!moved.ok) return failWith(moved.error.category, moved.error.code, moved.error.message, moved.error.details);
    const q = questionnaireOf(intake);
    const background = q.background ?? {};
    const overrides = input.personOverrides ?? {};

    const prisonerNumber = background.prisonerNumber?.trim();
    const personInput = parseFrom(
      CreatePersonInput,
      {
        legalName: overrides.legalName ?? background.name ?? '',
        aliases: (background.aliases ?? []).filter((a) => a.trim()).map((name) => ({ name, kind: 'alias' })),
        identifiers: prisonerNumber
          ? [{ system: IDENTIFIER_SYSTEM[background.numberSystem ?? 'other'], value: prisonerNumber }]
          : [],
        dateOfBirth: overrides.dateOfBirth !== undefined ? overrides.dateOfBirth : (background.dateOfBirth ?? null),
        preferredLanguage: LANGUAGE_NAME[background.language ?? intake.language],
        status: overrides.status ?? 'in_custody',
      },
      (path) =>
        path === 'legalName' && overrides.legalName !== undefined
          ? 'personOverrides.legalName'
          : path === 'dateOfBirth' && overrides.dateOfBirth !== undefined
            ? 'personOverrides.dateOfBirth'
            : personPath(path),
    );

    const conflictNames = [...new Set([personInput.legalName, ...conflictNamesOf(q)])];
    const matches = await findIntakeConflicts(tx, conflictNames, personInput.dateOfBirth ?? null);
    if (matches.length > 0 && !input.acknowledgeConflicts) {
      return failWith(
        'conflict',
        'intake.conflicts_unacknowledged',
        `The conflict check found ${matches.length} possible ${matches.length === 1 ? 'conflict' : 'conflicts'}: review them and acknowledge to accept`,
        { acknowledgeConflicts: 'Review the possible conflicts, then acknowledge them' },
      );
    }
    const conflictCheckId = deps.newId();
    const now = deps.clock.now();
    await insertConflictCheck(tx, {
      id: conflictCheckId,
      subjectKind: 'person',
      subjectName: personInput.legalName,
      matches,
      checkedBy: principal.userId,
      now,
    });

    const joined = joinTransaction(deps, tx);
    let created: Awaited<ReturnType<typeof createPerson>>;
    try {
      created = await createPerson(joined, ctx, personInput);
    } catch (e) {
      if (e instanceof DomainFailure && e.error.code === 'person.identifier_taken') {
        const message = Object.values(e.error.details ?? {})[0] ?? 'Already recorded for another person';
        return failWith('conflict', 'person.identifier_taken', e.error.message, {
          'questionnaire.background.prisonerNumber': message,
        });
      }
      throw e;
    }
    const personId = created.person.id;

    if (background.facilityId || background.facilityName?.trim()) {
      const placement = parseFrom(
        AddPlacementInput,
        {
          ...(background.facilityId ? { facilityId: background.facilityId } : {}),
          ...(background.facilityName?.trim() ? { facilityName: background.facilityName.trim() } : {}),
          fromDate: intake.received_on,
          learnedFrom: LEARNED_FROM[intake.channel],
        },
        (path) => `questionnaire.background.${path === 'fromDate' ? 'facilityName' : path}`,
      );
      await addPlacement(joined, ctx, personId, placement);
    }
    let convictionId: string | null = null;
    if (hasConviction(q)) {
      const conviction = parseFrom(CreateConvictionInput, convictionInput(q), convictionPath);
      convictionId = (await createConviction(joined, ctx, personId, conviction)).id;
    }
    const matter = await openMatter(joined, ctx, {
      personId,
      type: input.matterType,
      ...(input.matterTitle ? { title: input.matterTitle } : {}),
    });
    const movedDocuments = await moveIntakeDocumentsToPerson(tx, id, personId);

    await updateIntake(
      tx,
      id,
      {
        state: moved.value.state,
        decision: moved.value.decision,
        decision_reason: moved.value.decisionReason,
        referral_organisation: null,
        person_id: personId,
        matter_id: matter.id,
        decided_at: now,
        decided_by: principal.userId,
      },
      now,
    );
    await audit({
      action: 'intake.accepted',
      entityType: 'intake',
      entityId: id,
      details: {
        intakeId: id,
        personId,
        matterId: matter.id,
        matterType: input.matterType,
        convictionId,
        documents: movedDocuments.map((d) => d.id),
        conflictCheckId,
        conflicts: matches.length,
        conflictKinds: countConflictKinds(matches),
        isConflictAcknowledged: matches.length > 0,
        previousDecision: intake.decision,
        reason: moved.value.decisionReason,
        overrides: Object.keys(overrides),
      },
    });
    return {
      intake: await reloadIntake(tx, deps, ctx, id),
      person: { id: personId, legalName: created.person.legalName },
      matter: { id: matter.id, title: matter.title, type: matter.type },
    };
  });
