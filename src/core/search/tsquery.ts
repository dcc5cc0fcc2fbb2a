/**
 * Turns what a user typed into a PostgreSQL tsquery text with prefix matching: "idempot retr" becomes
 * "idempot:* & retr:*", so results appear while typing. Only letters and digits survive, so no input can
 * inject tsquery operators. Returns null when nothing searchable is left.
 */
export function toPrefixTsQuery(input: string, maxTerms = 12): string | null {
  const terms = (input.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, maxTerms);
  if (terms.length === 0) return null;
  return [...new Set(terms)].map((t) => `${t}:*`).join(' & ');
}
