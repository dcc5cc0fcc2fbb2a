/** Writes content/schema/*.schema.json from the zod content model. `--check` fails if the committed files are stale. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contentJsonSchemas } from '../src/core/content/json-schema.js';
import { defaultContentDir } from '../src/infra/paths.js';

const dir = join(defaultContentDir(), 'schema');
const check = process.argv.includes('--check');
let stale = 0;
for (const [name, text] of Object.entries(contentJsonSchemas())) {
  const path = join(dir, name);
  if (check) {
    const current = await readFile(path, 'utf8').catch(() => '');
    if (current !== text) {
      console.error(`${path} is stale: run "npm run content:schema"`);
      stale++;
    }
  } else {
    await writeFile(path, text);
    console.log(`wrote ${path}`);
  }
}
process.exitCode = stale > 0 ? 1 : 0;
