#!/usr/bin/env node
// The published entry point: runs the compiled CLI (npm install builds it through the "prepare" script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(compiled))) {
  process.stderr.write('loopcoach: not built yet; run "npm run build" in the package directory\n');
  process.exit(1);
}
await import(compiled.href);
