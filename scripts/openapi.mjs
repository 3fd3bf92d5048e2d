#!/usr/bin/env node
// Writes docs/openapi.json from the route schemas, or with --check fails if it is out of date.
// Needs the compiled server (tsc -b), which `npm run check` runs first.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const target = fileURLToPath(new URL('../docs/openapi.json', import.meta.url));
const { API_VERSION, apiRoutes, buildOpenApiDocument } = await import('../packages/server/dist/index.js');
const text = `${JSON.stringify(buildOpenApiDocument(apiRoutes, API_VERSION), null, 2)}\n`;

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {}
  if (current !== text) {
    console.error('docs/openapi.json is out of date: run `npm run openapi` and commit the result');
    process.exit(1);
  }
  console.log('docs/openapi.json is up to date');
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
