/**
 * Dates to x positions for the timeline picture. Calendar dates (YYYY-MM-DD) are counted in whole
 * days from the epoch in UTC, so no time zone can shift a mark by a day.
 */
const DAY_MS = 86_400_000;

export const dayNumber = (date: string): number => {
  const [y, m, d] = date.split('-').map(Number);
  return Math.round(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / DAY_MS);
};

export type TimeScale = {
  x: (date: string) => number;
  ticks: { year: number; x: number }[];
  firstYear: number;
  lastYear: number;
};

const STEPS = [1, 2, 5, 10, 20, 50] as const;

/** Whole years around the range, with a tick every 1, 2, 5... years so that at most `maxTicks` show. */
export const timeScale = (range: { from: string; to: string }, left: number, right: number, maxTicks = 12) => {
  const firstYear = Number(range.from.slice(0, 4));
  const lastYear = Number(range.to.slice(0, 4)) + 1;
  const start = dayNumber(`${firstYear}-01-01`);
  const end = dayNumber(`${lastYear}-01-01`);
  const x = (date: string) => left + ((dayNumber(date) - start) / (end - start)) * (right - left);
  const years = lastYear - firstYear;
  const step = STEPS.find((s) => years / s <= maxTicks) ?? 100;
  const ticks: TimeScale['ticks'] = [];
  for (let year = Math.ceil(firstYear / step) * step; year <= lastYear; year += step) {
    ticks.push({ year, x: x(`${year}-01-01`) });
  }
  return { x, ticks, firstYear, lastYear } satisfies TimeScale;
};

/** A rough width of a label in the chart's 12px system font, to keep labels from overlapping. */
export const textWidth = (text: string, fontSize = 12): number => text.length * fontSize * 0.56;

export const truncate = (text: string, maxChars: number): string =>
  text.length <= maxChars ? text : `${text.slice(0, Math.max(1, maxChars - 1)).trimEnd()}…`;

export type LabelSlot = { lane: number; anchor: 'start' | 'end'; x: number };

/**
 * Puts each label in the first lane where it does not run into the label before it; a label that
 * would leave the chart on the right is drawn to the left of its mark instead.
 */
export const assignLanes = (positions: readonly { x: number; width: number }[], right: number): LabelSlot[] => {
  const laneEnds: number[] = [];
  return positions.map(({ x, width }) => {
    const anchor = x + width + 4 > right ? 'end' : 'start';
    const from = anchor === 'start' ? x - 2 : x - width - 2;
    const to = anchor === 'start' ? x + width + 6 : x + 6;
    let lane = laneEnds.findIndex((end) => from > end);
    if (lane < 0) {
      lane = laneEnds.length;
      laneEnds.push(to);
    } else {
      laneEnds[lane] = to;
    }
    return { lane, anchor, x };
  });
};
