import { addMonths, compareDates } from '@redress/core';

/** Today's local calendar date, YYYY-MM-DD: the default as-of date of a screening. */
export const todayIso = (): string => {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

/** Whether `date` falls in the 12 months after `asOf` (inclusive). */
export const isWithinTwelveMonths = (date: string, asOf: string): boolean =>
  compareDates(date, asOf) >= 0 && compareDates(date, addMonths(asOf, 12)) <= 0;
