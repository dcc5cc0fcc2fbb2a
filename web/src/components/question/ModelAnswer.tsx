import { useState } from 'react';
import { api } from '../../api.js';
import { useApi } from '../../lib/useApi.js';
import { useDisclosure } from '../../lib/useDisclosure.js';
import { Heading, deeper, type HeadingLevel } from '../common/Heading.js';
import { Markdown } from '../common/Markdown.js';
import { ErrorMessage, Loading } from '../common/Status.js';

/** The model answer is fetched only when the reader asks for it, after trying the question themselves. */
export function ModelAnswer({ id, level }: { id: string; level: HeadingLevel }) {
  const [requested, setRequested] = useState(false);
  const { open, buttonProps, panelProps } = useDisclosure(() => {
    setRequested(true);
  });
  const answer = useApi(requested ? `model-answer:${id}` : null, (signal) => api.getModelAnswer(id, signal));

  return (
    <section className="detail-section model-answer">
      <Heading level={level}>Model answer</Heading>
      {!open && (
        <p className="muted">
          Try answering first: out loud or on paper, within the time budget. Then compare your answer with this one and with the
          points above.
        </p>
      )}
      <button {...buttonProps} className="button">
        {open ? 'Hide model answer' : 'Show model answer'}
      </button>
      <div {...panelProps} className="model-answer__body">
        {answer.status === 'loading' && <Loading>Loading the model answer…</Loading>}
        {answer.status === 'error' && <ErrorMessage error={answer.error} title="Could not load the model answer" onRetry={answer.reload} />}
        {answer.status === 'success' && <Markdown source={answer.data.modelAnswer} headingBase={deeper(level)} />}
      </div>
    </section>
  );
}
