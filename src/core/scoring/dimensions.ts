/**
 * The dimensions interviewers grade on, per kind of stage. Each is read from the answer's sentences with
 * patterns and order (clarifying questions count only before the design; an incident story must mitigate before
 * it diagnoses), and each carries the sentences that showed it.
 */
import type { Sentence, TextAnalysis } from './text.js';

export type StageKind = 'design' | 'coding' | 'behavioral' | 'screen';

export interface DimensionResult {
  id: string;
  label: string;
  /** 0..1 */
  value: number;
  /** What the answer showed, or what it lacks. */
  note: string;
  evidence: { start: number; end: number; text: string }[];
}

const DESIGN_STAGES = new Set(['system-design', 'platform-architecture', 'api-schema-design', 'concurrency-consistency', 'systems-troubleshooting', 'incident-response', 'sql-screen']);
const CODING_STAGES = new Set(['coding-phone-screen', 'frontend-practical']);
const BEHAVIORAL_STAGES = new Set(['behavioral']);

export function stageKind(stage: string): StageKind {
  if (DESIGN_STAGES.has(stage)) return 'design';
  if (CODING_STAGES.has(stage)) return 'coding';
  if (BEHAVIORAL_STAGES.has(stage)) return 'behavioral';
  return 'screen';
}

/** Connectives that turn vocabulary into reasoning. */
export const REASONING = /\b(because|since|so|means?|need(s|ed)? to|must|otherwise|that's why|in case|for example|e\.g\.|which (gives|lets|means|keeps|makes)|while|but|without|only (if|when)|so that|so we|so the|so it|so i|which means|that means|this means|meaning|otherwise|to avoid|to prevent|to make sure|to ensure|in order to|if\b[^.]{0,80}\bthen|if\b|when\b|unless|until|whereas|instead of|rather than|the reason|therefore|thus|hence|as a result|which is why|that way|the risk|the problem is|the catch|at the cost of|trade-?off|downside|upside|prevents?|guarantees?|ensures?)\b/i;

interface Rule {
  id: string;
  label: string;
  pattern: RegExp;
  /** Only sentences in the first `within` fraction of the answer count. */
  within?: number;
  /** Sentences needed for full credit. */
  needed: number;
  lacks: string;
}

const DESIGN_RULES: Rule[] = [
  {
    id: 'clarifying',
    label: 'Clarifies before designing',
    pattern: /\?|\b(i'?d (first )?(ask|want to know|clarify|confirm|check)|clarify|clarifying|before (i |we )?(design|start|jump)|requirements?|assum(e|ing|ption)|how (many|much|often|stale|fast|big)|what (is|are|'s) the (read|write|load|scale|volume|budget|sla|slo|tolerance)|do we need|is it ok|constraints?|out of scope|in scope)\b/i,
    within: 0.4,
    needed: 2,
    lacks: 'Ask about load, constraints and what "correct" means before designing, and state your assumptions.',
  },
  {
    id: 'correctness',
    label: 'Correct under the stated constraints',
    pattern: /\b(\d[\d,.]*\s*(k|m|ms|s|seconds?|minutes?|%|percent|rps|qps|tps|per second|writes|reads|gb|tb|mb|x)?|guarantee\w*|invariant|exactly|at most|at least|never|always|consistent|correct\w*|serializ\w*|atomic\w*|bounded?|within)\b/i,
    needed: 4,
    lacks: 'Tie the design to the numbers and guarantees in the question, and say what invariant it keeps.',
  },
  {
    id: 'failure-modes',
    label: 'Failure modes',
    pattern: /\b(fail\w*|crash\w*|dies|dead|down\b|outage|timeouts?|timed out|partition\w*|retr(y|ies|ied)|lost|lose|duplicat\w*|races?|race condition|stale|corrupt\w*|fallback|degrad\w*|recover\w*|roll ?back|split[- ]brain|what happens (if|when)|if .{0,40} (goes down|is down|fails|crashes|restarts)|poison|backlog|overload\w*|thundering herd|stampede)\b/i,
    needed: 3,
    lacks: 'Walk through what breaks: a node or dependency dying, retries and duplicates, races, and how the design recovers.',
  },
  {
    id: 'trade-offs',
    label: 'Trade-offs named explicitly',
    pattern: /\b(trade-?offs?|versus|vs\.?|instead of|rather than|at the cost of|the cost is|downside|upside|drawback|the price|on the other hand|cheaper|simpler|more complex|complexity|but (it|this|that|the|we|you)|however|whereas|pros?\b|cons?\b|alternative\w*|i would not|i wouldn't|i'd avoid|i would avoid)\b/i,
    needed: 3,
    lacks: 'Say what each choice costs and what you rejected, and why.',
  },
  {
    id: 'scaling',
    label: 'Scaling the design 10×',
    pattern: /\b(10x|10 x|ten ?times|10 times|100x|scal\w*|grow\w*|shard\w*|partition\w*|replica\w*|horizontal\w*|vertical\w*|bottleneck\w*|hot (key|partition|shard|spot|row)s?|fan[- ]?out|as (traffic|load|volume) (grows|increases)|capacity|throughput)\b/i,
    needed: 2,
    lacks: 'Say what breaks first at 10× the load and what you would change.',
  },
];

