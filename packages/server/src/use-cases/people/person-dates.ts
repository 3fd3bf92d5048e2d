import { type CalendarDate, compareDates } from '@redress/core';
import type { Clock } from '../../deps.js';
import { failWith } from '../policy.js';

/** Today's calendar date, in UTC (the servers run in UTC; a day in the law has no time zone). */
export const todayOf = (deps: { clock: Clock }): CalendarDate => deps.clock.now().toISOString().slice(0, 10);

/** 400 with a field message when `date` is before the date of birth. */
export const refuseBeforeBirth = (
  date: CalendarDate | null | undefined,
  dateOfBirth: CalendarDate | null,
  field: string,
): void => {
  if (date && dateOfBirth && compareDates(date, dateOfBirth) < 0) {
    failWith('invalid', 'request.invalid', 'Some fields are not valid', {
      [field]: `Before the date of birth (${dateOfBirth})`,
    });
  }
};
