/**
 * Is this posting in English? A stopword vote: Loopcoach's analysis (aliases, cue words, headings) is English, so a
 * posting in another language gets a clear error rather than a confident-looking empty analysis.
 */
const STOPWORDS: Record<string, readonly string[]> = {
  English: ['the', 'and', 'to', 'of', 'with', 'you', 'for', 'in', 'our', 'we', 'will', 'is', 'are', 'a', 'experience', 'your', 'on', 'as', 'be', 'team'],
  Spanish: ['el', 'la', 'de', 'que', 'y', 'en', 'los', 'del', 'las', 'por', 'con', 'para', 'una', 'experiencia', 'conocimientos', 'es', 'se', 'al', 'como', 'trabajo'],
  French: ['le', 'la', 'les', 'des', 'et', 'en', 'du', 'une', 'pour', 'dans', 'vous', 'nous', 'est', 'avec', 'sur', 'au', 'expérience', 'poste', 'vos', 'aux'],
  German: ['der', 'die', 'und', 'das', 'mit', 'für', 'wir', 'sie', 'ist', 'von', 'zu', 'den', 'ein', 'eine', 'auf', 'im', 'dem', 'des', 'bei', 'erfahrung'],
  Portuguese: ['de', 'e', 'o', 'a', 'que', 'em', 'para', 'com', 'os', 'do', 'da', 'dos', 'das', 'uma', 'experiência', 'conhecimento', 'você', 'ao', 'na', 'no'],
  Italian: ['il', 'di', 'e', 'la', 'che', 'per', 'con', 'del', 'della', 'un', 'una', 'sono', 'nel', 'esperienza', 'gli', 'le', 'dei', 'alla', 'conoscenza', 'lavoro'],
  Dutch: ['de', 'het', 'een', 'en', 'van', 'je', 'met', 'voor', 'op', 'wij', 'jij', 'zijn', 'ervaring', 'bij', 'naar', 'ons', 'als', 'kennis', 'werk', 'niet'],
};

export interface LanguageGuess {
  language: string;
  english: boolean;
  /** Share of words that are stopwords of the winning language. */
  confidence: number;
}

export function detectLanguage(text: string): LanguageGuess {
  const words = (text.toLowerCase().match(/\p{L}+/gu) ?? []).slice(0, 3000);
  if (words.length < 20) return { language: 'English', english: true, confidence: 0 };
  const scores = Object.entries(STOPWORDS).map(([language, list]) => {
    const set = new Set(list);
    return { language, hits: words.filter((w) => set.has(w)).length };
  });
  scores.sort((a, b) => b.hits - a.hits);
  const best = scores[0] ?? { language: 'English', hits: 0 };
  const english = scores.find((s) => s.language === 'English')?.hits ?? 0;
  // English postings often quote foreign words; call it foreign only when another language clearly dominates.
  const isEnglish = best.language === 'English' || english >= best.hits * 0.6;
  return { language: isEnglish ? 'English' : best.language, english: isEnglish, confidence: best.hits / words.length };
}
