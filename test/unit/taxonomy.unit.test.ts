import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SKILLS } from '../../src/core/jd/skills-data.js';
import { SKILL_CATEGORIES } from '../../src/core/jd/taxonomy.js';

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ids = new Set(SKILLS.map((s) => s.id));

/** Phrases matched case-insensitively for a skill: its name and aliases, lowercased and trimmed. */
function phrases(s: (typeof SKILLS)[number]): Set<string> {
  return new Set([s.name, ...s.aliases].map((p) => p.trim().toLowerCase()));
}

describe('the skill taxonomy', () => {
  it('covers at least 320 skills', () => {
    assert.ok(SKILLS.length >= 320, `only ${SKILLS.length} skills`);
  });

  it('has unique kebab-case ids and unique names', () => {
    const dupIds = SKILLS.map((s) => s.id).filter((id, i, all) => all.indexOf(id) !== i);
    assert.deepEqual(dupIds, []);
    assert.deepEqual(SKILLS.filter((s) => !KEBAB.test(s.id)).map((s) => s.id), []);
    const names = SKILLS.map((s) => s.name.toLowerCase());
    assert.deepEqual(names.filter((n, i) => names.indexOf(n) !== i), []);
  });

  it('includes every id the question files rely on', () => {
    const required = [
      'python', 'java', 'go', 'javascript', 'typescript', 'csharp', 'dotnet', 'cpp', 'c', 'rust', 'ruby', 'php', 'kotlin',
      'swift', 'scala', 'r', 'sql', 'bash', 'nodejs', 'react', 'angular', 'vue', 'nextjs', 'spring', 'spring-boot', 'django',
      'flask', 'fastapi', 'express', 'rails', 'aspnet', 'postgresql', 'mysql', 'sql-server', 'oracle-db', 'mongodb', 'redis',
      'cassandra', 'dynamodb', 'elasticsearch', 'nosql', 'snowflake', 'bigquery', 'spark', 'kafka', 'rabbitmq', 'airflow', 'dbt',
      'aws', 'azure', 'gcp', 'docker', 'kubernetes', 'terraform', 'ansible', 'helm', 'jenkins', 'github-actions', 'gitlab-ci',
      'ci-cd', 'git', 'linux', 'rest', 'graphql', 'grpc', 'microservices', 'distributed-systems', 'system-design', 'event-driven',
      'message-queues', 'caching', 'data-modeling', 'api-design', 'concurrency', 'multi-tenancy', 'idempotency', 'rate-limiting',
      'observability', 'prometheus', 'grafana', 'datadog', 'opentelemetry', 'machine-learning', 'deep-learning', 'llm', 'pytorch',
      'tensorflow', 'pandas', 'agile', 'scrum', 'tdd', 'unit-testing', 'security', 'oauth', 'authentication', 'authorization',
      'transactions', 'isolation-levels', 'indexing', 'query-optimization', 'replication', 'sharding', 'consistency', 'reliability',
      'scalability', 'incident-response', 'data-structures', 'algorithms',
    ];
    assert.deepEqual(required.filter((id) => !ids.has(id)), []);
  });

  it('gives the canonical names the questions and UI expect', () => {
    const byId = new Map(SKILLS.map((s) => [s.id, s.name]));
    const expected: Record<string, string> = {
      csharp: 'C#', dotnet: '.NET', cpp: 'C++', c: 'C', r: 'R', nodejs: 'Node.js', express: 'Express', rails: 'Ruby on Rails',
      aspnet: 'ASP.NET', 'sql-server': 'SQL Server', 'oracle-db': 'Oracle Database', nosql: 'NoSQL', spark: 'Spark',
      kafka: 'Kafka', aws: 'AWS', azure: 'Azure', gcp: 'GCP', 'ci-cd': 'CI/CD', rest: 'REST', llm: 'LLMs',
      spring: 'Spring', 'spring-boot': 'Spring Boot',
    };
    for (const [id, name] of Object.entries(expected)) assert.equal(byId.get(id), name, id);
  });

  it('maps every phrase (name or alias, any case) to exactly one skill', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const s of SKILLS) {
      for (const p of phrases(s)) {
        const prev = owner.get(p);
        if (prev !== undefined && prev !== s.id) clashes.push(`"${p}": ${prev} vs ${s.id}`);
        else owner.set(p, s.id);
      }
    }
    assert.deepEqual(clashes, []);
  });

  it('gives each case-sensitive alias to one skill, never as a case-insensitive alias of that skill', () => {
    const owner = new Map<string, string>();
    const problems: string[] = [];
    for (const s of SKILLS) {
      for (const a of s.caseSensitiveAliases ?? []) {
        const prev = owner.get(a);
        if (prev !== undefined) problems.push(`"${a}": ${prev} vs ${s.id}`);
        owner.set(a, s.id);
        if (s.aliases.includes(a.toLowerCase())) problems.push(`${s.id}: "${a}" is also a case-insensitive alias`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('writes aliases and context cues lowercase, trimmed and non-empty', () => {
    const bad: string[] = [];
    for (const s of SKILLS) {
      for (const p of [...s.aliases, ...(s.contextCues ?? [])]) {
        if (p !== p.trim().toLowerCase() || p.length === 0 || p.includes('\\')) bad.push(`${s.id}: "${p}"`);
      }
    }
    assert.deepEqual(bad, []);
  });

  it('keeps the bare single-letter and everyday-word languages out of case-insensitive aliases', () => {
    const byId = new Map(SKILLS.map((s) => [s.id, s]));
    for (const [id, bare] of [['go', 'go'], ['r', 'r'], ['c', 'c']] as const) {
      const s = byId.get(id);
      assert.ok(s, id);
      assert.ok(!s.aliases.includes(bare), `${id} has bare "${bare}" as an alias`);
      assert.ok(s.caseSensitiveAliases?.includes(bare.toUpperCase().slice(0, 1) + bare.slice(1)), `${id} lacks its case-sensitive form`);
    }
    const node = byId.get('nodejs');
    assert.ok(node && !node.aliases.includes('node'), 'bare "node" is ambiguous');
  });

  it('points related ids at existing skills other than itself', () => {
    const bad: string[] = [];
    for (const s of SKILLS) {
      if (s.related.length === 0) bad.push(`${s.id}: no related skills`);
      if (new Set(s.related).size !== s.related.length) bad.push(`${s.id}: duplicate related ids`);
      for (const r of s.related) {
        if (r === s.id) bad.push(`${s.id}: related to itself`);
        else if (!ids.has(r)) bad.push(`${s.id}: unknown related id "${r}"`);
      }
    }
    assert.deepEqual(bad, []);
  });

  it('gives every ambiguous skill context cues, and cues only to ambiguous skills', () => {
    const bad = SKILLS.filter((s) => (s.ambiguous === true) !== (s.contextCues !== undefined && s.contextCues.length > 0));
    assert.deepEqual(bad.map((s) => s.id), []);
    const mustBeAmbiguous = ['go', 'react', 'express', 'spring', 'swift', 'rust', 'chef', 'spark', 'phoenix', 'snowflake', 'r', 'c', 'rest', 'helm'];
    const byId = new Map(SKILLS.map((s) => [s.id, s]));
    assert.deepEqual(mustBeAmbiguous.filter((id) => byId.get(id)?.ambiguous !== true), []);
  });

  it('uses cues that are not hidden inside everyday words (the matcher looks for cues as substrings)', () => {
    // Ordinary job-posting prose with no technology in it: no cue may occur here, or every ambiguous mention near such
    // prose would count ("rust" in "trust", "api" in "rapid", "ios" in "scenarios", "hive" in "archive", ...).
    const everyday = [
      'We trust our people, and the rest of the team will help you settle in quickly with a quick guide to build on.',
      'Our rapid growth in capital markets means scenarios, portfolios and industries change; a scalable business.',
      'Our therapists, William, Robert and Samantha, felt the belt of a cargo alarm at the pharmacy farm in Kansas.',
      'Meanings, restaurants, a fortune to observe and reserve, a bootcamp, the latest contest, an archive of outputs.',
      'An automobile, a cross-functional lesson from our professor, a hyperlink, a superlative, cardiac care, the laws and flaws.',
      'Definitely define attention to detail; role models, recipes, the United States, org charts and a notion of sales',
      'pipelines and channels, marketing automation, business administration, responsive to customers, scripts and manuscripts,',
      'an airport terminal, dashboards of metrics, distributed teams, video production, reward systems, a framework, tools,',
      'best practices, complexity, being proficient in Spanish, gender identity, roles, policies, a glue person, tables, space,',
      'pineapple juice, argon gas, data-driven culture, the office, and ambition.',
    ].join(' ').toLowerCase();
    const bad: string[] = [];
    for (const s of SKILLS) {
      for (const cue of s.contextCues ?? []) {
        if (cue.length < 3 && /^[a-z]+$/.test(cue)) bad.push(`${s.id}: "${cue}" is too short`);
        else if (everyday.includes(cue)) bad.push(`${s.id}: "${cue}" occurs in everyday prose`);
      }
    }
    assert.deepEqual(bad, []);
  });

  it('uses only known categories', () => {
    const known = new Set<string>(SKILL_CATEGORIES);
    assert.deepEqual(SKILLS.filter((s) => !known.has(s.category)).map((s) => `${s.id}: ${s.category}`), []);
  });
});
