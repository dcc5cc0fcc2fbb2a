/** Reads a content tree from disk and hands it to the pure checker. */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { checkContent, type ContentCheckResult } from '../../core/content/check.js';
import type { SourceFile } from '../../core/content/parse.js';
import { AppError } from '../../shared/errors.js';

export interface LoadedContent extends ContentCheckResult {
  dir: string;
  /** sha256 of each file's text, by content path: what the sync compares to skip unchanged items. */
  hashes: Map<string, string>;
}

export async function readContentTree(dir: string): Promise<SourceFile[]> {
  let entries: string[];
  try {
    entries = await readdir(dir, { recursive: true });
  } catch (err) {
    throw new AppError('CONTENT_INVALID', `cannot read the content directory ${dir}: ${(err as Error).message}`);
  }
  const files = entries.filter((e) => e.endsWith('.md') && !e.split(sep).some((part) => part.startsWith('.'))).sort();
  return Promise.all(
    files.map(async (f) => ({
      path: relative(dir, join(dir, f)).split(sep).join('/'),
      text: await readFile(join(dir, f), 'utf8'),
    })),
  );
}

export async function loadContent(dir: string): Promise<LoadedContent> {
  const files = await readContentTree(dir);
  const result = checkContent(files);
  const hashes = new Map(files.map((f) => [f.path, createHash('sha256').update(f.text).digest('hex')]));
  return { ...result, dir, hashes };
}
