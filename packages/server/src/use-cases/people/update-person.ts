import { compareDates, type PersonView, type UpdatePersonInput } from '@redress/core';
import { listConvictions, listPlacements, type PersonTable, updatePerson } from '@redress/db';
import type { Updateable } from 'kysely';
import type { RequestContext } from '../../context.js';
import { type AppDeps, inTransaction } from '../../deps.js';
import { failWith } from '../policy.js';
import { loadPersonView } from './get-person.js';
import { loadPersonForWrite } from './person-access.js';
import { todayOf } from './person-dates.js';

const COLUMNS = {
  legalName: 'legal_name',
  dateOfBirth: 'date_of_birth',
  gender: 'gender',
  preferredLanguage: 'preferred_language',
  status: 'status',
  phone: 'phone',
  email: 'email',
  mailingAddress: 'mailing_address',
  notes: 'notes',
} as const satisfies Record<keyof UpdatePersonInput, keyof PersonTable>;

/** Fields whose old and new values the audit entry keeps; for the others it records that they changed. */
const SHOWN_IN_AUDIT = new Set<keyof UpdatePersonInput>([
  'legalName',
  'dateOfBirth',
  'gender',
  'preferredLanguage',
  'status',
]);

/** A birth date must stay before everything dated in the person's record. */
const refuseBirthAfterRecord = async (
  tx: Parameters<typeof listPlacements>[0],
  personId: string,
  dateOfBirth: string,
) => {
  const placements = await listPlacements(tx, personId);
  const convictions = await listConvictions(tx, personId);
  const dated = [
    ...placements.map((p) => ({ date: p.from_date, what: 'a custody placement' })),
    ...convictions.flatMap((c) => [
      ...(c.offense_start ? [{ date: c.offense_start, what: 'an offense' }] : []),
      ...(c.conviction_date ? [{ date: c.conviction_date, what: 'a conviction' }] : []),
    ]),
  ].sort((a, b) => compareDates(a.date, b.date));
  const first = dated[0];
  if (first && compareDates(first.date, dateOfBirth) < 0) {
    failWith('invalid', 'request.invalid', 'Some fields are not valid', {
      dateOfBirth: `After the start of ${first.what} (${first.date})`,
    });
  }
};

export const updatePersonRecord = (
  deps: AppDeps,
  ctx: RequestContext,
  personId: string,
  input: UpdatePersonInput,
): Promise<PersonView> =>
  inTransaction(deps, ctx, async (tx, audit) => {
    const access = await loadPersonForWrite(tx, ctx, personId, { forUpdate: true });
    const before = access.person;
    if (input.dateOfBirth) {
      if (input.dateOfBirth > todayOf(deps)) {
        failWith('invalid', 'request.invalid', 'Some fields are not valid', { dateOfBirth: 'In the future' });
      }
      await refuseBirthAfterRecord(tx, personId, input.dateOfBirth);
    }
    const changes: Updateable<PersonTable> = {};
    const audited: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(COLUMNS) as [keyof UpdatePersonInput, keyof PersonTable][]) {
      const value = input[field];
      if (value === undefined || value === before[column]) continue;
      Object.assign(changes, { [column]: value });
      audited[field] = SHOWN_IN_AUDIT.has(field) ? { from: before[column], to: value } : 'changed';
    }
    if (Object.keys(changes).length === 0) return loadPersonView(tx, access, audit);
    const person = await updatePerson(tx, personId, changes, deps.clock.now());
    await audit({
      action: 'person.updated',
      entityType: 'person',
      entityId: personId,
      details: { personId, changes: audited },
    });
    return loadPersonView(tx, { ...access, person }, audit);
  });
