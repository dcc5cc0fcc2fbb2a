import { useId, useState, type ReactNode } from 'react';
import { Heading, type HeadingLevel } from './Heading.js';

/** A heading whose button shows and hides the content below it (WAI-ARIA disclosure pattern). */
export function Disclosure({ title, level, className, children }: {
  title: ReactNode;
  level: HeadingLevel;
  className?: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className={`disclosure${open ? ' is-open' : ''}${className ? ` ${className}` : ''}`}>
      <Heading level={level} className="disclosure__heading">
        <button
          type="button"
          className="disclosure__button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => {
            setOpen((o) => !o);
          }}
        >
          <span className="chevron" aria-hidden="true" />
          <span>{title}</span>
        </button>
      </Heading>
      <div id={panelId} className="disclosure__panel" hidden={!open}>
        {children}
      </div>
    </div>
  );
}