const CODING_RULES: Rule[] = [
  {
    id: 'clarifying',
    label: 'Clarifies inputs and edge cases',
    pattern: /\?|\b(clarify|assum\w*|constraints?|input size|can the input|empty|null|duplicates?|edge cases?|what if)\b/i,
    within: 0.5,
    needed: 2,
    lacks: 'Confirm the input, its size and the edge cases before coding.',
  },
  {
    id: 'approach',
    label: 'A correct approach, explained',
    pattern: /\b(approach|idea|algorithm|iterate|loop|walk|traverse|recurs\w*|stack|queue|heap|hash ?map|map|set|dictionary|pointer|sort\w*|binary search|two pointers|sliding window|dynamic programming|greedy|linked list|doubly|evict\w*|interval|merge|parse|state)\b/i,
    needed: 3,
    lacks: 'Explain the approach and the data structure before writing code, and why it works.',
  },
  {
    id: 'complexity',
    label: 'Complexity',
    pattern: /\b(o\s*\(|big[- ]o|time complexity|space complexity|linear|constant time|logarithmic|quadratic|n log n|amortized|per operation)\b/i,
    needed: 1,
    lacks: 'State the time and space complexity and whether it can be better.',
  },
  {
    id: 'testing',
    label: 'Edge cases and testing',
    pattern: /\b(tests?|testing|edge cases?|empty|single|boundary|overflow|null|negative|duplicates?|unicode|off[- ]by[- ]one|verify|walk through an example|example)\b/i,
    needed: 2,
    lacks: 'Name the edge cases and how you would test the code.',
  },
];

const BEHAVIORAL_RULES: Rule[] = [
  {
    id: 'situation',
    label: 'Situation',
    pattern: /\b(at (my|our) (previous|last|current)|when i was|we were|we had|the team|our team|company|startup|last year|\d{4}|years? ago|months? ago|at the time|context|background|the system|the service|the project)\b/i,
    within: 0.5,
    needed: 1,
    lacks: 'Set the scene in a sentence or two: where, when, what system, what was at stake.',
  },
  {
    id: 'task',
    label: 'Task: what you owned',
    pattern: /\b(i was (responsible|the|on[- ]call|leading|asked|tasked|the owner)|my (job|role|task|responsibility|goal)|i owned|i led|i was leading|the goal was|we needed to|i needed to|i had to)\b/i,
    needed: 1,
    lacks: 'Say what you were responsible for and what the goal was.',
  },
  {
    id: 'action',
    label: 'Action: what you did',
    pattern: /\b(i (decided|wrote|built|proposed|called|paged|rolled|reverted|set up|added|changed|talked|met|asked|ran|pulled|drafted|led|organi[sz]ed|escalated|prototyped|measured|pushed|suggested|scheduled|shipped|moved|split|created|checked|looked|opened|noticed|started|stopped|turned|disabled|migrated|documented|shared|explained|agreed|compared|benchmarked|posted))\b/i,
    needed: 3,
    lacks: 'Walk through what *you* did, step by step, with the reasoning behind each step.',
  },
  {
    id: 'result',
    label: 'Result, with numbers',
    pattern: /\b(result\w*|outcome|in the end|eventually|ended up|as a result|we shipped|we launched|reduced|cut|improved|saved|increased|dropped|down from|up from|\d+\s*(%|percent|x|ms|minutes|hours|days|weeks)|on time|late)\b/i,
    needed: 2,
    lacks: 'Close with the outcome, in numbers where you can.',
  },
  {
    id: 'ownership',
    label: 'Ownership',
    pattern: /\b(i (owned|took ownership|was accountable|made a mistake|was wrong|should have|messed up|take responsibility)|my (mistake|fault|call|decision)|i decided|i made the call|i apologi[sz]ed)\b/i,
    needed: 1,
    lacks: 'Own the decisions and the mistakes in the first person.',
  },
  {
    id: 'learning',
    label: 'What you learned',
    pattern: /\b(i learned|i learnt|lesson|takeaway|looking back|in hindsight|next time|since then|now i|i now|i changed how|what i do differently|i would do differently|taught me)\b/i,
    needed: 1,
    lacks: 'Say what you learned and what you do differently since.',
  },
];

const MITIGATION = /\b(mitigat\w*|roll(ed)? ?back|revert\w*|fail(ed)? over|feature flag|kill switch|disabled?|turned off|stop(ped)? the bleeding|restor\w*|shed load|scaled up|paused)\b/i;
const DIAGNOSIS = /\b(root cause|investigat\w*|dug into|debug\w*|figured out why|found (the|that)|traced|analy[sz]\w*)\b/i;

const SCREEN_RULES: Rule[] = [
  {
    id: 'specifics',
    label: 'Specific and concrete',
    pattern: /\b(\d[\d,.]*|for example|for instance|specifically|e\.g\.|such as|at (my|our)|i (built|led|owned|shipped|worked on|designed))\b/i,
    needed: 3,
    lacks: 'Give concrete examples: systems, numbers, what you personally did.',
  },
  {
    id: 'structure',
    label: 'Clear and structured',
    pattern: /\b(first|second|then|finally|overall|in short|the reason|because|so that|which is why)\b/i,
    needed: 2,
    lacks: 'Structure the answer: lead with the point, then the evidence.',
  },
];

function rulesFor(kind: StageKind): Rule[] {
  if (kind === 'design') return DESIGN_RULES;
  if (kind === 'coding') return CODING_RULES;
  if (kind === 'behavioral') return BEHAVIORAL_RULES;
  return SCREEN_RULES;
}

/**
 * Scores each dimension 0..1 from the sentences that show it. A sentence counts fully only when it carries
 * reasoning or is long enough to be a statement; a fragment counts half (a buzzword is not a dimension).
 */
export function scoreDimensions(a: TextAnalysis, kind: StageKind, incident: boolean): DimensionResult[] {
  const total = a.text.length || 1;
  const out: DimensionResult[] = [];
  for (const rule of rulesFor(kind)) {
    let credit = 0;
    const evidence: DimensionResult['evidence'] = [];
    for (const s of a.sentences) {
      if (rule.within !== undefined && s.start / total > rule.within) continue;
      if (!rule.pattern.test(s.text)) continue;
      const c = sentenceWeight(s);
      credit += c;
      if (evidence.length < 3) evidence.push({ start: s.start, end: s.end, text: s.text.trim() });
    }
    const value = Math.min(1, credit / rule.needed);
    out.push({ id: rule.id, label: rule.label, value, note: value >= 0.99 ? `Shown in ${String(evidence.length)} place${evidence.length === 1 ? '' : 's'}.` : rule.lacks, evidence });
  }
  if (kind === 'behavioral' && incident) out.push(mitigationFirst(a));
  return out;
}

/** A statement with reasoning counts 1; a plain statement 0.75; a fragment of a few words 0.35. */
export function sentenceWeight(s: Sentence): number {
  const content = s.tokens.filter((t) => !t.stop).length;
  if (REASONING.test(s.text)) return 1;
  if (s.tokens.length >= 9 && content >= 4) return 0.75;
  return 0.35;
}

function mitigationFirst(a: TextAnalysis): DimensionResult {
  const m = a.sentences.find((s) => MITIGATION.test(s.text));
  const d = a.sentences.find((s) => DIAGNOSIS.test(s.text));
  const label = 'Mitigation before root cause';
  if (!m) return { id: 'mitigation-first', label, value: 0, note: 'Say how you stopped the damage first (roll back, fail over, turn off the feature) before hunting the root cause.', evidence: [] };
  const first = !d || m.start <= d.start;
  return {
    id: 'mitigation-first',
    label,
    value: first ? 1 : 0.5,
    note: first ? 'Mitigated before diagnosing.' : 'You mitigated, but only after the investigation: lead with stopping the damage.',
    evidence: [{ start: m.start, end: m.end, text: m.text.trim() }],
  };
}
