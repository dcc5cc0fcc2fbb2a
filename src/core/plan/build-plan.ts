/**
 * Builds the prep plan for one posting: the predicted loop for its role and level, questions ranked per stage with
 * a "why" that quotes the posting, coverage and gaps, follow-ups written from its domain, scale and stack, and a
 * day-by-day schedule up to the interview. Pure: `today` is an argument.
 */
import { LEVELS, type Level, type LoopStage, type Question, type RoleGuide } from '../content/schema.js';
import type { Analysis } from '../jd/analyze.js';
import type { DetectedSkill } from '../jd/skills.js';

export interface PlanQuestion {
  id: string;
  title: string;
  difficulty: Question['difficulty'];
  skills: string[];
  why: string;
  score: number;
}

export interface PlanStage {
  stage: string;
  name: string;
  durationMinutes: number;
  probes: string[];
  questions: PlanQuestion[];
}

export interface Gap {
  skill: string;
  required: boolean;
  study: string;
  evidence: string;
}

export interface PlanFollowUp {
  questionId: string;
  stage: string;
  question: string;
  basedOn: 'domain' | 'scale' | 'stack' | 'compliance';
}

export interface ScheduleDay {
  date: string;
  focus: string;
  questions: string[];
  review: string[];
  minutes: number;
}

export interface Plan {
  title: string | null;
  role: Analysis['role'];
  level: Level;
  guide: { id: string; title: string; note: string | null };
  stages: PlanStage[];
  coverage: { skill: string; required: boolean; questions: string[] }[];
  gaps: Gap[];
  followUps: PlanFollowUp[];
  schedule: ScheduleDay[];
  interviewDate: string | null;
}

export type PlanError = { code: 'BAD_DATE'; message: string } | { code: 'NO_GUIDE'; message: string };
export type PlanResult = { ok: true; plan: Plan } | { ok: false; error: PlanError };

/** The guide a role family prepares with, and what to tell the user when it is the nearest rather than its own. */
const GUIDE_FOR: Record<Analysis['role'], string[]> = {
  backend: ['backend'],
  'full-stack': ['full-stack', 'backend'],
  frontend: ['frontend', 'full-stack'],
  mobile: ['mobile', 'full-stack'],
  sre: ['sre', 'backend'],
  'data-engineering': ['data-engineering', 'backend'],
  'data-science': ['data-science', 'data-engineering'],
  ml: ['ml', 'data-engineering', 'backend'],
  security: ['security', 'sre', 'backend'],
  'engineering-manager': ['engineering-manager', 'backend'],
  other: ['backend'],
};

const QUESTIONS_PER_STAGE = 5;
const ROLE_LABEL: Record<Analysis['role'], string> = {
  backend: 'Backend', frontend: 'Frontend', 'full-stack': 'Full-Stack', mobile: 'Mobile', sre: 'SRE / Platform',
  'data-engineering': 'Data Engineering', 'data-science': 'Data Science', ml: 'Machine Learning', security: 'Security',
  'engineering-manager': 'Engineering Manager', other: 'matching',
};
/** Scale units that describe load, not headcount. */
const LOAD_UNIT = /^(users|customers|members|subscribers|merchants|businesses|patients|devices|sensors|vehicles|endpoints|requests|rps|qps|tps|transactions|events|messages|records|rows|queries|calls|api calls|orders|payments|downloads|installs|visitors|page ?views|streams|tb|pb|gb|terabytes|petabytes|gigabytes|exabytes)/;

export interface PlanOptions {
  /** YYYY-MM-DD: the day the plan is made (the shell passes the local date). */
  today: string;
  /** YYYY-MM-DD: the interview, if known; otherwise a two-week plan. */
  interviewDate?: string | undefined;
  minutesPerDay?: number | undefined;
}

