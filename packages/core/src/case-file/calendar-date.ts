/**
 * Calendar dates as the law uses them: `YYYY-MM-DD`, no time of day, no time zone. Comparison is by
 * string order, which is calendar order for this format.
 */
export type CalendarDate = string;

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isCalendarDate = (value: string): boolean => {
  const m = PATTERN.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1800 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
};

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export const daysInMonth = (y: number, m: number): number =>
  m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

export const compareDates = (a: CalendarDate, b: CalendarDate): number => (a < b ? -1 : a > b ? 1 : 0);

// Hot in bulk screening (millions of calls): fixed offsets instead of split and map.
export const parts = (d: CalendarDate): [number, number, number] => [
  Number(d.slice(0, 4)),
  Number(d.slice(5, 7)),
  Number(d.slice(8, 10)),
];

const format = (y: number, m: number, d: number): CalendarDate =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * Adds calendar months. A day that does not exist in the target month rolls to the first of the next
 * month (so Feb 29 + 12 months is Mar 1 in a non-leap year, the convention for anniversaries).
 */
export const addMonths = (date: CalendarDate, months: number): CalendarDate => {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  if (d > daysInMonth(ty, tm)) return tm === 12 ? format(ty + 1, 1, 1) : format(ty, tm + 1, 1);
  return format(ty, tm, d);
};

export const addYears = (date: CalendarDate, years: number): CalendarDate => addMonths(date, years * 12);

/** Whole years from `from` to `to` (age on `to` for a birth date `from`). */
export const wholeYearsBetween = (from: CalendarDate, to: CalendarDate): number => {
  const [fy] = parts(from);
  const [ty] = parts(to);
  let years = ty - fy;
  if (compareDates(addYears(from, years), to) > 0) years -= 1;
  return years;
};

/** Adds (or, when negative, subtracts) days; "N days after receipt" is `addDays(receipt, N)`. */
export const addDays = (date: CalendarDate, days: number): CalendarDate => {
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
};
