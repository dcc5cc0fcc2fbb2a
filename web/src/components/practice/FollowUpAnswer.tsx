import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { api, type ScoreResult } from '../../api.js';
import type { Level } from '../../lib/format.js';
import { wordCount } from '../../lib/practice.js';
import { useDisclosure } from '../../lib/useDisclosure.js';
import { Heading, deeper, type HeadingLevel } from '../common/Heading.js';
import { AnnotatedAnswer } from './AnnotatedAnswer.js';
import { PointLists, ScoreSummary } from './ScoreParts.js';

/**
 * "Answer the follow-up": a second, shorter answer to the interviewer's follow-up, scored against the same question's
 * rubric (POST /api/score) so it shows which of the missing points the reply adds. Nothing is recorded.
 */
export function FollowUpAnswer({ questionId, level, followUp, headingLevel }: {
  questionId: string;
  level: Level;
  followUp: ScoreResult['followUp'];
  headingLevel: HeadingLevel;
}) {
  const ids = { text: useId(), hint: useId(), error: useId(), prefix: `fu${useId().replace(/[^a-zA-Z0-9_-]/g, '')}` };
  const { open, buttonProps, panelProps } = useDisclosure();
  const [answer, setAnswer] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [scored, setScored] = useState<{ answer: string; result: ScoreResult } | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(
    () => () => {
      controller.current?.abort();
    },
    [],
  );
  useEffect(() => {
    if (open) textRef.current?.focus();
  }, [open]);
  useEffect(() => {
    if (scored) resultRef.current?.focus();
  }, [scored]);

  const submit = async (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (busy) return;
    if (!answer.trim()) {
      setError('Write your reply to the follow-up first.');
      textRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    const abort = new AbortController();
    controller.current = abort;
    try {
      const result = await api.scoreAnswer({ questionId, answer, level }, abort.signal);
      setScored({ answer, result });
    } catch (err) {
      if (abort.signal.aborted) return;
      setError(err instanceof Error ? err.message : String(err));
      textRef.current?.focus();
    } finally {
      if (!abort.signal.aborted) setBusy(false);
    }
  };

  return (
    <div className="follow-up-answer">
      <button {...buttonProps} className="button button--quiet">
        <span className="chevron" aria-hidden="true" />
        {open ? 'Hide your follow-up answer' : 'Answer the follow-up'}
      </button>
      <div {...panelProps} className="follow-up-answer__panel">
        <form className="answer-form answer-form--small" noValidate aria-busy={busy} onSubmit={(e) => void submit(e)}>
          <div className="field">
            <label htmlFor={ids.text}>Your reply to the follow-up</label>
            <p id={ids.hint} className="field__hint">
              Scored against the same question’s key points, so you can see what the reply adds. It is not recorded.
            </p>
            <textarea
              id={ids.text}
              ref={textRef}
              className="input answer-form__text"
              rows={6}
              maxLength={20_000}
              value={answer}
              aria-describedby={error ? `${ids.hint} ${ids.error}` : ids.hint}
              aria-invalid={error ? true : undefined}
              onChange={(e) => {
                setAnswer(e.target.value);
                setError(undefined);
              }}
            />
            <p className="field__hint answer-form__count">{wordCount(answer)} words</p>
          </div>
          <div role="alert" className="answer-form__alert">
            {error && (
              <p className="inline-error" id={ids.error}>
                {error}
              </p>
            )}
          </div>
          <div className="answer-form__actions">
            <button type="submit" className="button" aria-disabled={busy || undefined}>
              {busy && <span className="spinner spinner--light" aria-hidden="true" />}
              {busy ? 'Scoring…' : 'Score my reply'}
            </button>
          </div>
        </form>
        {scored && (
          <section className="follow-up-result" aria-labelledby={`${ids.prefix}-result`}>
            <Heading level={headingLevel} id={`${ids.prefix}-result`} className="follow-up-result__title" ref={resultRef} tabIndex={-1}>
              Your follow-up reply
            </Heading>
            <p className="muted">Aimed at: {followUp.aimedAt}</p>
            <ScoreSummary result={scored.result} compact />
            <AnnotatedAnswer answer={scored.answer} result={scored.result} prefix={ids.prefix} label="Your reply, annotated" />
            <PointLists result={scored.result} prefix={ids.prefix} level={deeper(headingLevel)} />
          </section>
        )}
      </div>
    </div>
  );
}
