/**
 * The progress charts (recharts). Each chart is drawn as an image with a spoken summary (role="img" + its caption),
 * and carries its numbers in a table hidden from view but read by screen readers, so nothing is only in the drawing.
 * Recharts' own keyboard layer is off: the table is the accessible way through the data.
 */
import { useId, type ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Line, LineChart, Rectangle, Tooltip, XAxis, YAxis, type BarShapeProps } from 'recharts';
import type { Progress } from '../../api.js';
import { formatDay, humanize, plural } from '../../lib/format.js';
import { scoreTone, type Tone } from '../../lib/practice.js';

const INK = '#4b5665';
const GRID = '#e3e8ee';
const ACCENT = '#1d4f91';
const TONE_COLOURS: Record<Tone, string> = { strong: '#17603a', good: '#2f7a4d', fair: '#a35f00', weak: '#a4262c' };
export const toneColour = (score: number): string => TONE_COLOURS[scoreTone(score)];

const tick = { fontSize: 12, fill: INK };
const shortDay = (day: string): string => formatDay(day, { month: 'short', day: 'numeric' });

function toneBar(radius: [number, number, number, number]) {
  return function ToneBar(p: BarShapeProps) {
    const value = typeof p.value === 'number' ? p.value : 0;
    return <Rectangle x={p.x} y={p.y} width={p.width} height={p.height} radius={radius} fill={toneColour(value)} />;
  };
}

/**
 * A chart with its caption and its data as a screen-reader table. The caption is the chart image's accessible name;
 * it is shown under the chart too, hidden from screen readers there so it is not read twice.
 */
function ChartFigure({ caption, table, height, children }: { caption: string; table: ReactNode; height: number; children: ReactNode }) {
  const captionId = useId();
  return (
    <div className="chart">
      <div className="chart__canvas" role="img" aria-labelledby={captionId} style={{ height }}>
        {children}
      </div>
      <p id={captionId} className="chart__caption" aria-hidden="true">
        {caption}
      </p>
      <div className="sr-only">{table}</div>
    </div>
  );
}

function trendSummary(trend: Progress['trend']): string {
  const first = trend[0];
  const last = trend.at(-1);
  if (!first || !last) return 'No scores yet.';
  const attempts = trend.reduce((n, d) => n + d.attempts, 0);
  if (trend.length === 1) {
    return `Average score per day. One day so far: ${shortDay(last.date)}, average ${String(last.average)} out of 100 over ${String(attempts)} answer${attempts === 1 ? '' : 's'}.`;
  }
  const change = last.average - first.average;
  const direction = change > 0 ? `up ${String(change)} points` : change < 0 ? `down ${String(-change)} points` : 'level';
  const best = trend.reduce((b, d) => (d.average > b.average ? d : b), first);
  return `Average score per day over ${String(trend.length)} days: ${String(first.average)} on ${shortDay(first.date)}, ${String(last.average)} on ${shortDay(last.date)} (${direction}); best day ${shortDay(best.date)} at ${String(best.average)}.`;
}

