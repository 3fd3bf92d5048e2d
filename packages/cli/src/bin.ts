#!/usr/bin/env node
import { runCli } from './cli.js';
import { processIo } from './support/cli-io.js';

const code = await runCli(process.argv.slice(2), processIo());
process.exitCode = code;
// Everything the command opened is closed by now; should a library still hold the event loop open,
// do not hang the terminal (the timer itself does not keep the process alive).
setTimeout(() => process.exit(code), 2000).unref();