export function buildPlan(analysis: Analysis, guides: readonly RoleGuide[], bank: readonly Question[], options: PlanOptions): PlanResult {
  const dates = planDates(options.today, options.interviewDate);
  if (!dates.ok) return dates;
  const candidates = GUIDE_FOR[analysis.role];
  const guide = candidates.map((id) => guides.find((g) => g.id === id)).find((g): g is RoleGuide => g !== undefined);
  if (!guide) return { ok: false, error: { code: 'NO_GUIDE', message: `no role guide for ${analysis.role}` } };
  const note = guide.id === candidates[0] ? null : `Loopcoach has no ${ROLE_LABEL[analysis.role]} guide yet; this plan follows the closest loop, ${guide.title}.`;
  const level = stageLevel(analysis.level);
  const stages = guide.stages.filter((s) => s.levels.includes(level));
  const postingSkills = new Map(analysis.skills.map((s) => [s.id, s]));
  const relatedTo = new Map<string, DetectedSkill>();
  for (const s of analysis.skills) for (const r of s.related) if (!relatedTo.has(r)) relatedTo.set(r, s);

  const planStages: PlanStage[] = stages.map((stage) => {
    const pool = bank.filter((q) => q.stage === stage.id && (q.roles.includes(guide.id) || q.skills.some((k) => postingSkills.has(k))));
    const ranked = pool
      .map((q, i) => rankQuestion(q, stage, analysis, level, guide.id, postingSkills, relatedTo, i))
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
      .slice(0, QUESTIONS_PER_STAGE);
    return { stage: stage.id, name: stage.name, durationMinutes: stage.durationMinutes, probes: stage.probes, questions: ranked };
  });

  const inPlan = planStages.flatMap((s) => s.questions);
  const bankSkills = new Map<string, string[]>();
  for (const q of bank) for (const k of q.skills) bankSkills.set(k, [...(bankSkills.get(k) ?? []), q.id]);
  const coverage: Plan['coverage'] = [];
  const gaps: Gap[] = [];
  for (const s of [...analysis.skills].sort((a, b) => Number(b.required) - Number(a.required))) {
    const planned = inPlan.filter((q) => q.skills.includes(s.name)).map((q) => q.id);
    const anywhere = bankSkills.get(s.id) ?? [];
    if (planned.length > 0 || anywhere.length > 0) coverage.push({ skill: s.name, required: s.required, questions: planned.length > 0 ? planned : anywhere.slice(0, 3) });
    else gaps.push({ skill: s.name, required: s.required, study: studyAdvice(s), evidence: shortQuote(s) });
  }

  return {
    ok: true,
    plan: {
      title: analysis.title,
      role: analysis.role,
      level: analysis.level,
      guide: { id: guide.id, title: guide.title, note },
      stages: planStages,
      coverage,
      gaps,
      followUps: followUpsFor(analysis, planStages),
      schedule: schedule(planStages, dates.days, options.minutesPerDay ?? 60, options.interviewDate !== undefined),
      interviewDate: options.interviewDate ?? null,
    },
  };
}

/** Levels outside a loop's stage levels map to the nearest one a guide describes. */
function stageLevel(level: Level): Level {
  return level === 'manager' ? 'senior' : level;
}

function rankQuestion(
  q: Question,
  stage: LoopStage,
  analysis: Analysis,
  level: Level,
  guideId: string,
  postingSkills: ReadonlyMap<string, DetectedSkill>,
  relatedTo: ReadonlyMap<string, DetectedSkill>,
  index: number,
): PlanQuestion {
  let score = 0;
  const reasons: string[] = [];
  const matched = q.skills.map((k) => postingSkills.get(k)).filter((s): s is DetectedSkill => s !== undefined);
  for (const s of matched) score += (s.required ? 3 : 1.5) + Math.min(s.evidence.length, 3) * 0.5;
  const best = [...matched].sort((a, b) => Number(b.required) - Number(a.required) || b.evidence.length - a.evidence.length)[0];
  if (best) {
    const names = matched.map((s) => s.name).join(', ');
    reasons.push(`Practises ${names}, which the posting ${best.required ? 'asks for' : 'lists as a plus'}: “${shortQuote(best)}”`);
  } else {
    const related = q.skills.map((k) => relatedTo.get(k)).find((s) => s !== undefined);
    if (related) {
      score += 1;
      reasons.push(`Builds on ${related.name} from the posting: “${shortQuote(related)}”`);
    }
  }
  const li = LEVELS.indexOf(level);
  if (q.levels.includes(level)) {
    score += 2;
  } else if (q.levels.some((l) => Math.abs(LEVELS.indexOf(l) - li) === 1)) {
    score += 0.5;
  } else score -= 2;
  if (q.roles[0] === guideId) score += 0.5;
  const domain = analysis.domains[0];
  const conversational = stage.id === 'behavioral' || stage.id === 'recruiter-screen';
  if (domain && !conversational && domainWords(domain.domain).some((w) => `${q.title} ${q.prompt}`.toLowerCase().includes(w))) {
    score += 1.5;
    reasons.push(`Set in the posting's domain (${domain.domain}: ${domain.evidence.slice(0, 3).join(', ')})`);
  }
  const load = analysis.scale.filter((s) => LOAD_UNIT.test(s.unit));
  if (load.length > 0 && q.skills.some((k) => k === 'scalability' || k === 'system-design' || k === 'distributed-systems')) {
    score += 0.5;
    reasons.push(`The posting talks scale: ${load.slice(0, 2).map((s) => `“${s.text}”`).join(', ')}`);
  }
  if (reasons.length === 0) {
    const resp = analysis.responsibilities.length > 0 ? analysis.responsibilities[index % analysis.responsibilities.length] : undefined;
    reasons.push(
      conversational
        ? `Asked in most ${stage.name} rounds at ${level} level${resp ? `; tie your story to “${clip(resp, 110)}”` : ''}`
        : `A core ${stage.name} question at ${level} level`,
    );
  }
  return {
    id: q.id,
    title: q.title,
    difficulty: q.difficulty,
    skills: matched.map((s) => s.name),
    why: `${reasons.join('. ')}.`.replace(/([.!?…”])\.$/, '$1'),
    score: Math.round(score * 100) / 100,
  };
}

