import { parentPort, workerData } from 'node:worker_threads';
import {
  type CsvColumns,
  csvColumnsFor,
  eligibleSoonUntil,
  parseRosterFrame,
  rosterOutputWriter,
  screenRosterSubject,
  summaryCodesOf,
} from '@redress/core';
import type { ScreenBatch, ScreenBatchResult, ScreenWorkerData, ScreenWorkerItem } from './screen-parallel.js';

// A worker thread of `redress screen`: parses, validates and screens batches of framed records and
// returns each person's output text and summary codes. The main thread keeps the order, the duplicate
// ids, the writing and the summary.
const data = workerData as ScreenWorkerData;
const writer = rosterOutputWriter(data.outFormat);
const until = eligibleSoonUntil(data.options.asOf);
let columns: CsvColumns | null = null;

const encoder = new TextEncoder();
let buffer = new Uint8Array(1 << 20);

/** Appends `text` as UTF-8 at `offset` (growing the buffer as needed); returns the new offset. */
const append = (text: string, offset: number): number => {
  const needed = offset + text.length * 3;
  if (needed > buffer.length) {
    const bigger = new Uint8Array(Math.max(needed, buffer.length * 2));
    bigger.set(buffer.subarray(0, offset));
    buffer = bigger;
  }
  return offset + encoder.encodeInto(text, buffer.subarray(offset)).written;
};

parentPort?.on('message', (batch: ScreenBatch) => {
  if (batch.header && columns === null) columns = csvColumnsFor(batch.header);
  const items: ScreenWorkerItem[] = [];
  let offset = 0;
  for (const frame of batch.frames) {
    const parsed = parseRosterFrame(frame, columns);
    if (!parsed.ok) {
      items.push({ id: parsed.id, line: parsed.line, errors: parsed.errors });
    } else if (data.isParseOnly) {
      items.push({ id: parsed.id, line: parsed.line, end: offset, codes: null });
    } else {
      const screened = screenRosterSubject(parsed.subject, parsed.line, parsed.warnings, data.options);
      if (!screened.ok) {
        items.push({ id: parsed.id, line: parsed.line, errors: [screened.error] });
        continue;
      }
      const outcome = screened.outcome;
      offset = append(writer.write(outcome), offset);
      items.push({ id: parsed.id, line: parsed.line, end: offset, codes: summaryCodesOf(outcome, until) });
    }
  }
  // The output bytes move to the main thread without a copy.
  const bytes = buffer.slice(0, offset);
  const result: ScreenBatchResult = { seq: batch.seq, items, bytes };
  parentPort?.postMessage(result, [bytes.buffer]);
});
