/**
 * Answer text → sentences and tokens with offsets, stems and negation scope. Pure and deterministic: the same text
 * always gives the same analysis, so the same answer always gets the same score.
 */
import { stemmer } from 'stemmer';
import { canonicalStem } from './lexicon.js';

export interface Token {
  /** Lowercased surface form. */
  word: string;
  /** Canonical stem: Porter stem, then the synonym group's representative ("evict" → "delet"). */
  stem: string;
  /** The Porter stem alone, before synonyms: mistakes are matched on these, more strictly. */
  root: string;
  start: number;
  end: number;
  /** A function word ("the", "we", "is"): carries no content. */
  stop: boolean;
  /** Inside the scope of a negation ("I would *not trust application code* alone"). */
  negated: boolean;
}

export interface Sentence {
  start: number;
  end: number;
  text: string;
  tokens: Token[];
  /** A line of code, not prose: left out of the prose statistics (reasoning share, keyword-list check). */
  code: boolean;
}

export interface TextAnalysis {
  text: string;
  sentences: Sentence[];
  tokens: Token[];
  /** Content tokens (not stop words). */
  contentCount: number;
}

export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if then so of to in on at by for with from into onto over under as is are was were be been being ' +
    'am do does did doing have has had having i me my mine we us our ours you your yours he him his she her it its they ' +
    'them their this that these those there here what which who whom whose when where why how all any both each few more ' +
    'most other some such only own same than too very can could will would shall should may might must just also about ' +
    'up down out off again further once s t d ll m re ve y let lets get got go going really basically actually kind sort ' +
    'thing things like well yeah okay ok um uh maybe probably pretty quite lot lots bit'
  ).split(' '),
);

/** Words that open a negation scope; it runs to the end of the clause (or at most 6 words). */
const NEGATORS = new Set(['not', 'no', 'never', 'without', 'neither', 'nor', 'cannot', 'avoid', 'instead']);
const CLAUSE_END = new Set(['but', 'because', 'so', 'since', 'although', 'though', 'while', 'whereas', 'which', 'and', 'then']);

const rootCache = new Map<string, string>();
export function rootOf(word: string): string {
  let s = rootCache.get(word);
  if (s === undefined) {
    s = /^\d/.test(word) ? word : stemmer(word);
    rootCache.set(word, s);
  }
  return s;
}
export function stemOf(word: string): string {
  return canonicalStem(rootOf(word));
}

/** Expands contractions so negation is visible: "don't" → "do not", "won't" → "will not", "can't" → "can not". */
function expand(word: string): string[] {
  if (word === "won't" || word === 'wont') return ['will', 'not'];
  if (word === "can't" || word === 'cant') return ['can', 'not'];
  if (word === "shan't") return ['shall', 'not'];
  if (word.endsWith("n't")) return [word.slice(0, -3), 'not'];
  const i = word.indexOf("'");
  if (i > 0) return [word.slice(0, i)];
  return [word];
}

export function analyzeText(raw: string): TextAnalysis {
  const text = raw.replace(/[\u2018\u2019\u02bc]/g, "'");
  const sentences: Sentence[] = [];
  const all: Token[] = [];
  // Sentences end at . ! ? ; followed by a space, or at a line break; inside a fenced code block every line is
  // one "sentence" of code.
  for (const m of segments(text)) {
    const body = m.text;
    if (!/[\p{L}\p{N}]/u.test(body)) continue;
    const start = m.start;
    const tokens: Token[] = [];
    let negLeft = 0;
    for (const w of body.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?(?:[-/][\p{L}\p{N}]+)*/gu)) {
      const surface = w[0].toLowerCase();
      const parts = surface.split(/[-/]/).flatMap(expand);
      for (const part of parts) {
        if (!part) continue;
        if (CLAUSE_END.has(part)) negLeft = 0;
        const isNeg = NEGATORS.has(part);
        const tok: Token = {
          word: part,
          stem: stemOf(part),
          root: rootOf(part),
          start: start + w.index,
          end: start + w.index + w[0].length,
          stop: STOP_WORDS.has(part) || isNeg,
          negated: negLeft > 0 && !isNeg,
        };
        if (!tok.stop && negLeft > 0) negLeft--;
        if (isNeg) negLeft = 6;
        tokens.push(tok);
      }
    }
    if (tokens.length === 0) continue;
    sentences.push({ start, end: start + body.length, text: body, tokens, code: m.fenced || isCode(body) });
    all.push(...tokens);
  }
  return { text, sentences, tokens: all, contentCount: all.filter((t) => !t.stop).length };
}

/** Splits text into sentences (prose) and lines (fenced code), with offsets. */
function segments(text: string): { start: number; text: string; fenced: boolean }[] {
  const out: { start: number; text: string; fenced: boolean }[] = [];
  let offset = 0;
  let fenced = false;
  for (const line of text.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (fenced) {
      out.push({ start: lineStart, text: line, fenced: true });
      continue;
    }
    let from = 0;
    for (const m of line.matchAll(/[.!?;]+(?=\s|$)/g)) {
      const end = m.index + m[0].length;
      out.push({ start: lineStart + from, text: line.slice(from, end), fenced: false });
      from = end;
    }
    if (from < line.length) out.push({ start: lineStart + from, text: line.slice(from), fenced: false });
  }
  return out;
}

const CODE_START = /^\s*(?:const|let|var|def|class|function|return|if|elif|else|for|while|public|private|protected|func|fn|import|from|package|struct|interface|type|select|insert|update|delete|create|alter|begin|commit|end|try|catch|except|raise|throw|new)\b/i;

/** A line that reads as code: brackets and arrows, a statement keyword with code punctuation, or dense symbols. */
function isCode(line: string): boolean {
  const t = line.trim();
  if (t.length === 0) return false;
  if (/=>|::|\)\s*\{|^[})\]]|[{}]\s*;?$|\w\.\w+\(/.test(t)) return true;
  if (CODE_START.test(t) && /[(){}=;]/.test(t)) return true;
  const symbols = (t.match(/[{}()[\];=<>*+|&]/g) ?? []).length;
  return symbols >= 4 && symbols / t.length > 0.1;
}

/**
 * The content stems of a short phrase (a rubric signal), each with its polarity: in "trust the client not to
 * retry", `retri` is negated and `trust` is not, so "I would not trust the client" does not match it.
 */
export function phraseStems(phrase: string, roots = false): { stems: string[]; negated: boolean[]; negative: boolean } {
  const a = analyzeText(phrase);
  const stems: string[] = [];
  const negated: boolean[] = [];
  for (const t of a.tokens) {
    const key = roots ? t.root : t.stem;
    if (t.stop || stems.includes(key)) continue;
    stems.push(key);
    negated.push(t.negated);
  }
  return { stems, negated, negative: negated.some(Boolean) };
}
