/**
 * Scores an answer against a question's framework, deterministically and explainably:
 *
 * - rubric coverage: each key point is shown by one of its signals (or a paraphrase of the point), matched on
 *   stems and synonyms within a sentence or two, with negation understood and reasoning required for full credit;
 * - common mistakes, matched the same way (a negated mistake — "I would not trust application code alone" — is the
 *   opposite of the mistake);
 * - the dimensions interviewers grade on for the stage (./dimensions.ts);
 * - guards: a non-answer, an answer to another question, and a list of buzzwords are capped.
 *
 * The score, the per-dimension breakdown, a verdict calibrated to the level and the follow-up aimed at the biggest
 * gap all come with the answer's own words as evidence. Nothing here reads a clock, a file or a random source.
 */
import type { Level, Question } from '../content/schema.js';
import { type DimensionResult, REASONING, scoreDimensions, sentenceWeight, stageKind, type StageKind } from './dimensions.js';
import { analyzeText, phraseStems, type Sentence, type TextAnalysis } from './text.js';

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface RubricHit {
  id: string;
  point: string;
  weight: number;
  /** 1 = shown with reasoning; 0.5 = named without reasoning, or only partly shown. */
  credit: number;
  quote: Span;
  /** Which signal (or "paraphrase of the point") matched. */
  matched: string;
}

export interface RubricMiss {
  id: string;
  point: string;
  weight: number;
  /** What to add: the approach step that covers it. */
  advice: string;
  /** The point was stated but negated ("we don't need to ..."). */
  negated?: Span;
}

export interface MistakeHit {
  id: string;
  mistake: string;
  why: string;
  quote: Span;
}

export interface ScoreResult {
  questionId: string;
  level: Level;
  stageKind: StageKind;
  score: number;
  verdict: string;
  /** Score parts, 0..100 each. */
  breakdown: { rubric: number; dimensions: number; mistakesPenalty: number };
  dimensions: (Omit<DimensionResult, 'value'> & { score: number })[];
  hits: RubricHit[];
  misses: RubricMiss[];
  mistakes: MistakeHit[];
  flags: { nonAnswer: boolean; offTopic: boolean; keywordList: boolean };
  /** Why a cap applied, when one did. */
  capped: string | null;
  followUp: { question: string; probes: string; aimedAt: string };
  stats: { words: number; sentences: number; relevance: number; topical: number };
}

interface CompiledSignal {
  text: string;
  stems: string[];
  /** Per stem: whether the phrase negates it. */
  negated: boolean[];
  /** A phrase whose words collapse to one stem ("end to end") must appear as written. */
  literal?: RegExp;
  negative: boolean;
}

interface CompiledQuestion {
  q: Question;
  points: { id: string; point: string; weight: number; signals: CompiledSignal[]; paraphrase: CompiledSignal }[];
  mistakes: { id: string; mistake: string; why: string; signals: CompiledSignal[] }[];
  vocabulary: ReadonlySet<string>;
  /** The question's own distinctive words (title, prompt, rubric): few other questions use them. */
  topic: ReadonlyMap<string, number>;
  /** The title's topic words ("risky migration", "technical disagreement"): what a story must be about. */
  titleWords: ReadonlySet<string>;
  followUps: { question: string; probes: string; stems: ReadonlySet<string> }[];
  approach: { step: string; detail: string; stems: ReadonlySet<string> }[];
}

const LEVEL_BAR: Record<Level, number> = { intern: 50, entry: 55, mid: 62, senior: 70, staff: 78, principal: 82, manager: 70 };

export interface Scorer {
  score(question: Question, answer: string, level?: Level): ScoreResult;
  /** Inverse document frequency of a stem across the bank (tests and tools). */
  idf(stem: string): number;
}

