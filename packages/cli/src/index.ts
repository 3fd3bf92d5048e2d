export { buildProgram, runCli } from './cli.js';
export { type CliIo, processIo } from './support/cli-io.js';
