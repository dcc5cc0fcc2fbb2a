import DOMPurify from 'dompurify';
import { marked, type Tokens } from 'marked';
import { useMemo } from 'react';
import type { HeadingLevel } from './Heading.js';

/**
 * Renders Markdown from the content files. Headings are shifted so the document's top heading sits at `headingBase`
 * (the page's outline stays h1 → h2 → h3), and the HTML is sanitised with DOMPurify before it reaches the DOM.
 */
export function renderMarkdown(source: string, headingBase: HeadingLevel): string {
  const tokens = marked.lexer(source, { gfm: true });
  let top = 6;
  // walkTokens returns the callbacks' results; ours are synchronous.
  void marked.walkTokens(tokens, (token) => {
    if (token.type === 'heading') top = Math.min(top, (token as Tokens.Heading).depth);
  });
  const shift = headingBase - top;
  void marked.walkTokens(tokens, (token) => {
    if (token.type === 'heading') {
      const heading = token as Tokens.Heading;
      heading.depth = Math.max(1, Math.min(6, heading.depth + shift));
    }
  });
  const html = marked.parser(tokens, { gfm: true, async: false });
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true } });
}

export function Markdown({ source, headingBase, className }: { source: string; headingBase: HeadingLevel; className?: string }) {
  const html = useMemo(() => renderMarkdown(source, headingBase), [source, headingBase]);
  return <div className={`prose${className ? ` ${className}` : ''}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
