import type { PracticeMode, SessionRecord } from '../api.js';

export const MODES = ['practice', 'interview', 'mock'] as const satisfies readonly PracticeMode[];
export const isMode = (value: string): value is PracticeMode => (MODES as readonly string[]).includes(value);

const MODE_LABELS: Record<PracticeMode, string> = { practice: 'Practice', interview: 'Interview', mock: 'Mock loop' };
export const modeLabel = (mode: PracticeMode): string => MODE_LABELS[mode];

export type Signal = NonNullable<SessionRecord['scorecard']['overall']['signal']>;
const SIGNAL_LABELS: Record<Signal, string> = {
  'strong-hire': 'Strong hire',
  hire: 'Hire',
  'lean-no-hire': 'Lean no hire',
  'no-hire': 'No hire',
};
export const signalLabel = (signal: Signal): string => SIGNAL_LABELS[signal];

/** A score's band, for colour only: the number is always shown as text too. */
export type Tone = 'strong' | 'good' | 'fair' | 'weak';
export function scoreTone(score: number): Tone {
  if (score >= 80) return 'strong';
  if (score >= 65) return 'good';
  if (score >= 45) return 'fair';
  return 'weak';
}

/** A unique key per submitted answer. crypto.randomUUID needs a secure context (a LAN address over http is not one). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** 754 → "12:34"; a clock face for the countdown. */
export function clock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${String(h)}:${String(m).padStart(2, '0')}:${sec}` : `${String(m)}:${sec}`;
}

/** 754 → "12 minutes 34 seconds": the same time, for screen readers and sentences. */
export function spokenDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const m = Math.floor(s / 60);
  const sec = s % 60;
  const parts: string[] = [];
  if (m > 0) parts.push(`${String(m)} minute${m === 1 ? '' : 's'}`);
  if (sec > 0 || m === 0) parts.push(`${String(sec)} second${sec === 1 ? '' : 's'}`);
  return parts.join(' ');
}

/** How far away an instant is, in words: "now", "in 10 minutes", "in 3 days", "2 days ago". */
export function relativeTime(iso: string, now: Date = new Date()): string {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return iso;
  const diff = t - now.getTime();
  const abs = Math.abs(diff);
  const units: [number, Intl.RelativeTimeFormatUnit][] = [
    [86_400_000 * 30, 'month'],
    [86_400_000 * 7, 'week'],
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
  ];
  if (abs < 60_000) return 'now';
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [ms, unit] of units) {
    if (abs >= ms) return rtf.format(Math.round(diff / ms), unit);
  }
  return rtf.format(Math.round(diff / 60_000), 'minute');
}

export const wordCount = (text: string): number => {
  const t = text.trim();
  return t ? t.split(/\s+/).length : 0;
};

/** The practice page for one question (ids are "role/slug"). */
export const practiseQuestionPath = (id: string): string => `/practice/question/${id.split('/').map(encodeURIComponent).join('/')}`;
export const attemptPath = (id: string): string => `/attempts/${encodeURIComponent(id)}`;
export const sessionPath = (id: string): string => `/practice/sessions/${encodeURIComponent(id)}`;
