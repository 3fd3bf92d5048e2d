import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { OcrLanguage } from '@redress/core';
import { createWorker, type Worker } from 'tesseract.js';

/**
 * OCR with tesseract.js, entirely offline: the language data come from the npm packages
 * @tesseract.js-data/eng and /spa (installed with the server), never from the network, and nothing is
 * written into node_modules or anywhere else (cacheMethod 'none'). One worker per language, created
 * on first use and kept (start-up costs about half a second), each reading one image at a time.
 */
export type OcrResult = { text: string; confidence: number };

export type OcrEngine = {
  recognise(bytes: Uint8Array, language: OcrLanguage): Promise<OcrResult>;
  /** Starts the language's worker now rather than on the first image (start-up, benchmarks). */
  prepare(language: OcrLanguage): Promise<void>;
  /** Stops every worker; a later recognise starts a new one. */
  terminate(): Promise<void>;
};

export type OcrEngineOptions = {
  /** How long one image may take before its worker is stopped and the read fails. */
  timeoutMs?: number;
  /** Where tesseract.js may keep a cache (it keeps nothing with cacheMethod 'none'). */
  cachePath?: string;
};

const require = createRequire(import.meta.url);

const DATA_PACKAGES: Record<OcrLanguage, string> = {
  eng: '@tesseract.js-data/eng',
  spa: '@tesseract.js-data/spa',
};

/**
 * The directory of a language's trained data, inside its installed package. The integer "best"
 * LSTM model is preferred (what tesseract.js would fetch for the LSTM engine, and faster); the package's
 * default directory otherwise.
 */
export const languageDataPath = (language: OcrLanguage): string => {
  const pkg = require(DATA_PACKAGES[language]) as { langPath?: unknown; code?: unknown };
  if (typeof pkg.langPath !== 'string' || pkg.code !== language) {
    throw new Error(`${DATA_PACKAGES[language]} does not name its language data`);
  }
  const bestInt = join(dirname(pkg.langPath), '4.0.0_best_int');
  const chosen = existsSync(join(bestInt, `${language}.traineddata.gz`)) ? bestInt : pkg.langPath;
  if (!existsSync(join(chosen, `${language}.traineddata.gz`))) {
    throw new Error(`The ${language} OCR data are missing from ${chosen}: reinstall ${DATA_PACKAGES[language]}`);
  }
  return chosen;
};

/** The LSTM engine (tesseract's OEM 1): the one the integer models hold. */
const LSTM_ONLY = 1;

type Slot = { worker: Promise<Worker>; tail: Promise<unknown> };

export const createOcrEngine = (options: OcrEngineOptions = {}): OcrEngine => {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const cachePath = options.cachePath ?? join(tmpdir(), 'redress-ocr');
  const slots = new Map<OcrLanguage, Slot>();

  const start = (language: OcrLanguage): Promise<Worker> =>
    createWorker(language, LSTM_ONLY, {
      langPath: languageDataPath(language),
      gzip: true,
      cachePath,
      cacheMethod: 'none',
      // Errors of a recognise call reject its promise; this only keeps the worker's own from crashing us.
      errorHandler: () => undefined,
    });

  const slotOf = (language: OcrLanguage): Slot => {
    let slot = slots.get(language);
    if (!slot) {
      const worker = start(language);
      // A worker that failed to start is forgotten, so the next call tries again.
      worker.catch(() => {
        if (slots.get(language) === slot) slots.delete(language);
      });
      slot = { worker, tail: Promise.resolve() };
      slots.set(language, slot);
    }
    return slot;
  };

  const stop = async (language: OcrLanguage, slot: Slot) => {
    if (slots.get(language) === slot) slots.delete(language);
    await (await slot.worker.catch(() => null))?.terminate().catch(() => undefined);
  };

  const read = async (language: OcrLanguage, slot: Slot, bytes: Uint8Array): Promise<OcrResult> => {
    const worker = await slot.worker;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`OCR took longer than ${timeoutMs / 1000} s`)), timeoutMs);
    });
    try {
      const { data } = await Promise.race([worker.recognize(Buffer.from(bytes)), timeout]);
      return { text: data.text, confidence: data.confidence };
    } catch (e) {
      // A worker that timed out or broke is not trusted with the next image.
      await stop(language, slot);
      throw e;
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    recognise(bytes, language) {
      const slot = slotOf(language);
      // One image at a time per worker: each call waits for the one before it, whatever its outcome.
      const run = slot.tail.then(() => read(language, slot, bytes));
      slot.tail = run.catch(() => undefined);
      return run;
    },
    async prepare(language) {
      await slotOf(language).worker;
    },
    async terminate() {
      await Promise.all([...slots.entries()].map(([language, slot]) => stop(language, slot)));
    },
  };
};
