/**
 * Turns what a user typed into a PostgreSQL tsquery text with prefix matching: "idempot retr" becomes
 * "idempot:* & retr:*", so results appear while typing. Words shorter than three characters match only whole
 * words (a one-letter prefix would match everything). Only letters and digits survive, so no input can inject
 * tsquery operators. Returns null when nothing searchable is left.
 */
export function toPrefixTsQuery(input: string, maxTerms = 12): string | null {
  const terms = (input.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, maxTerms);
  if (terms.length === 0) return null;
  return [...new Set(terms)].map((t) => (t.length >= 3 ? `${t}:*` : t)).join(' & ');
}