function domainWords(domain: string): string[] {
  const words: Record<string, string[]> = {
    payments: ['payment', 'ledger', 'money', 'charge', 'refund', 'wallet', 'billing'],
    health: ['patient', 'clinical', 'health', 'medical'],
    iot: ['device', 'sensor', 'telemetry'],
    ads: ['ad ', 'advertis', 'bidding', 'campaign'],
    'e-commerce': ['order', 'inventory', 'checkout', 'catalog', 'cart'],
    logistics: ['shipment', 'delivery', 'fleet', 'warehouse'],
    media: ['video', 'stream', 'feed', 'content'],
  };
  return words[domain] ?? [domain];
}

function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}…`;
}

/** The sentence that mentions a skill, cut to about 140 characters around the mention. */
export function shortQuote(s: DetectedSkill): string {
  const ev = s.evidence.find((e) => e.section !== 'preferred') ?? s.evidence[0];
  if (!ev) return s.name;
  const q = ev.quote.replace(/^- /, '').replace(/\s+/g, ' ').trim();
  if (q.length <= 140) return q;
  const at = Math.max(0, q.toLowerCase().indexOf(ev.text.toLowerCase()));
  const start = Math.max(0, at - 60);
  return `${start > 0 ? '…' : ''}${q.slice(start, start + 140).trim()}…`;
}

function studyAdvice(s: DetectedSkill): string {
  const n = s.name;
  switch (s.category) {
    case 'language':
      return `Write ${n} daily until the interview: idioms, the standard library's collections, error handling and its concurrency model; solve two coding-screen problems in ${n}.`;
    case 'database':
      return `Learn how ${n} stores and indexes data, what its transactions and consistency guarantee, and how to read its query plans; be ready to model one feature of this product in it.`;
    case 'cloud':
      return `Know ${n}'s core compute, storage and networking services, its IAM model, and how a multi-zone deployment fails over; sketch this role's system on it.`;
    case 'devops':
      return `Be able to explain how you would use ${n} in a delivery pipeline: what it automates, how it fails, and how you would roll back.`;
    case 'messaging':
      return `Study ${n}'s delivery guarantees, ordering, partitioning and consumer retries; design an idempotent consumer for it.`;
    case 'frontend':
    case 'mobile':
      return `Build a small feature with ${n} and be ready to discuss state, rendering performance and testing in it.`;
    case 'backend-framework':
      return `Build a small service in ${n}: routing, validation, persistence, errors and tests; know its request lifecycle and configuration.`;
    case 'data':
    case 'ml':
      return `Review what ${n} is for, its main abstractions and its failure modes; prepare one project story that used it or a close alternative.`;
    case 'observability':
      return `Know what ${n} measures or collects, and how you would use it to find the cause of a latency spike.`;
    case 'security':
      return `Prepare to explain ${n} concretely: the threat it addresses, how you implement it, and how you would test it.`;
    default:
      return `Prepare a concrete example of using ${n}: what you did, the trade-offs, and what you would do differently.`;
  }
}

