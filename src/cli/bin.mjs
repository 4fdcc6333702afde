#!/usr/bin/env node
// The `cors-devtools` command (package.json "bin"). The CLI is TypeScript in src/, shared with the
// extension; tsx runs it as it is, so there is no build step between a checkout and the command.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('./run-cli.ts');
process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
