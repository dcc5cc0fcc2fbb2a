import type { ReactNode } from 'react';
import { useDisclosure } from '../../lib/useDisclosure.js';
import { Heading, type HeadingLevel } from './Heading.js';

/** A heading whose button shows and hides the content below it (WAI-ARIA disclosure pattern). */
export function Disclosure({ title, level, className, children }: {
  title: ReactNode;
  level: HeadingLevel;
  className?: string;
  children: ReactNode;
}) {
  const { open, buttonProps, panelProps } = useDisclosure();
  return (
    <div className={`disclosure${open ? ' is-open' : ''}${className ? ` ${className}` : ''}`}>
      <Heading level={level} className="disclosure__heading">
        <button {...buttonProps} className="disclosure__button">
          <span className="chevron" aria-hidden="true" />
          <span>{title}</span>
        </button>
      </Heading>
      <div {...panelProps} className="disclosure__panel">
        {children}
      </div>
    </div>
  );
}
