import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { dropTemplate, prepareTemplate, testEngine } from '../src/testing.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dbTemplate: { engine: 'pglite' | 'postgres'; location: string };
  }
}

/** One migrated template database per test run; each test file clones it. */
export default async function setup(project: TestProject) {
  const ref = await prepareTemplate(testEngine(), join(tmpdir(), `redress-template-${process.pid}.tar`));
  project.provide('dbTemplate', ref);
  return () => dropTemplate(ref);
}
