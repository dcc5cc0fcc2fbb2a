/**
 * Writes db/query-catalogue.sql: every SQL statement the app issues, generated from src/**\/*.ts (see
 * scripts/lib/query-catalogue.ts). `--check` fails when the committed file is stale (CI). Either way, a `.query`
 * call whose SQL cannot be resolved statically fails with its file and line, unless marked
 * `// query-catalogue: dynamic <reason>` on the line above.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATALOGUE_PATH, createSourceProgram, extractQueries, listSourceFiles, renderCatalogue } from './lib/query-catalogue.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const check = process.argv.includes('--check');

const files = await listSourceFiles(root);
const { entries, problems } = extractQueries(createSourceProgram(files), files, root);
for (const p of problems) console.error(`${p.file}:${String(p.line)}: ${p.message}`);
if (problems.length > 0) {
  console.error(`queries:catalogue: ${String(problems.length)} call(s) need attention`);
  process.exit(1);
}

const text = renderCatalogue(entries);
const path = join(root, CATALOGUE_PATH);
const dynamic = entries.filter((e) => e.sql === null).length;
const counts = `${String(entries.length)} calls, ${String(entries.length - dynamic)} static, ${String(dynamic)} marked dynamic`;
if (check) {
  const current = await readFile(path, 'utf8').catch(() => null);
  if (current !== text) {
    console.error(current === null ? `${CATALOGUE_PATH} is missing` : `${CATALOGUE_PATH} is stale (first difference at line ${String(firstDifference(current, text))})`);
    console.error('  the SQL in src/ changed: run "npm run queries:catalogue" and commit db/query-catalogue.sql');
    process.exit(1);
  }
  console.log(`${CATALOGUE_PATH} is up to date (${counts})`);
} else {
  await writeFile(path, text);
  console.log(`wrote ${CATALOGUE_PATH} (${counts})`);
}

function firstDifference(a: string, b: string): number {
  const x = a.split('\n');
  const y = b.split('\n');
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return i + 1;
}