function followUpsFor(analysis: Analysis, stages: readonly PlanStage[]): PlanFollowUp[] {
  const out: PlanFollowUp[] = [];
  // The first stage whose id matches, in order of preference: any guide's loop, whatever its stage ids.
  const top = (patterns: readonly RegExp[]): PlanQuestion | undefined => {
    for (const re of patterns) {
      const q = stages.find((s) => re.test(s.stage) && s.questions.length > 0)?.questions[0];
      if (q) return q;
    }
    return undefined;
  };
  const design = top([/system-design/, /design|architecture|modeling/]);
  const designStage = stages.find((s) => s.questions.some((q) => q.id === design?.id))?.stage ?? '';
  const scale = analysis.scale.find((s) => LOAD_UNIT.test(s.unit));
  if (design && scale) {
    out.push({ questionId: design.id, stage: designStage, basedOn: 'scale', question: `The posting mentions ${scale.text}. Size your design for that: which component saturates first, and what do you change when the load grows ten times beyond it?` });
  }
  const domain = analysis.domains[0]?.domain;
  const domainQuestion: Record<string, string> = {
    payments: 'Money moves here: how do you make every write in this design safe to retry, so that a timeout never charges a customer twice, and how do you reconcile with the payment provider?',
    health: 'This handles patient data: where is it stored, who can read it, how is access audited, and what happens to it when a customer leaves?',
    iot: 'Devices go offline and come back with hours of buffered data: how does your design handle late, duplicated and out-of-order events?',
    ads: 'Ad requests have a budget of a few milliseconds: what is on the hot path of your design, and what moves off it?',
    'e-commerce': 'Two shoppers buy the last item at the same moment: where in your design is that decided, and how do you avoid overselling during a flash sale?',
    logistics: 'A delivery status arrives twice and out of order from two carriers: how does your design keep the shipment state correct?',
    media: 'A popular release makes one piece of content a hot key: how does your design keep serving it when one shard receives most of the traffic?',
  };
  if (design && domain && domainQuestion[domain]) out.push({ questionId: design.id, stage: designStage, basedOn: 'domain', question: domainQuestion[domain] });
  for (const c of analysis.compliance.slice(0, 2)) {
    const q = design ?? top([/concurrency|consistency|schema|api/]);
    if (q) out.push({ questionId: q.id, stage: designStage, basedOn: 'compliance', question: `The posting names ${c.name}. What does it change in your data model, logging, access control and retention?` });
  }
  const storeOrQueue = analysis.skills.find((s) => s.required && (s.category === 'database' || s.category === 'messaging'));
  const deep = top([/concurrency|consistency/, /schema|api|sql|data/, /design/]);
  if (storeOrQueue && deep) {
    const deepStage = stages.find((s) => s.questions.some((q) => q.id === deep.id))?.stage ?? '';
    out.push({ questionId: deep.id, stage: deepStage, basedOn: 'stack', question: `The team runs ${storeOrQueue.name}. Answer this again with ${storeOrQueue.name} specifically: which of its guarantees do you rely on, and which limits do you design around?` });
  }
  return out;
}

function planDates(today: string, interview: string | undefined): { ok: true; days: string[] } | { ok: false; error: PlanError } {
  const parse = (s: string): number | null => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return null;
    const t = Date.parse(`${s}T00:00:00Z`);
    return Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== s ? null : t;
  };
  const start = parse(today);
  if (start === null) return { ok: false, error: { code: 'BAD_DATE', message: `today must be a date YYYY-MM-DD, got "${today}"` } };
  let end = start + 13 * 86_400_000;
  if (interview !== undefined) {
    const t = parse(interview);
    if (t === null) return { ok: false, error: { code: 'BAD_DATE', message: `the interview date must be a real date YYYY-MM-DD, got "${interview}"` } };
    if (t < start) return { ok: false, error: { code: 'BAD_DATE', message: `the interview date ${interview} is in the past` } };
    if (t - start > 365 * 86_400_000) return { ok: false, error: { code: 'BAD_DATE', message: `the interview date ${interview} is more than a year away` } };
    end = t;
  }
  const days: string[] = [];
  for (let t = start; t <= end; t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
  return { ok: true, days };
}

/**
 * Spreads the plan's questions over the days before the interview, stage by stage in loop order, revisiting each
 * question three and seven days after it was first practised; the interview day itself is for a light review.
 */
function schedule(stages: readonly PlanStage[], days: readonly string[], minutesPerDay: number, hasInterview: boolean): ScheduleDay[] {
  const queue = stages.flatMap((s) => s.questions.map((q) => ({ id: q.id, stage: s.name })));
  const studyDays = hasInterview && days.length > 1 ? days.slice(0, -1) : days;
  const perDay = Math.max(1, Math.ceil(queue.length / Math.max(1, studyDays.length)));
  const firstSeen = new Map<string, number>();
  const out: ScheduleDay[] = studyDays.map((date, i) => {
    const todays = queue.slice(i * perDay, (i + 1) * perDay);
    todays.forEach((q) => firstSeen.set(q.id, i));
    const review = [...firstSeen].filter(([, d]) => i - d === 3 || i - d === 7).map(([id]) => id);
    const focus = [...new Set(todays.map((q) => q.stage))].join(' + ') || (review.length > 0 ? 'Review' : 'Mock interview: pick any stage and answer out loud, timed');
    return { date, focus, questions: todays.map((q) => q.id), review, minutes: Math.max(minutesPerDay, todays.length * 15) };
  });
  // Long runways: keep study days, review days and a weekly mock interview; drop empty filler days.
  const kept = out.filter((d, i) => d.questions.length > 0 || d.review.length > 0 || (i % 7 === 6 && i > 0));
  out.length = 0;
  out.push(...kept);
  if (hasInterview && days.length > 1) {
    const last = days[days.length - 1] ?? '';
    const weakest = queue.slice(-2).map((q) => q.id);
    out.push({ date: last, focus: 'Interview day: skim your notes and the frameworks; no new material', questions: [], review: weakest, minutes: 20 });
  }
  return out;
}
