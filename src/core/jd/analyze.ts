/**
 * Reads a job posting: text in, an explainable analysis out (role family, level, skills with evidence, domain,
 * scale, compliance, responsibilities). Pure and deterministic; input problems come back as typed errors.
 */
import type { Level } from '../content/schema.js';
import { cleanPostingText } from './clean.js';
import { detectLanguage } from './language.js';
import { detectLevel, detectRole, type RoleFamily } from './role-level.js';
import { splitSections, type SectionKind } from './sections.js';
import { detectCompliance, detectDomains, detectScale, responsibilities, type ScaleSignal } from './signals.js';
import { ALIAS_IMPLIES, SKILLS } from './skills-data.js';
import { CONCEPT_PHRASES } from './concept-phrases.js';
import { createSkillMatcher, type DetectedSkill, type SkillMatcher } from './skills.js';

export const MAX_POSTING_BYTES = 1_048_576;

export interface PostingInput {
  text: string;
  title?: string | undefined;
  company?: string | undefined;
}

export interface Analysis {
  title: string | null;
  role: RoleFamily;
  roleEvidence: string[];
  level: Level;
  levelEvidence: string[];
  skills: DetectedSkill[];
  domains: { domain: string; evidence: string[] }[];
  scale: ScaleSignal[];
  compliance: { name: string; evidence: string }[];
  responsibilities: string[];
  sections: { kind: SectionKind; heading: string | null }[];
  /** The cleaned text that every evidence offset refers to. */
  text: string;
}

export type AnalysisError =
  | { code: 'EMPTY'; message: string }
  | { code: 'TOO_LARGE'; message: string }
  | { code: 'BINARY'; message: string }
  | { code: 'NOT_ENGLISH'; message: string }
  | { code: 'TOO_SHORT'; message: string };

export type AnalysisResult = { ok: true; analysis: Analysis } | { ok: false; error: AnalysisError };

let shared: SkillMatcher | undefined;
/** The matcher over the shipped taxonomy, compiled once. */
export function skillMatcher(): SkillMatcher {
  shared ??= createSkillMatcher(SKILLS, { conceptPhrases: CONCEPT_PHRASES, aliasImplies: ALIAS_IMPLIES });
  return shared;
}

export function checkPostingText(text: string, byteLength: number): AnalysisError | null {
  if (byteLength > MAX_POSTING_BYTES) {
    return { code: 'TOO_LARGE', message: `the posting is ${String(Math.round(byteLength / 1024))} KB; the limit is 1 MB` };
  }
  if (hasControlBytes(text.slice(0, 4096)) || text.includes('\ufffd\ufffd\ufffd')) {
    return { code: 'BINARY', message: 'the input looks like binary data, not text: paste the posting or pass a .txt, .md, .html, .pdf or .docx file' };
  }
  if (text.trim() === '') return { code: 'EMPTY', message: 'the posting is empty' };
  return null;
}

/** NUL or other C0 control characters (besides tab, newline, carriage return, form feed) mean binary data. */
function hasControlBytes(sample: string): boolean {
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) return true;
  }
  return false;
}

export function analyzePosting(input: PostingInput, matcher: SkillMatcher = skillMatcher()): AnalysisResult {
  const problem = checkPostingText(input.text, new TextEncoder().encode(input.text).length);
  if (problem) return { ok: false, error: problem };
  const text = cleanPostingText(input.text);
  const words = text.match(/\p{L}+/gu)?.length ?? 0;
  if (words < 8) return { ok: false, error: { code: 'TOO_SHORT', message: `the posting has only ${String(words)} word${words === 1 ? '' : 's'}; paste the whole job description` } };
  const language = detectLanguage(text);
  if (!language.english) {
    return { ok: false, error: { code: 'NOT_ENGLISH', message: `the posting appears to be in ${language.language}; Loopcoach reads English postings only` } };
  }
  const sections = splitSections(text);
  const title = input.title?.trim() || inferTitle(text);
  // "About Salesforce": the posting's own company (or its parent) names itself in a heading.
  const companies = [input.company, ...sections.map((s) => /^about\s+(?!us\b|the\b|you\b|this\b|our\b)(.{2,40})$/i.exec(s.heading ?? '')?.[1])].filter(
    (c): c is string => typeof c === 'string' && c.trim() !== '',
  );
  const skills = matcher.find(text, sections, { companies, title });
  const role = detectRole(title ?? undefined, skills, text);
  const level = detectLevel(title ?? undefined, role.value, text);
  return {
    ok: true,
    analysis: {
      title,
      role: role.value,
      roleEvidence: role.evidence,
      level: level.value,
      levelEvidence: level.evidence,
      skills,
      domains: detectDomains(text, sections),
      scale: detectScale(text, sections),
      compliance: detectCompliance(text, sections),
      responsibilities: responsibilities(text, sections),
      sections: sections.map((s) => ({ kind: s.kind, heading: s.heading })),
      text,
    },
  };
}

const ROLE_NOUN = /\b(engineer|developer|scientist|architect|analyst|manager|sre|intern|programmer|lead|administrator|devops|designer)\b/i;

/** A title from the text when none was given: a "Job title:" line, or a short first line naming a role. */
export function inferTitle(text: string): string | null {
  const labelled = /^(?:job title|title|position|role)\s*:\s*(.{3,100})$/im.exec(text);
  if (labelled?.[1]) return labelled[1].trim();
  const first = text.split('\n').find((l) => l.trim() !== '');
  if (first && first.length <= 100 && ROLE_NOUN.test(first) && !/[.!?]$/.test(first.trim())) return first.replace(/^- /, '').trim();
  return null;
}
