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

/**
 * Skills that are practices, techniques or properties rather than products (Scalability, Testing, API Design, ETL).
 * A posting asks for them in words of its own ("build scalable services"), so they are read from the lines about
 * the job only; a product name (PostgreSQL, Kafka) counts wherever the posting names it as a skill.
 */
export const CONCEPT_SKILL_IDS: ReadonlySet<string> = new Set([
  // architecture: every entry is a concept
  'consistent-hashing', 'consistency', 'service-discovery', 'iot', 'event-driven', 'event-sourcing', 'cqrs', 'payments',
  'microservices', 'soa', 'distributed-systems', 'system-design', 'software-architecture', 'design-patterns', 'oop',
  'functional-programming', 'domain-driven-design', 'clean-architecture', 'caching', 'load-balancing', 'scalability',
  'reliability', 'availability', 'disaster-recovery', 'resilience-patterns', 'consensus', 'distributed-transactions',
  'concurrency', 'async-programming', 'multi-tenancy', 'saas', 'low-latency', 'performance-optimization', 'estimation',
  'dns', 'tcp-ip', 'data-structures', 'algorithms', 'complexity-analysis', 'hash-maps', 'arrays', 'strings',
  'linked-lists', 'trees', 'heaps', 'graphs', 'sorting', 'binary-search', 'recursion', 'dynamic-programming',
  // practice: every entry is a concept
  'feature-flags', 'tdd', 'solid-principles', 'agile', 'scrum', 'kanban', 'safe', 'sdlc', 'code-review',
  'pair-programming', 'clean-code', 'refactoring', 'trunk-based-development', 'version-control', 'debugging',
  'incident-response', 'documentation', 'open-source', 'devex',
  'testing', 'unit-testing', 'integration-testing', 'e2e-testing', 'bdd', 'qa', 'load-testing', 'contract-testing',
  'chaos-engineering',
  'observability', 'monitoring', 'logging', 'distributed-tracing', 'apm', 'slo',
  'api-design', 'pagination', 'versioning', 'rate-limiting', 'idempotency', 'webhooks',
  'security', 'authentication', 'authorization', 'encryption', 'web-security', 'penetration-testing',
  'vulnerability-management', 'threat-modeling', 'devsecops', 'network-security', 'zero-trust', 'cloud-security',
  'compliance',
  'etl', 'data-pipelines', 'stream-processing', 'batch-processing', 'cdc', 'data-quality', 'data-governance',
  'data-warehousing', 'data-lakes', 'statistics', 'ab-testing', 'data-visualization', 'business-intelligence', 'olap',
  'relational-databases', 'nosql', 'search', 'graph-databases', 'time-series-databases', 'vector-databases',
  'data-modeling', 'indexing', 'query-optimization', 'transactions', 'isolation-levels', 'locking', 'replication',
  'sharding', 'migrations', 'orm', 'stored-procedures',
  'machine-learning', 'deep-learning', 'ai', 'data-science', 'llm', 'generative-ai', 'prompt-engineering', 'rag',
  'embeddings', 'ai-agents', 'llm-evaluation', 'llm-inference', 'fine-tuning', 'nlp', 'computer-vision',
  'feature-engineering', 'recommender-systems', 'reinforcement-learning', 'time-series-forecasting', 'mlops',
  'gradient-boosting',
  'cloud', 'multi-cloud', 'serverless', 'finops', 'cdn', 'edge-computing', 'autoscaling',
  'devops', 'sre', 'containerization', 'iac', 'ci-cd', 'gitops', 'deployment-strategies', 'service-mesh',
  'message-queues', 'pub-sub',
  'design-systems', 'accessibility', 'responsive-design', 'web-performance', 'server-side-rendering', 'pwa',
  'micro-frontends', 'i18n', 'dom', 'web-components', 'css-in-js',
  'mobile-development', 'embedded-systems', 'operating-systems', 'virtualization', 'rtos',
  'monorepo', 'command-line', 'regex',
]);

export type SkillKind = 'technology' | 'concept';
export const skillKind = (id: string): SkillKind => (CONCEPT_SKILL_IDS.has(id) ? 'concept' : 'technology');
