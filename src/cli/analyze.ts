/** `loopcoach analyze`: one posting (--jd FILE|-) or a JSON-lines batch (--batch FILE.jsonl). No database needed. */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { analyzePosting, type Analysis } from '../core/jd/analyze.js';
import { readPostingFile } from '../infra/jd/read-posting.js';
import { AppError } from '../shared/errors.js';

export async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The posting text from a file path or "-" (standard input). */
export async function readJdArgument(jd: string): Promise<string> {
  if (jd === '-') {
    const bytes = await readStdin();
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new AppError('BAD_REQUEST', 'standard input is not valid UTF-8 text');
    }
  }
  return readPostingFile(jd);
}

export function analyzeOrThrow(text: string, title?: string): Analysis {
  const result = analyzePosting({ text, title });
  if (!result.ok) {
    const code = result.error.code === 'TOO_LARGE' ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST';
    throw new AppError(code, result.error.message);
  }
  return result.analysis;
}

/** The analysis as printed by --json: everything but the cleaned text (evidence quotes carry the context). */
export function analysisJson(a: Analysis): Omit<Analysis, 'text'> {
  const { text: _text, ...rest } = a;
  return rest;
}

export function renderAnalysis(a: Analysis): string {
  const out: string[] = [];
  out.push(a.title ?? '(untitled posting)');
  out.push(`Role: ${a.role}  (${a.roleEvidence.join('; ')})`);
  out.push(`Level: ${a.level}  (${a.levelEvidence.join('; ')})`);
  const req = a.skills.filter((s) => s.required);
  const nice = a.skills.filter((s) => !s.required);
  out.push(`Skills required (${String(req.length)}): ${req.map((s) => s.name).join(', ') || '—'}`);
  out.push(`Nice to have (${String(nice.length)}): ${nice.map((s) => s.name).join(', ') || '—'}`);
  if (a.domains.length > 0) out.push(`Domain: ${a.domains.map((d) => `${d.domain} (${d.evidence.join(', ')})`).join('; ')}`);
  if (a.scale.length > 0) out.push(`Scale: ${a.scale.map((s) => s.text).join('; ')}`);
  if (a.compliance.length > 0) out.push(`Compliance: ${a.compliance.map((c) => c.name).join(', ')}`);
  if (a.responsibilities.length > 0) out.push('Main responsibilities:', ...a.responsibilities.map((r) => `  - ${r}`));
  return out.join('\n');
}

export interface BatchLine {
  id: string | null;
  role?: string;
  level?: string;
  title?: string | null;
  skills?: { name: string; id: string; category: string; required: boolean }[];
  error?: string;
}

export function analyzeBatchLine(line: string, lineNo: number): BatchLine {
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch {
    return { id: null, error: `line ${String(lineNo)}: not valid JSON` };
  }
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return { id: null, error: `line ${String(lineNo)}: expected a JSON object` };
  const rec = obj as Record<string, unknown>;
  const id = typeof rec.id === 'string' || typeof rec.id === 'number' ? String(rec.id) : null;
  if (typeof rec.description !== 'string') return { id, error: `line ${String(lineNo)}: "description" must be a string` };
  const title = typeof rec.title === 'string' ? rec.title : undefined;
  const company = typeof rec.company === 'string' ? rec.company : undefined;
  const result = analyzePosting({ text: rec.description, title, company });
  if (!result.ok) return { id, error: result.error.message };
  const a = result.analysis;
  return {
    id,
    role: a.role,
    level: a.level,
    title: a.title,
    skills: a.skills.map((s) => ({ name: s.name, id: s.id, category: s.category, required: s.required })),
  };
}

export async function runBatch(path: string, write: (line: string) => void): Promise<{ lines: number; errors: number }> {
  const input = path === '-' ? process.stdin : createReadStream(path);
  const opened = new Promise<void>((resolve, reject) => {
    if (path === '-') {
      resolve();
      return;
    }
    input.once('error', (err: NodeJS.ErrnoException) => {
      reject(new AppError('BAD_REQUEST', `cannot read ${path}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`));
    });
    input.once('open', () => {
      resolve();
    });
  });
  await opened;
  let lines = 0;
  let errors = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lines++;
    if (line.trim() === '') continue;
    const out = analyzeBatchLine(line, lines);
    if (out.error) errors++;
    write(JSON.stringify(out));
  }
  return { lines, errors };
}