export function createScorer(bank: readonly Question[]): Scorer {
  // Document frequency over the bank: each question's full text is one document.
  const df = new Map<string, number>();
  const docs = new Map<string, ReadonlySet<string>>();
  for (const q of bank) {
    const stems = new Set(analyzeText(questionText(q)).tokens.filter((t) => !t.stop).map((t) => t.stem));
    docs.set(q.id, stems);
    for (const s of stems) df.set(s, (df.get(s) ?? 0) + 1);
  }
  const n = Math.max(1, bank.length);
  // How many prompts use a word: "tell me about a time" is in every behavioral prompt, "disagreed" in one.
  const promptDf = new Map<string, number>();
  for (const q of bank) for (const s of stemSet(`${q.title}\n${q.prompt}`)) promptDf.set(s, (promptDf.get(s) ?? 0) + 1);
  const promptIdf = (stem: string): number => Math.log((n + 1) / ((promptDf.get(stem) ?? 0) + 1));
  const idf = (stem: string): number => Math.log((n + 1) / ((df.get(stem) ?? 0) + 1)) + 1;
  // Keyed by the question object: the shipped bank's live as long as the scorer; an organization's are reloaded with
  // its bank and collected with it, and two organizations' questions with the same id never meet.
  const compiled = new WeakMap<Question, CompiledQuestion>();

  const compile = (q: Question): CompiledQuestion => {
    const cached = compiled.get(q);
    if (cached) return cached;
    const sig = (text: string): CompiledSignal => ({ text, ...phraseStems(text), ...literalOf(text) });
    const c: CompiledQuestion = {
      q,
      points: q.rubric.map((r) => ({ id: r.id, point: r.point, weight: r.weight, signals: r.signals.map(sig), paraphrase: keyStems(r.point, idf) })),
      mistakes: q.mistakes.map((m) => ({ id: m.id, mistake: m.mistake, why: m.why, signals: m.signals.map((text) => ({ text, ...phraseStems(text, true) })) })),
      vocabulary: docs.get(q.id) ?? new Set(analyzeText(questionText(q)).tokens.filter((t) => !t.stop).map((t) => t.stem)),
      titleWords: new Set([...stemSet(q.title)].filter((st) => st.length > 2 && !GENERIC.has(st) && !STORY_WORDS.has(st))),
      topic: new Map([...stemSet(`${q.title}\n${q.prompt}`)].filter((st) => st.length > 2 && !GENERIC.has(st)).map((st) => [st, promptIdf(st) ** 2])),
      followUps: q.followUps.map((f) => ({ question: f.question, probes: f.probes, stems: stemSet(`${f.question} ${f.probes} ${f.strongAnswer}`) })),
      approach: q.approach.map((a) => ({ step: a.step, detail: a.detail, stems: stemSet(`${a.step} ${a.detail}`) })),
    };
    compiled.set(q, c);
    return c;
  };

  return {
    idf,
    score(question, answer, level) {
      return scoreAnswer(compile(question), answer, level ?? defaultLevel(question), idf);
    },
  };
}

function defaultLevel(q: Question): Level {
  return q.levels.includes('senior') ? 'senior' : (q.levels[0] ?? 'senior');
}

function questionText(q: Question): string {
  return [
    q.title,
    q.prompt,
    q.whyAsked,
    ...q.approach.flatMap((a) => [a.step, a.detail]),
    ...q.rubric.flatMap((r) => [r.point, ...r.signals]),
    ...q.mistakes.flatMap((m) => [m.mistake, m.recognise, ...m.signals]),
    ...q.followUps.flatMap((f) => [f.question, f.probes, f.strongAnswer]),
    ...q.hints,
    q.modelAnswer,
  ].join('\n');
}

function stemSet(text: string): ReadonlySet<string> {
  return new Set(analyzeText(text).tokens.filter((t) => !t.stop).map((t) => t.stem));
}

