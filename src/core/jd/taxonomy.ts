/**
 * The skill taxonomy: technologies and concepts a posting can ask for, each with aliases, a category and related
 * skills. Pure data plus types; the matcher (./skills.ts) decides what counts as a mention.
 */
export const SKILL_CATEGORIES = [
  'language',
  'frontend',
  'backend-framework',
  'mobile',
  'database',
  'data',
  'ml',
  'cloud',
  'devops',
  'observability',
  'messaging',
  'api',
  'security',
  'testing',
  'architecture',
  'practice',
  'tool',
  'os',
] as const;
export type SkillCategory = (typeof SKILL_CATEGORIES)[number];

export interface SkillDef {
  /** Stable kebab-case id, also used in question `skills` (e.g. "postgresql", "go", "ci-cd"). */
  id: string;
  /** Canonical display name (e.g. "PostgreSQL", "Go", "CI/CD"). */
  name: string;
  category: SkillCategory;
  /**
   * Phrases matched case-insensitively on word boundaries, besides the name (e.g. "postgres", "psql").
   * Write them as they appear in postings; punctuation inside is kept ("node.js", "c#", "ci/cd").
   */
  aliases: string[];
  /**
   * Phrases matched only with this exact case (e.g. "Go" for go, "R" for r, "C" for c). For everyday words the
   * case-insensitive `aliases` must not include the bare word.
   */
  caseSensitiveAliases?: string[];
  /**
   * The skill's name is also an everyday word, place, or company (go, react, express, spring, swift, rust, chef,
   * spark, phoenix, snowflake, r, c, ...): a mention counts only in a technical context (see ./skills.ts).
   */
  ambiguous?: boolean;
  /** Words that, near an ambiguous mention, make it technical (e.g. for spark: "pyspark", "databricks", "etl"). */
  contextCues?: string[];
  /** Ids of related skills (a plan can suggest them; a gap can point to them). */
  related: string[];
}
