import type { Difficulty, Level } from '../../../src/core/content/schema.js';

export type { Difficulty, Level };

/** Kept in step with the content schema: `satisfies` fails the build if a value is not a Level. */
export const LEVELS = ['intern', 'entry', 'mid', 'senior', 'staff', 'principal', 'manager'] as const satisfies readonly Level[];
export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const satisfies readonly Difficulty[];

const LEVEL_LABELS: Record<Level, string> = {
  intern: 'Intern',
  entry: 'Entry',
  mid: 'Mid',
  senior: 'Senior',
  staff: 'Staff',
  principal: 'Principal',
  manager: 'Manager',
};
const DIFFICULTY_LABELS: Record<Difficulty, string> = { easy: 'Easy', medium: 'Medium', hard: 'Hard' };

export const levelLabel = (level: Level): string => LEVEL_LABELS[level];
export const difficultyLabel = (difficulty: Difficulty): string => DIFFICULTY_LABELS[difficulty];

export const isLevel = (value: string): value is Level => (LEVELS as readonly string[]).includes(value);
export const isDifficulty = (value: string): value is Difficulty => (DIFFICULTIES as readonly string[]).includes(value);

const WORDS: Record<string, string> = {
  api: 'API',
  apis: 'APIs',
  http: 'HTTP',
  sql: 'SQL',
  postgresql: 'PostgreSQL',
  redis: 'Redis',
  kafka: 'Kafka',
  kubernetes: 'Kubernetes',
  linux: 'Linux',
  dns: 'DNS',
  tcp: 'TCP',
  css: 'CSS',
  html: 'HTML',
  javascript: 'JavaScript',
  typescript: 'TypeScript',
  react: 'React',
  etl: 'ETL',
  slo: 'SLO',
  slos: 'SLOs',
  ci: 'CI',
  cd: 'CD',
  ai: 'AI',
  ml: 'ML',
  llm: 'LLM',
  llms: 'LLMs',
  iot: 'IoT',
};

/** "rate-limiting" -> "rate limiting"; known acronyms and names keep their spelling. */
export function skillLabel(id: string): string {
  return id
    .split('-')
    .map((w) => WORDS[w] ?? w)
    .join(' ');
}

/** "system-design" -> "System design", for stage ids when no guide names them. */
export function humanize(id: string): string {
  const s = skillLabel(id);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const weeksRange = (min: number, max: number): string => (min === max ? `${min} weeks` : `${min}–${max} weeks`);

export function duration(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export const questionPath = (id: string): string => `/questions/${id.split('/').map(encodeURIComponent).join('/')}`;

export function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

const ROLE_LABELS: Record<string, string> = {
  backend: 'Backend',
  'full-stack': 'Full-stack',
  frontend: 'Frontend',
  mobile: 'Mobile',
  sre: 'SRE',
  'data-engineering': 'Data engineering',
  'data-science': 'Data science',
  ml: 'Machine learning',
  security: 'Security',
  'engineering-manager': 'Engineering manager',
  other: 'Other',
};

/** The role family a posting was read as ("sre" -> "SRE"). */
export const roleLabel = (role: string): string => ROLE_LABELS[role] ?? humanize(role);

const DOMAIN_LABELS: Record<string, string> = {
  'e-commerce': 'E-commerce',
  ads: 'Advertising',
  iot: 'IoT and devices',
  'hr-tech': 'HR tech',
  'real-estate': 'Real estate',
  ai: 'AI products',
  crypto: 'Crypto',
};

/** The business domain a posting was read as ("e-commerce" -> "E-commerce"). */
export const domainLabel = (domain: string): string => DOMAIN_LABELS[domain] ?? humanize(domain);

/** A level the API sends as a plain string: its label when it is a known level. */
export const levelText = (level: string): string => (isLevel(level) ? levelLabel(level) : humanize(level));

function parseDay(day: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/**
 * A calendar day YYYY-MM-DD, read in local time (new Date('2026-05-01') is UTC midnight, which is the day before west
 * of Greenwich).
 */
export function formatDay(day: string, options: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' }): string {
  const d = parseDay(day);
  return d ? d.toLocaleDateString(undefined, options) : day;
}

/** Today's local date as YYYY-MM-DD (the value format of <input type="date">). */
export function todayISO(now: Date = new Date()): string {
  return `${String(now.getFullYear())}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
}
