import type { ReactNode, Ref } from 'react';

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

export const deeper = (level: HeadingLevel): HeadingLevel => (level >= 6 ? 6 : ((level + 1) as HeadingLevel));

/** `ref` and `tabIndex={-1}` make a heading a target for moving focus (after a submit, on the next question). */
export function Heading({ level, id, className, tabIndex, ref, children }: {
  level: HeadingLevel;
  id?: string;
  className?: string;
  tabIndex?: number;
  ref?: Ref<HTMLHeadingElement>;
  children: ReactNode;
}) {
  const Tag = `h${level}` as const;
  return (
    <Tag id={id} className={className} tabIndex={tabIndex} ref={ref}>
      {children}
    </Tag>
  );
}
