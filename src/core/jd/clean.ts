/**
 * Normalises a scraped or pasted job posting: Markdown escapes (`\-`, `\+`, `\.`), bold markers, HTML entities and
 * stray tags, odd blank lines, bullet glyphs. The result is what every later step (and every offset) refers to.
 */
const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', rsquo: '’', lsquo: '‘',
  rdquo: '”', ldquo: '“', hellip: '…', bull: '•', middot: '·', trade: '™', reg: '®', copy: '©',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code.startsWith('#x') || code.startsWith('#X')) return safeChar(parseInt(code.slice(2), 16), whole);
    if (code.startsWith('#')) return safeChar(parseInt(code.slice(1), 10), whole);
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

function safeChar(cp: number, fallback: string): string {
  return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : fallback;
}

export function cleanPostingText(raw: string): string {
  let t = raw.replace(/\r\n?/g, '\n').split(String.fromCharCode(0)).join('');
  // Stray HTML from pasted pages: block tags become line breaks, the rest goes.
  t = t.replace(/<\s*(br|\/p|p|\/li|li|\/div|div|\/h[1-6]|h[1-6]|\/tr|tr)\b[^>]*>/gi, '\n');
  t = t.replace(/<\/?[a-z][^>]{0,200}>/gi, '');
  t = decodeEntities(t);
  // Markdown escapes as scraped: "end\-to\-end", "C\+\+", "3\.5B" (sometimes doubled).
  t = t.replace(/\\+([\\`*_{}[\]()#+\-.!&|<>~=:;'"$%@^?,/])/g, '$1');
  t = t.replace(/\*\*|__/g, '');
  t = t.replace(/[\t\u00a0\u2007\u202f]/g, ' ');
  const lines = t.split('\n').map((line) =>
    line
      .replace(/ {2,}/g, ' ')
      .trim()
      .replace(/^(?:[*•·▪◦●‣∙–—-]|\d{1,2}[.)])\s+/, '- ')
      .replace(/^#{1,6}\s+/, ''),
  );
  const out: string[] = [];
  for (const line of lines) {
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}