/** The most specific words of a rubric point: a paraphrase that uses most of them shows the point. */
function keyStems(point: string, idf: (s: string) => number): CompiledSignal {
  const stems = [...stemSet(point)].filter((s) => s.length > 2 && !GENERIC.has(s));
  stems.sort((a, b) => idf(b) - idf(a) || a.localeCompare(b));
  const top = stems.slice(0, 8);
  return { text: 'a paraphrase of the point', stems: top, negated: top.map(() => false), negative: false };
}

/** Words every story uses ("I owned", "a time", "the team"): not what a particular story is about. */
const STORY_WORDS = new Set(['own', 'time', 'tell', 'stori', 'team', 'work', 'handl', 'project', 'situat', 'experi', 'result', 'learn', 'manag', 'technic', 'tech']);

/** Stems too common in answers to show anything by themselves. */
const GENERIC = new Set(['use', 'explain', 'describ', 'show', 'make', 'name', 'say', 'know', 'need', 'want', 'work', 'way', 'case', 'one', 'two', 'time', 'good', 'new', 'right', 'first', 'also', 'without', 'rather', 'instead', 'each', 'everi', 'point', 'answer', 'strong', 'candid', 'interview', 'question', 'given', 'identifi', 'state', 'mention', 'discuss', 'includ', 'consid', 'approach']);

interface Window {
  start: number;
  end: number;
  text: string;
  sentences: Sentence[];
  plain: Set<string>;
  negated: Set<string>;
  /** The same, by Porter stem without synonyms (for the stricter mistake matching). */
  plainRoots: Set<string>;
  negatedRoots: Set<string>;
}

function windows(a: TextAnalysis): Window[] {
  const out: Window[] = [];
  const make = (ss: Sentence[]): Window => {
    const plain = new Set<string>();
    const negated = new Set<string>();
    const plainRoots = new Set<string>();
    const negatedRoots = new Set<string>();
    for (const s of ss) {
      for (const t of s.tokens) {
        if (t.stop) continue;
        if (t.negated) {
          negated.add(t.stem);
          negatedRoots.add(t.root);
        } else {
          plain.add(t.stem);
          plainRoots.add(t.root);
        }
      }
    }
    const first = ss[0];
    const last = ss[ss.length - 1];
    const start = first?.start ?? 0;
    const end = last?.end ?? 0;
    return { start, end, text: a.text.slice(start, end), sentences: ss, plain, negated, plainRoots, negatedRoots };
  };
  a.sentences.forEach((s, i) => {
    out.push(make([s]));
    const next = a.sentences[i + 1];
    if (next) out.push(make([s, next]));
  });
  return out;
}

interface SignalMatch {
  coverage: number;
  window: Window;
  negatedOnly: boolean;
}

/**
 * How well a window shows a signal: the idf-weighted share of the signal's stems present with the same polarity,
 * requiring enough of them (all of a one- or two-word signal, two of three, 60 % of a longer one). When the words
 * are there but with the opposite polarity ("we don't need a unique constraint"), the answer states the opposite.
 */
function matchSignal(sig: CompiledSignal, w: Window, idf: (s: string) => number, strict = false): SignalMatch | null {
  const n = sig.stems.length;
  if (n === 0) return null;
  if (sig.literal && !sig.literal.test(w.text)) return null;
  let have = 0;
  let haveW = 0;
  let opposite = 0;
  let total = 0;
  sig.stems.forEach((s, i) => {
    const wt = idf(s);
    total += wt;
    const neg = sig.negated[i] ?? false;
    const [plain, negated] = strict ? [w.plainRoots, w.negatedRoots] : [w.plain, w.negated];
    if ((neg ? negated : plain).has(s)) {
      have++;
      haveW += wt;
    } else if ((neg ? plain : negated).has(s)) opposite++;
  });
  const need = strict ? (n <= 4 ? n : n - 1) : n <= 2 ? n : n === 3 ? 2 : Math.ceil(n * 0.6);
  // A mistake needs a real phrase: two words that happen to meet in a sentence are not enough.
  if (strict && n < 2) return null;
  if (have < need) {
    if (opposite > 0 && have + opposite >= need) return { coverage: 0, window: w, negatedOnly: true };
    return null;
  }
  // The words must be close together: a phrase, not a sentence that happens to use them far apart.
  if (strict && !within(w, sig, need, Math.max(6, 2 * n + 2))) return null;
  return { coverage: haveW / total, window: w, negatedOnly: false };
}

