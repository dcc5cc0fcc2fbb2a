import { Fragment, useId, useMemo } from 'react';
import type { ScoreResult } from '../../api.js';
import { annotate, type Annotation } from '../../lib/highlight.js';

/** The ids of the explanations the marks point to: hits and mistakes are listed under the answer. */
export const hitTarget = (prefix: string, index: number): string => `${prefix}-hit-${String(index + 1)}`;
export const mistakeTarget = (prefix: string, index: number): string => `${prefix}-mistake-${String(index + 1)}`;

export function annotationsOf(result: ScoreResult, prefix: string): Annotation[] {
  return [
    ...result.hits.map((h, i) => ({
      kind: 'hit' as const,
      key: `hit-${h.id}`,
      ref: String(i + 1),
      label: h.point,
      target: hitTarget(prefix, i),
      start: h.quote.start,
      end: h.quote.end,
      text: h.quote.text,
    })),
    ...result.mistakes.map((m, i) => ({
      kind: 'mistake' as const,
      key: `mistake-${m.id}`,
      ref: `M${String(i + 1)}`,
      label: m.mistake,
      target: mistakeTarget(prefix, i),
      start: m.quote.start,
      end: m.quote.end,
      text: m.quote.text,
    })),
  ];
}

const describe = (a: Annotation): string => `${a.kind === 'hit' ? `Key point ${a.ref}` : `Mistake ${a.ref.slice(1)}`}: ${a.label}`;

/**
 * The answer as written, with the sentences that earned a rubric point marked (and numbered like the list of points
 * below), and the sentences that sound like a common mistake marked differently. Each mark ends with a link to its
 * explanation, whose text says what the mark is for screen readers and touch screens; the mark's title says it on hover.
 */
export function AnnotatedAnswer({ answer, result, prefix, label = 'Your answer, annotated' }: {
  answer: string;
  result: ScoreResult;
  prefix: string;
  label?: string;
}) {
  const runs = useMemo(() => annotate(answer, annotationsOf(result, prefix)), [answer, result, prefix]);
  const marked = runs.some((r) => r.covering.length > 0);
  const labelId = useId();
  return (
    <figure className="annotated" aria-labelledby={labelId}>
      <figcaption className="annotated__caption">
        <span className="label" id={labelId}>
          {label}
        </span>
        {marked ? (
          <span className="annotated__legend">
            <span className="legend legend--hit">
              <span className="legend__swatch" aria-hidden="true" />
              key point made
            </span>
            <span className="legend legend--mistake">
              <span className="legend__swatch" aria-hidden="true" />
              sounds like a common mistake
            </span>
          </span>
        ) : (
          <span className="muted"> Nothing in it matched a key point yet.</span>
        )}
      </figcaption>
      <blockquote className="annotated__text">
        {runs.map((run) => {
          const kinds = new Set(run.covering.map((a) => a.kind));
          const kind = kinds.size === 2 ? 'both' : kinds.has('mistake') ? 'mistake' : 'hit';
          return (
            <Fragment key={run.start}>
              {run.covering.length === 0 ? (
                run.text
              ) : (
                <mark className={`answer-mark answer-mark--${kind}`} title={run.covering.map(describe).join('\n')} data-refs={run.covering.map((a) => a.ref).join(' ')}>
                  {run.text}
                </mark>
              )}
              {run.ending.map((a) => (
                <a key={a.key} href={`#${a.target}`} className={`answer-ref answer-ref--${a.kind}`}>
                  <span aria-hidden="true">{a.ref}</span>
                  <span className="sr-only"> ({describe(a)})</span>
                </a>
              ))}
            </Fragment>
          );
        })}
      </blockquote>
    </figure>
  );
}
