import { Presets, SingleBar } from 'cli-progress';
import type { CliIo } from './cli-io.js';

export type RowProgress = { update(done: number, total: number, table?: string | null): void; stop(): void };

/** A progress bar on stderr (shown only on a terminal, so pipes and logs stay clean). */
export const rowProgress = (io: CliIo, label: string, unit = 'rows'): RowProgress => {
  const bar = new SingleBar(
    {
      stream: io.stderr,
      format: `${label} [{bar}] {value}/{total} ${unit} {table}`,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  let isStarted = false;
  return {
    update(done, total, table) {
      const payload = { table: table ?? '' };
      if (!isStarted) {
        bar.start(total, done, payload);
        isStarted = true;
      } else {
        bar.setTotal(total);
        bar.update(done, payload);
      }
    },
    stop() {
      if (isStarted) bar.stop();
    },
  };
};