/** "end to end", "one to one": several words, one stem — only the phrase itself shows it. */
function literalOf(text: string): { literal?: RegExp } {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const contentWords = analyzeText(text).tokens.filter((t) => !t.stop).length;
  if (contentWords < 2 || phraseStems(text).stems.length !== 1) return {};
  const pattern = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s-]+');
  return { literal: new RegExp(`\\b${pattern}\\b`, 'i') };
}

/** Whether `need` of the signal's stems occur, with their polarity, within `span` consecutive content tokens. */
function within(w: Window, sig: CompiledSignal, need: number, span: number, strict = true): boolean {
  const want = new Map(sig.stems.map((s, i) => [s, sig.negated[i] ?? false]));
  const toks = w.sentences.flatMap((s) => s.tokens).filter((t) => !t.stop);
  for (let i = 0; i < toks.length; i++) {
    const seen = new Set<string>();
    for (let j = i; j < toks.length && j < i + span; j++) {
      const t = toks[j];
      const key = t ? (strict ? t.root : t.stem) : '';
      if (t && want.get(key) === t.negated) seen.add(key);
      if (seen.size >= need) return true;
    }
  }
  return false;
}

function bestMatch(signals: readonly CompiledSignal[], ws: readonly Window[], idf: (s: string) => number, strict = false): { m: SignalMatch; sig: CompiledSignal } | null {
  let best: { m: SignalMatch; sig: CompiledSignal } | null = null;
  for (const sig of signals) {
    for (const w of ws) {
      if (strict && w.sentences.length > 1) continue;
      const m = matchSignal(sig, w, idf, strict);
      if (!m) continue;
      if (!best || rank(m) > rank(best.m) || (rank(m) === rank(best.m) && m.window.text.length < best.m.window.text.length)) best = { m, sig };
    }
  }
  return best;
}
const rank = (m: SignalMatch): number => (m.negatedOnly ? -1 : m.coverage);

