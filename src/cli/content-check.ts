import { formatProblem } from '../core/content/check.js';
import { loadContent } from '../infra/content/load.js';

export interface ContentCheckOutput {
  ok: boolean;
  lines: string[];
}

export async function runContentCheck(dir: string): Promise<ContentCheckOutput> {
  const content = await loadContent(dir);
  const lines = content.problems.map(formatProblem);
  for (const f of content.ignored) lines.push(`${f}: ignored (not under roles/ or questions/)`);
  const ok = content.problems.length === 0;
  const summary = `${String(content.roles.length)} role guides, ${String(content.questions.length)} questions`;
  lines.push(ok ? `content OK: ${summary}` : `${String(content.problems.length)} problem(s) in ${dir} (${summary} valid)`);
  return { ok, lines };
}