export function TrendChart({ trend }: { trend: Progress['trend'] }) {
  return (
    <ChartFigure
      caption={trendSummary(trend)}
      height={260}
      table={
        <table>
          <caption>Average score per day</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Average score</th>
              <th scope="col">Answers</th>
            </tr>
          </thead>
          <tbody>
            {trend.map((d) => (
              <tr key={d.date}>
                <th scope="row">{formatDay(d.date)}</th>
                <td>{d.average}</td>
                <td>{d.attempts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <LineChart data={trend} responsive style={{ width: '100%', height: '100%' }} accessibilityLayer={false} margin={{ top: 12, right: 16, bottom: 4, left: -18 }}>
        <CartesianGrid stroke={GRID} vertical={false} />
        <XAxis dataKey="date" tickFormatter={shortDay} tick={tick} tickLine={false} axisLine={{ stroke: GRID }} padding={{ left: 16, right: 16 }} />
        <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={tick} tickLine={false} axisLine={false} />
        <Tooltip
          labelFormatter={(label) => (typeof label === 'string' ? formatDay(label) : '')}
          formatter={(value) => [String(value), 'Average score']}
        />
        <Line type="monotone" dataKey="average" name="Average score" stroke={ACCENT} strokeWidth={2.5} dot={{ r: 4, fill: ACCENT }} isAnimationActive={false} />
      </LineChart>
    </ChartFigure>
  );
}

const MAX_SKILLS = 12;
const shortLabel = (s: string, max = 17): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export function MasteryChart({ mastery }: { mastery: Progress['mastery'] }) {
  const shown = mastery.slice(0, MAX_SKILLS).map((m) => ({ ...m, label: humanize(m.skill) }));
  const strongest = [...mastery].sort((a, b) => b.mastery - a.mastery)[0];
  const weakest = [...mastery].sort((a, b) => a.mastery - b.mastery)[0];
  const caption =
    mastery.length === 0
      ? 'No skills practised yet.'
      : `Mastery per skill, out of 100, for the ${plural(shown.length, 'skill')} you practised most${mastery.length > shown.length ? ` (of ${String(mastery.length)})` : ''}. ${
          !strongest || !weakest || strongest.mastery === weakest.mastery
            ? `All at ${String(strongest?.mastery ?? 0)}.`
            : `Strongest: ${humanize(strongest.skill)} at ${String(strongest.mastery)}; weakest: ${humanize(weakest.skill)} at ${String(weakest.mastery)}.`
        }`;
  return (
    <ChartFigure
      caption={caption}
      height={Math.max(120, shown.length * 34 + 40)}
      table={
        <table>
          <caption>Mastery per skill</caption>
          <thead>
            <tr>
              <th scope="col">Skill</th>
              <th scope="col">Mastery</th>
              <th scope="col">Questions</th>
              <th scope="col">Answers</th>
            </tr>
          </thead>
          <tbody>
            {mastery.map((m) => (
              <tr key={m.skill}>
                <th scope="row">{humanize(m.skill)}</th>
                <td>{m.mastery}</td>
                <td>{m.questions}</td>
                <td>{m.attempts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <BarChart data={shown} layout="vertical" responsive style={{ width: '100%', height: '100%' }} accessibilityLayer={false} margin={{ top: 4, right: 24, bottom: 4, left: 4 }}>
        <CartesianGrid stroke={GRID} horizontal={false} />
        <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={tick} tickLine={false} axisLine={{ stroke: GRID }} />
        <YAxis type="category" dataKey="label" width={116} tick={tick} tickLine={false} axisLine={false} tickFormatter={(v: string) => shortLabel(v)} />
        <Tooltip formatter={(value) => [String(value), 'Mastery']} cursor={{ fill: '#f0f3f7' }} />
        <Bar dataKey="mastery" name="Mastery" barSize={18} isAnimationActive={false} shape={toneBar([0, 4, 4, 0])} />
      </BarChart>
    </ChartFigure>
  );
}

export function ReadinessChart({ readiness }: { readiness: Progress['readiness'] }) {
  const data = readiness.map((r, i) => ({ ...r, n: String(i + 1) }));
  const ready = readiness.filter((r) => r.readiness >= 75).length;
  const caption =
    readiness.length === 0
      ? 'This loop has no stages.'
      : `Readiness per stage, out of 100, numbered in loop order as in the list below: ${String(ready)} of ${String(readiness.length)} stages ready.`;
  return (
    <ChartFigure
      caption={caption}
      height={220}
      table={
        <table>
          <caption>Readiness per stage</caption>
          <thead>
            <tr>
              <th scope="col">Stage</th>
              <th scope="col">Readiness</th>
              <th scope="col">Questions practised</th>
            </tr>
          </thead>
          <tbody>
            {readiness.map((r) => (
              <tr key={r.stage}>
                <th scope="row">{r.name}</th>
                <td>{r.readiness}</td>
                <td>
                  {r.practised} of {r.available}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <BarChart data={data} responsive style={{ width: '100%', height: '100%' }} accessibilityLayer={false} margin={{ top: 12, right: 8, bottom: 4, left: -18 }}>
        <CartesianGrid stroke={GRID} vertical={false} />
        <XAxis dataKey="n" tick={tick} tickLine={false} axisLine={{ stroke: GRID }} />
        <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={tick} tickLine={false} axisLine={false} />
        <Tooltip
          labelFormatter={(_label, payload) => {
            const first: unknown = payload[0]?.payload;
            return typeof first === 'object' && first !== null && 'name' in first && typeof first.name === 'string' ? first.name : '';
          }}
          formatter={(value) => [String(value), 'Readiness']}
          cursor={{ fill: '#f0f3f7' }}
        />
        <Bar dataKey="readiness" name="Readiness" maxBarSize={48} isAnimationActive={false} shape={toneBar([4, 4, 0, 0])} />
      </BarChart>
    </ChartFigure>
  );
}