function scoreAnswer(c: CompiledQuestion, answer: string, level: Level, idf: (s: string) => number): ScoreResult {
  const q = c.q;
  const a = analyzeText(answer);
  const ws = windows(a);
  const kind = stageKind(q.stage);
  const words = a.tokens.length;

  // Relevance: the idf-weighted share of the answer's content words that belong to this question's vocabulary.
  const answerStems = new Set(a.tokens.filter((t) => !t.stop).map((t) => t.stem));
  let inVocab = 0;
  let allW = 0;
  for (const s of answerStems) {
    const wt = idf(s);
    allW += wt;
    if (c.vocabulary.has(s)) inVocab += wt;
  }
  const relevance = allW > 0 ? inVocab / allW : 0;
  // Topic: how many of the question's distinctive words the answer uses (an answer to another question uses few).
  let topicHit = 0;
  let topicAll = 0;
  for (const [s, wt] of c.topic) {
    topicAll += wt;
    if (answerStems.has(s)) topicHit += wt;
  }
  const topical = topicAll > 0 ? topicHit / topicAll : 0;

  // Reasoning across the answer: a point named in a terse sentence still counts fully when the answer reasons
  // elsewhere; in a list of terms it counts half.
  const prose = a.sentences.filter((s) => !s.code);
  const reasoningSentences = prose.filter((s) => REASONING.test(s.text)).length;
  const statementShare = prose.length > 0 ? prose.filter((s) => sentenceWeight(s) >= 0.75).length / prose.length : 0;
  const answerReasons = reasoningSentences >= 2 && statementShare >= 0.3;

  // Rubric coverage.
  const hits: RubricHit[] = [];
  const misses: RubricMiss[] = [];
  let got = 0;
  let weights = 0;
  for (const p of c.points) {
    weights += p.weight;
    const viaSignal = bestMatch(p.signals, ws, idf);
    const viaPoint = p.paraphrase.stems.length >= 3 ? bestMatch([{ ...p.paraphrase, stems: p.paraphrase.stems }], ws, idf) : null;
    const candidates = [viaSignal, viaPoint].filter((x): x is { m: SignalMatch; sig: CompiledSignal } => x !== null && !x.m.negatedOnly);
    const best = candidates.sort((x, y) => y.m.coverage - x.m.coverage)[0];
    if (best) {
      const reasoned = answerReasons || best.m.window.sentences.some((s) => sentenceWeight(s) >= 0.75);
      const strongMatch = best.sig === viaSignal?.sig ? best.m.coverage >= 0.5 : best.m.coverage >= 0.6;
      const credit = reasoned && strongMatch ? 1 : 0.5;
      got += p.weight * credit;
      hits.push({ id: p.id, point: p.point, weight: p.weight, credit, quote: span(best.m.window), matched: best.sig.text });
    } else {
      const neg = viaSignal?.m.negatedOnly ? viaSignal.m.window : undefined;
      const miss: RubricMiss = { id: p.id, point: p.point, weight: p.weight, advice: adviceFor(p, c, idf) };
      if (neg) miss.negated = span(neg);
      misses.push(miss);
    }
  }
  const coverage = weights > 0 ? got / weights : 0;

  // Mistakes.
  const mistakes: MistakeHit[] = [];
  for (const m of c.mistakes) {
    const best = bestMatch(m.signals, ws, idf, true);
    // "Naive option first: a scan is O(n)" names the mistake to reject it.
    if (best && !best.m.negatedOnly && !(best.sig.negative ? REJECTS_BEYOND_NEGATION : REJECTS).test(best.m.window.text)) mistakes.push({ id: m.id, mistake: m.mistake, why: m.why, quote: span(best.m.window) });
  }

  // Dimensions.
  const incident = /\b(incident|outage|on-?call|postmortem|post-mortem)\b/i.test(`${q.title} ${q.prompt}`);
  const dims = scoreDimensions(a, kind, incident);
  const dimValue = dims.length > 0 ? dims.reduce((s, d) => s + d.value, 0) / dims.length : 0;

  // Guards.
  const content = a.contentCount;
  const proseTokens = prose.flatMap((s) => s.tokens);
  const proseWords = proseTokens.length;
  const stopRatio = proseWords > 0 ? proseTokens.filter((t) => t.stop).length / proseWords : 0;
  const nonAnswer = content < 8 || (content < 20 && hits.length === 0);
  const keywordList =
    !nonAnswer && proseWords >= 4 && ((stopRatio < 0.22 && reasoningSentences <= 1) || (prose.length > 0 && proseWords / prose.length < 4.5 && reasoningSentences === 0));
  // Off topic: the answer's words are mostly not this question's, and it names little of the prompt — unless the
  // rubric sees most of its points anyway (a strong story told entirely in the candidate's own words).
  // A story prompt is about one thing (a migration, a disagreement, an incident): a story that never names it, in
  // any of its words, is another story however well it is told.
  const otherStory = kind === 'behavioral' && topical < 0.35 && c.titleWords.size > 0 && ![...c.titleWords].some((st) => answerStems.has(st));
  const offTopic = !nonAnswer && coverage < 0.75 && ((relevance < 0.38 && coverage < 0.25) || (relevance < 0.36 && topical < 0.2) || relevance < 0.28 || otherStory);

  // Substance: a very short answer cannot show much, however well it starts.
  const substance = Math.min(1, content / 60);
  const penalty = Math.min(0.24, mistakes.length * 0.08);
  const raw = (0.7 * coverage + 0.3 * dimValue) * (0.55 + 0.45 * substance) - penalty;
  let score = Math.round(100 * curve(raw));
  let capped: string | null = null;
  if (nonAnswer) {
    score = Math.min(score, 5);
    capped = 'This does not answer the question yet: say what you would do and why.';
  } else if (offTopic) {
    score = Math.min(score, 12);
    capped = 'This answers a different question: it does not address what was asked.';
  } else if (keywordList) {
    score = Math.min(score, 35);
    capped = 'A list of terms is not an answer: explain how each one solves this problem, and what it costs.';
  }
  score = Math.max(0, Math.min(100, score));

  return {
    questionId: q.id,
    level,
    stageKind: kind,
    score,
    verdict: verdict(score, level, hits.length, c.points.length, misses),
    breakdown: { rubric: Math.round(coverage * 100), dimensions: Math.round(dimValue * 100), mistakesPenalty: Math.round(penalty * 100) },
    dimensions: dims.map((d) => ({ id: d.id, label: d.label, score: Math.round(d.value * 100), note: d.note, evidence: d.evidence })),
    hits,
    misses,
    mistakes,
    flags: { nonAnswer, offTopic, keywordList },
    capped,
    followUp: followUpFor(c, misses, dims, nonAnswer || offTopic),
    stats: { words, sentences: a.sentences.length, relevance: Math.round(relevance * 100) / 100, topical: Math.round(topical * 100) / 100 },
  };
}

/** Words around a mistake's phrasing that show the candidate is rejecting it, not making it. */
const REJECTS = /\b(off|disabled?|leak\w*|ignores?|separate\w*|naive\w*|instead|rather than|avoid\w*|wrong|bad idea|problem\w*|doesn'?t work|won'?t work|too slow|not|never|must|can'?t|cannot|reject\w*|trap|mistake|pitfall|tempting|would break|breaks|broken|fails?|unsafe|risk\w*|danger\w*|only works|o\(n\)|falls? over|anti-?pattern|loses?|lost|stale|races?|wouldn'?t|shouldn'?t|don'?t)\b/i;

/** For a mistake that is itself a negation ("never expire the keys"), the negation is the mistake, not a rejection. */
const REJECTS_BEYOND_NEGATION = new RegExp(REJECTS.source.replace('|not|never|', '|').replace(/\|wouldn'\?t\|shouldn'\?t\|don'\?t/, ''), 'i');

/** What an interviewer asks when a dimension is the weakest part of an otherwise complete answer. */
const DIMENSION_FOLLOW_UPS: Readonly<Record<string, string>> = {
  clarifying: 'Before we go further: what would you have asked me about the requirements, and what did you assume?',
  correctness: 'Which guarantee does your design keep under the load in the question, and where exactly could it break?',
  'failure-modes': 'Walk me through what happens when one of these components dies halfway through a request.',
  'trade-offs': 'What did this design cost you, and which alternative did you reject — why?',
  scaling: 'Traffic grows ten times. What breaks first, and what do you change?',
  approach: 'Before you write more code: which data structure carries the solution, and why does it work?',
  complexity: 'What are the time and space complexity, and can you do better?',
  testing: 'Which inputs would you test first, and what would each one catch?',
  situation: 'Set the scene for me: where was this, when, and what was at stake?',
  task: 'What exactly were you responsible for in that situation?',
  action: 'What did you personally do, step by step?',
  result: 'How did it end — what changed, in numbers if you can?',
  ownership: 'Looking back, which of those decisions were yours, and which would you change?',
  learning: 'What do you do differently since then?',
  'mitigation-first': 'What did you do in the first ten minutes to stop the damage, before you knew the cause?',
  specifics: 'Can you give me one concrete example from your own work, with numbers?',
  structure: 'Summarise your answer for me in two sentences.',
};

/** Raw coverage → score: a strong answer rarely shows every signal, so 0.75 of the weighted ideal is already 90. */
function curve(raw: number): number {
  const x = Math.max(0, raw);
  return Math.min(1, x <= 0.75 ? (x / 0.75) * 0.9 : 0.9 + ((x - 0.75) / 0.25) * 0.1);
}

/** The window's text without surrounding whitespace, with offsets that point at exactly that text. */
function span(w: Window): Span {
  const lead = w.text.length - w.text.trimStart().length;
  const text = w.text.trim();
  return { start: w.start + lead, end: w.start + lead + text.length, text };
}

function adviceFor(p: CompiledQuestion['points'][number], c: CompiledQuestion, idf: (s: string) => number): string {
  const want = new Set([...p.paraphrase.stems, ...p.signals.flatMap((s) => s.stems)]);
  let best: { step: string; detail: string } | null = null;
  let bestScore = 0;
  for (const a of c.approach) {
    let sc = 0;
    for (const s of want) if (a.stems.has(s)) sc += idf(s);
    if (sc > bestScore) {
      bestScore = sc;
      best = a;
    }
  }
  return best ? `${best.step}: ${best.detail}` : p.point;
}

function followUpFor(c: CompiledQuestion, misses: readonly RubricMiss[], dims: readonly DimensionResult[], nothingYet: boolean): ScoreResult['followUp'] {
  const fallback = c.followUps[0];
  if (nothingYet || !fallback) {
    return { question: c.q.prompt.split(/(?<=[.?])\s/)[0] ?? c.q.prompt, probes: 'An interviewer would restate the question and ask for a concrete first step.', aimedAt: 'the question itself' };
  }
  const gap = [...misses].sort((x, y) => y.weight - x.weight)[0];
  if (gap) {
    const want = new Set(c.points.find((p) => p.id === gap.id)?.signals.flatMap((s) => s.stems).concat(c.points.find((p) => p.id === gap.id)?.paraphrase.stems ?? []) ?? []);
    let best = fallback;
    let bestScore = -1;
    for (const f of c.followUps) {
      let sc = 0;
      for (const s of want) if (f.stems.has(s)) sc++;
      if (sc > bestScore) {
        bestScore = sc;
        best = f;
      }
    }
    if (bestScore >= 2) return { question: best.question, probes: best.probes, aimedAt: gap.point };
    return { question: `You haven't covered this yet — how would you handle it? ${gap.point}`, probes: 'The biggest gap in the answer.', aimedAt: gap.point };
  }
  const weakest = [...dims].sort((x, y) => x.value - y.value)[0];
  if (weakest && weakest.value < 0.6) return { question: DIMENSION_FOLLOW_UPS[weakest.id] ?? weakest.note, probes: `${weakest.label}: ${weakest.note}`, aimedAt: weakest.label };
  // Everything covered: push deeper with the follow-up the answer touched least.
  return { question: fallback.question, probes: fallback.probes, aimedAt: 'going deeper' };
}

function verdict(score: number, level: Level, hits: number, points: number, misses: readonly RubricMiss[]): string {
  const bar = LEVEL_BAR[level];
  const gap = [...misses].sort((x, y) => y.weight - x.weight)[0];
  const tail = `covered ${String(hits)} of ${String(points)} key points${gap ? `; biggest gap: ${shorten(gap.point)}` : ''}.`;
  if (score >= bar + 12) return `Strong ${level} signal — ${tail}`;
  if (score >= bar) return `Meets the ${level} bar — ${tail}`;
  if (score >= bar - 15) return `Below the ${level} bar — ${tail}`;
  return `Well below the ${level} bar — ${tail}`;
}

function shorten(s: string): string {
  const first = s.split(/(?<=[.;])\s/)[0] ?? s;
  return first.length > 140 ? `${first.slice(0, 137).replace(/\s+\S*$/, '')}…` : first.replace(/\.$/, '');
}

