/**
 * Finds the skills a posting asks for. One compiled pattern over every alias (longest first, so "spring boot"
 * beats "spring"); everyday words (go, react, spring, swift, r, c, ...) count only in a technical context; mentions
 * in benefits or legal boilerplate, locations and the company's own name do not count. Each skill carries its
 * evidence (offsets into the cleaned text) and whether the posting requires it or merely likes it.
 */
import type { Section, SectionKind } from './sections.js';
import { boilerplateKind, sectionAt } from './sections.js';
import type { ConceptPhrase } from './concept-phrases.js';
import { CONCEPT_SKILL_IDS, skillKind, type SkillCategory, type SkillDef, type SkillKind } from './taxonomy.js';

export interface Evidence {
  start: number;
  end: number;
  /** The matched text. */
  text: string;
  /** The sentence or bullet around it. */
  quote: string;
  section: SectionKind;
}

export interface DetectedSkill {
  id: string;
  name: string;
  category: SkillCategory;
  /** A product (PostgreSQL, Kafka) or a practice/technique/property (Scalability, Testing). */
  kind: SkillKind;
  required: boolean;
  evidence: Evidence[];
  related: string[];
}

interface AliasEntry {
  skill: SkillDef;
  /** Matching this alias is only a weak signal: the skill is ambiguous and this is its bare everyday word. */
  generic: boolean;
  /** Other skills named inside this alias as whole words ("aws lambda" names aws). */
  implies: SkillDef[];
}

export interface SkillMatcher {
  readonly skills: readonly SkillDef[];
  byId: ReadonlyMap<string, SkillDef>;
  find(text: string, sections: readonly Section[], options?: { company?: string | undefined; companies?: readonly string[]; title?: string | null | undefined }): DetectedSkill[];
}

interface Token {
  /** Lowercased token text. */
  t: string;
  /** As written. */
  raw: string;
  start: number;
  end: number;
}

/** Words (letters and digits) and single punctuation characters; hyphens separate like spaces. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}-]/gu)) {
    out.push({ t: m[0].toLowerCase(), raw: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

interface Candidate {
  tokens: string[];
  /** The alias has spaces between words (as opposed to "node.js" or "ci/cd"). */
  spaced: boolean;
  raw: string[] | null;
  entry: AliasEntry;
}

const isWord = (t: string): boolean => /^[\p{L}\p{N}]/u.test(t);

export interface MatcherOptions {
  /** Concepts named in words of the posting's own (./concept-phrases.ts). */
  conceptPhrases?: readonly ConceptPhrase[];
  /** Aliases that name a second skill too: "ai/ml" names Machine Learning as well as AI. */
  aliasImplies?: Readonly<Record<string, readonly string[]>>;
}

export function createSkillMatcher(skills: readonly SkillDef[], matcherOptions: MatcherOptions = {}): SkillMatcher {
  const byId = new Map(skills.map((s) => [s.id, s]));
  const byFirst = new Map<string, Candidate[]>();
  const seen = new Set<string>();
  const add = (alias: string, entry: AliasEntry, caseSensitive: boolean): void => {
    const toks = tokenize(alias);
    if (toks.length === 0) return;
    const key = `${caseSensitive ? 'S' : 'I'}:${toks.map((x) => (caseSensitive ? x.raw : x.t)).join(' ')}`;
    if (seen.has(key)) return;
    seen.add(key);
    const first = toks[0]?.t ?? '';
    const list = byFirst.get(first) ?? [];
    list.push({ tokens: toks.map((x) => x.t), spaced: /\s/.test(alias.trim()), raw: caseSensitive ? toks.map((x) => x.raw) : null, entry });
    byFirst.set(first, list);
  };
  const entries: AliasEntry[] = [];
  for (const skill of skills) {
    for (const alias of [skill.name, ...skill.aliases]) {
      // The bare everyday word of an ambiguous skill ("Spark", "React") needs a technical context to count.
      const generic = Boolean(skill.ambiguous) && alias.toLowerCase() === skill.name.toLowerCase();
      const entry: AliasEntry = { skill, generic, implies: [] };
      entries.push(entry);
      add(alias, entry, false);
    }
    for (const alias of skill.caseSensitiveAliases ?? []) add(alias, { skill, generic: true, implies: [] }, true);
  }
  // Whole-word skill names inside longer aliases: "azure devops" also names Azure.
  const single = new Map<string, SkillDef>();
  for (const [first, list] of byFirst) for (const c of list) if (c.tokens.length === 1 && !c.raw && !c.entry.generic && !c.entry.skill.ambiguous) single.set(first, c.entry.skill);
  for (const list of byFirst.values()) {
    for (const c of list) {
      // Only whole words of a multi-word alias ("next.js" does not name "js"), and only where the product belongs
      // to the named platform: a cloud provider's service ("aws bedrock", "gcp vertex ai") names the provider, and
      // a product named after its base ("kafka streams", "spring boot") names the base. "SQL Server" is not SQL,
      // and "Azure DevOps" is not Azure.
      if (c.tokens.length < 2 || c.raw || !c.spaced) continue;
      const first = single.get(c.tokens[0] ?? '');
      const skill = c.entry.skill;
      if (!first || first.id === skill.id || c.entry.implies.includes(first)) continue;
      // "Git Hub" is GitHub written apart, not Git plus a hub.
      if (c.tokens.join('') === skill.name.toLowerCase()) continue;
      const providerService = first.category === 'cloud' && skill.category !== 'devops';
      const sameFamily = first.category === skill.category && skill.category !== 'database' && skill.category !== 'language';
      // "Ruby on Rails" names Ruby.
      const languageFramework = first.category === 'language' && skill.category === 'backend-framework' && c.tokens.includes('on');
      if (providerService || sameFamily || languageFramework) c.entry.implies.push(first);
    }
  }
  for (const [alias, ids] of Object.entries(matcherOptions.aliasImplies ?? {})) {
    const toks = tokenize(alias).map((x) => x.t);
    for (const c of byFirst.get(toks[0] ?? '') ?? []) {
      if (c.raw || c.tokens.join(' ') !== toks.join(' ')) continue;
      for (const id of ids) {
        const implied = byId.get(id);
        if (implied && !c.entry.implies.includes(implied)) c.entry.implies.push(implied);
      }
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  const phrases = matcherOptions.conceptPhrases ?? [];

  const matchAll = (text: string, tokens: readonly Token[]): { start: number; end: number; text: string; entry: AliasEntry }[] => {
    const out: { start: number; end: number; text: string; entry: AliasEntry }[] = [];
    let i = 0;
    while (i < tokens.length) {
      const tok = tokens[i];
      const list = tok ? byFirst.get(tok.t) : undefined;
      let matched = 0;
      if (tok && list) {
        for (const c of list) {
          const n = c.tokens.length;
          if (i + n > tokens.length) continue;
          let ok = true;
          for (let k = 0; k < n && ok; k++) {
            const tk = tokens[i + k];
            if (!tk) ok = false;
            else if (c.raw ? tk.raw !== c.raw[k] : tk.t !== c.tokens[k]) ok = false;
            // Inside a multi-token alias, punctuation must be attached ("node.js", "c++", "ci/cd" may have spaces).
            else if (k > 0 && !isWord(tk.t) && (c.tokens[k] ?? '') !== '/' && tk.start !== (tokens[i + k - 1]?.end ?? -1)) ok = false;
          }
          if (!ok) continue;
          const last = tokens[i + n - 1];
          const prev = tokens[i - 1];
          const next = tokens[i + n];
          if (!last) continue;
          // Word boundaries: "asp.net" is not ".net", "c++" and "c#" are not "c", "x.react" is not "react".
          if (prev && prev.end === tok.start && (isWord(prev.t) ? !isWord(tok.t) : prev.t === '.' || prev.t === '@' || prev.t === '#' || prev.t === '_')) continue;
          // "node.js"-like continuations ("x.io", "x.net") are other names; "Git.Strong" is a missing space.
          // "IAM-III" is a certification level, not the skill.
          if (/^-(?:I{1,3}|IV)\b/.test(text.slice(last.end, last.end + 5))) continue;
          if (next && next.start === last.end && (next.t === '+' || next.t === '#' || (next.t === '.' && /^[\p{Ll}\p{N}]/u.test(text[next.end] ?? '')))) continue;
          out.push({ start: tok.start, end: last.end, text: text.slice(tok.start, last.end), entry: c.entry });
          matched = n;
          break;
        }
      }
      i += matched > 0 ? matched : 1;
    }
    return out;
  };

  return {
    skills,
    byId,
    find(text, sections, options = {}) {
      const raw = matchAll(text, tokenize(text));
      const specific = raw.filter((r) => !r.entry.generic && !r.entry.skill.ambiguous);
      const companies = [options.company, ...(options.companies ?? [])].filter((c): c is string => typeof c === 'string').map((c) => c.trim().toLowerCase());

      // How many mentions each sentence holds: a long enumeration of "areas" is a company blurb, not a requirement.
      const perSentence = new Map<number, number>();
      for (const r of raw) {
        const { qStart } = sentenceAround(text, r.start, r.end);
        perSentence.set(qStart, (perSentence.get(qStart) ?? 0) + 1);
      }
      const found = new Map<string, DetectedSkill>();
      const credit = (skill: SkillDef, ev: Evidence, required: boolean): void => {
        const prior = found.get(skill.id);
        if (prior) {
          prior.evidence.push(ev);
          prior.required ||= required;
        } else {
          found.set(skill.id, { id: skill.id, name: skill.name, category: skill.category, kind: skillKind(skill.id), required, evidence: [ev], related: skill.related.filter((r) => !r.startsWith('!')) });
        }
      };
      for (const r of raw) {
        const section = sectionAt(sections, r.start);
        const kind = section?.kind ?? 'other';
        if (kind === 'benefits' || kind === 'legal') continue;
        const { quote, qStart } = sentenceAround(text, r.start, r.end);
        if (boilerplateKind(quote) !== null) continue;
        // "http://www.example.com/java", "jobs@python.org": part of an address, not a mention.
        if (inAddress(text, r.start, r.end)) continue;
        const placeName = Boolean(r.entry.skill.ambiguous);
        if (companies.length === 0 ? isPlaceOrCompany(text, r.start, r.end, undefined, placeName) : companies.some((c) => isPlaceOrCompany(text, r.start, r.end, c, placeName))) continue;
        // "DevOps teams" are people to work with; a "scrum team" is how the work is done.
        if (r.entry.skill.category !== 'practice' && namesATeam(text, r.end, quote)) continue;
        if ((perSentence.get(qStart) ?? 0) >= 5 && AREAS_LIST.test(quote) && !REQUIREMENT_WORDS.test(quote)) continue;
        if (DEGREE.test(quote) && BLURB_CATEGORIES.has(r.entry.skill.category)) continue;
        // "a fast-paced, agile environment", "agile digital": a culture word, not a practice the job asks for.
        if (r.entry.skill.category === 'practice' && /^[\s,-]*(environment|culture|mindset|digital|organi[sz]ation|company|startup|world)\b/i.test(text.slice(r.end, r.end + 30))) continue;
        // Broad concepts in the company blurb ("fields as diverse as cybersecurity") describe the company, not the job.
        // The job title repeated in the text ("Senior Software Engineer, Data Science") names a team, not a skill.
        const titleLine = options.title ? quote.replace(/^- /, '').trim().toLowerCase() === options.title.trim().toLowerCase() : false;
        if (titleLine && BLURB_CATEGORIES.has(r.entry.skill.category)) continue;
        const blurb =
          kind === 'about' ||
          (kind === 'intro' && !quote.startsWith('- ') && !/\b(you|your|you'll|will|must|experience)\b/i.test(quote) && !DUTY.test(quote.trim())) ||
          (CONCEPT_SKILL_IDS.has(r.entry.skill.id) && !quote.startsWith('- ') && COMPANY_VOICE.test(quote.trim()) && !/\b(you|your|you'll)\b/i.test(quote));
        // "Google Cloud customers" in Google's own blurb: the company's product, not the job's stack.
        const plainSentence = !quote.startsWith('- ') && !/\b(you|your|you'll|will|must|experience)\b/i.test(quote);
        if ((blurb || plainSentence) && companies.some((c) => c.length >= 3 && r.text.toLowerCase().startsWith(`${c} `))) continue;
        if (blurb && (BLURB_CATEGORIES.has(r.entry.skill.category) || CONCEPT_SKILL_IDS.has(r.entry.skill.id)) && !LEAD_IN.test(text.slice(Math.max(qStart, r.start - 60), r.start))) continue;
        if (NOT_AROUND[r.entry.skill.id]?.test(text.slice(Math.max(qStart, r.start - 40), r.end + 40))) continue;
        // "Partner with Data Science and product": a discipline to work with, named in a collaboration sentence.
        if (DISCIPLINES.has(r.entry.skill.id) && COLLABORATE.test(quote) && !REQUIREMENT_WORDS.test(quote)) continue;
        // "site-reliability engineers", "DevOps engineers", "QA/testing staff": people, not a skill.
        if (DISCIPLINES.has(r.entry.skill.id) && /^[\s/-]*(?:[a-z]+[\s/-]+)?(?:engineers?|developers?|professionals?|specialists?|researchers?|staff|practitioners|analysts?|teams?)\b/i.test(text.slice(r.end, r.end + 30))) continue;
        const weak = r.entry.generic || Boolean(r.entry.skill.ambiguous);
        if (weak && !technicalContext(text, r, r.entry.skill, specific, quote, qStart)) continue;
        const required = kind !== 'preferred' && !NICE_TO_HAVE.test(quote);
        const ev: Evidence = { start: r.start, end: r.end, text: r.text, quote: quote.trim(), section: kind };
        credit(r.entry.skill, ev, required);
        for (const implied of r.entry.implies) credit(implied, ev, required);
      }
      // Concepts in the posting's own words, read from the lines about the job only.
      for (const rule of phrases) {
        const skill = byId.get(rule.id);
        if (!skill) continue;
        for (const m of text.matchAll(rule.pattern)) {
          const start = m.index;
          const end = start + m[0].length;
          const kind = sectionAt(sections, start)?.kind ?? 'other';
          if (kind === 'benefits' || kind === 'legal' || kind === 'about') continue;
          const { quote, qStart } = sentenceAround(text, start, end);
          if (boilerplateKind(quote) !== null || DEGREE.test(quote)) continue;
          const line = quote.trim();
          const titleLine = options.title ? line.replace(/^- /, '').toLowerCase() === options.title.trim().toLowerCase() : false;
          if (titleLine) continue;
          if (!line.startsWith('- ') && !JOB_WORDS.test(line) && !DUTY.test(line)) continue;
          if (COMPANY_VOICE.test(line.replace(/^- /, '')) || /\b(?:all areas|areas,? including|fields such as)\b/i.test(line)) continue;
          if (rule.not?.test(text.slice(Math.max(qStart, start - 40), end + 40))) continue;
          if (rule.requires && !rule.requires.test(quote)) continue;
          const target = rule.instead?.when.test(quote) ? byId.get(rule.instead.id) ?? skill : skill;
          const required = kind !== 'preferred' && !NICE_TO_HAVE.test(quote);
          credit(target, { start, end, text: m[0], quote: line, section: kind }, required);
        }
      }
      return [...found.values()].sort((a, b) => (a.evidence[0]?.start ?? 0) - (b.evidence[0]?.start ?? 0));
    },
  };
}

/** A duty written as an imperative ("Build CI/CD pipelines.", "Troubleshoot production issues."): a job line. */
const DUTY = /^(?:- )?(?:write|build|design|develop|support|manage|maintain|troubleshoot|architect|provide|implement|collaborate|create|deploy|automate|monitor|own|lead|drive|ensure|optimi[sz]e|improve|integrate|configure|administer|operate|test|debug|review|document|define|migrate|partner|participate|contribute|work|deliver|analy[sz]e|evaluate|establish|mentor|investigate|resolve|respond|scale|secure|run|ship|prototype|perform|conduct|assist|help|use|apply|identify|research|coordinate|plan|execute|oversee)\b/i;
/** A sentence in the company's voice ("Our platform…", "We are…", "Join our team…"): the company, not the job. */
const COMPANY_VOICE = /^(?:we|we're|we've|our|join|at [A-Z][\w&.-]*,|please note|this company|the company)\b/i;

/** A sentence that is about the job or the candidate rather than the company. */
const JOB_WORDS = /\b(you|your|you'll|you're|will|must|experience|ability|able to|responsib\w*|candidate|this role|the role|we're looking|seeking|strong|proficien\w*|knowledge|familiar\w*|understanding|skills?|expertise|background in)\b/i;

const NICE_TO_HAVE = /\b(a plus|is a plus|are a plus|pluses|nice[- ]to[- ]have|preferred|bonus|desirable|desired|would be (great|ideal|nice|helpful|a plus|beneficial)|not required|ideally|advantageous|is an advantage|a big plus|strongly preferred|good to have)\b|\bplus\b\W*$/i;

/** The bullet or sentence containing [start, end). */
export function sentenceAround(text: string, start: number, end: number): { quote: string; qStart: number } {
  let s = start;
  while (s > 0 && text[s - 1] !== '\n' && !(/[.!?;]/.test(text[s - 1] ?? '') && /\s/.test(text[s] ?? ''))) s--;
  let e = end;
  while (e < text.length && text[e] !== '\n' && !(/[.!?;]/.test(text[e] ?? '') && (e + 1 >= text.length || /\s/.test(text[e + 1] ?? '')))) e++;
  if (e - s > 400) {
    s = Math.max(s, start - 180);
    e = Math.min(e, end + 180);
  }
  return { quote: text.slice(s, Math.min(text.length, e + 1)), qStart: s };
}

const STATE_CODES = 'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY';
const US_STATES = new RegExp(`^,?\\s*(?:(?:${STATE_CODES})\\b(?!\\s*/)|Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|metro|area)\\b`);

function inAddress(text: string, start: number, end: number): boolean {
  let s = start;
  while (s > 0 && !/\s/.test(text[s - 1] ?? '')) s--;
  let e = end;
  while (e < text.length && !/\s/.test(text[e] ?? '')) e++;
  return /^\(?(https?:\/\/|www\.)|\S@\S/i.test(text.slice(s, e));
}

function isPlaceOrCompany(text: string, start: number, end: number, company: string | undefined, placeName: boolean): boolean {
  const after = text.slice(end, end + 30);
  const before = text.slice(Math.max(0, start - 40), start);
  // "Phoenix, AZ": only words that can be place names (the ambiguous ones); "Python, AI" is a list.
  if (placeName && US_STATES.test(after) && /^[A-Z]/.test(text[start] ?? '')) return true;
  if (/\b(located in|based in|offices? in|headquartered in|location:?|relocat\w* to|near)\s*$/i.test(before)) return true;
  if (company && company.length >= 3) {
    const word = text.slice(start, end).toLowerCase();
    if (company === word || company.startsWith(`${word} `) || company.startsWith(`${word},`)) {
      // "At Snowflake, we…" names the employer, not a skill; "experience with Snowflake" still counts.
      if (!/\b(experience|proficien\w*|knowledge|familiar\w*|skills?|using|with|in)\s+$/i.test(before)) return true;
      // "With Red Hat's growing focus…": a possessive names the company.
      if (/^['’]s\b/.test(text.slice(end, end + 3))) return true;
    }
  }
  return false;
}

/**
 * Mentions that use a skill's name for something else: AI tools one uses to code are not AI work, a servlet
 * container is not containerization, "mobile-first design" is not mobile development.
 */
const NOT_AROUND: Readonly<Record<string, RegExp>> = {
  ai: /\bai[- ](?:assisted|powered|driven|enabled|native|first|coding|prompting|tools?|assistants?|copilots?)\b|\bai (?:coding )?(?:tools|assistants)\b/i,
  'ai-agents': /\bagentic (?:coding|platforms?|tools?)\b/i,
  containerization: /\bservlet containers?\b/i,
  'mobile-development': /\bmobile-first\b/i,
  reliability: /\breliably commute\b/i,
  algorithms: /\b(?:machine learning|ml|clustering|ranking|recommendation|classification|predictive) algorithms?\b/i,
  qa: /\bquality assurance (?:and|,)? ?(?:production )?environments?\b/i,
  scalability: /\blarge[- ]scale (?:government|business|enterprise operations|operations|events|organi[sz]ations?)\b/i,
};
const DISCIPLINES = new Set(['data-science', 'devops', 'qa', 'sre', 'design-systems', 'security', 'testing']);

const BLURB_CATEGORIES = new Set(['security', 'architecture', 'practice', 'ml']);
const AREAS_LIST = /\b(areas|fields|industries|domains|sectors|disciplines)\b/i;
const REQUIREMENT_WORDS = /\b(experience|knowledge|proficien\w*|familiar\w*|expertise|skills?|you('ll| will) (use|work|build))\b/i;
/** Fields of study in a degree requirement ("a degree in Computer Science, Artificial Intelligence or Data Engineering"). */
const DEGREE = /\b(degree|bachelor'?s|master'?s|ph\.?d|major(ed)? in|field of study|fields of study|coursework|examples include)\b/i;

const COLLABORATE = /\b(collaborat\w*|partner\w*|work(s|ing)? (closely |together )?with|alongside|liais\w*|interface with|coordinat\w* with|cross-functional|groups? such as|teams? such as|reports? to)\b/i;

/** "Partner with DevOps teams", "work with engineers, QA, and data teams": a team to work with, not a skill. */
function namesATeam(text: string, end: number, quote: string): boolean {
  if (!COLLABORATE.test(quote)) return false;
  // At most a few list words between the mention and "teams": "DevOps teams", "DevOps, and data teams".
  return /^(?:\s*(?:,|&|\/|\band\b|\bor\b)?\s*[A-Za-z.+#-]+){0,3}?\s+(teams?|groups?|organi[sz]ations?|orgs?|departments?|partners|colleagues|counterparts)\b/i.test(text.slice(end, end + 50));
}

const LEAD_IN = /\b(experience|experienced|proficien\w*|expertise|fluen\w*|knowledge|skilled|skills|background|familiar\w*|programming|coding|develop\w*|written|writing|built|building|languages?|frameworks?|stack|technologies|tools?|such as|including|like|e\.g\.|using|in|with)\s*[:(]?\s*$/i;
const EVERYDAY_AFTER = /^[\s-]+(to|through|ahead|beyond|live|getters?|above|back|forward|quickly|fast|appropriately|promptly|positively|interest|consent|written|semester|break|season|term|of|a|the|an|your|our|their|it|this|that|we|you|and\s+(?:see|learn|grow))\b/i;

function technicalContext(
  text: string,
  r: { start: number; end: number; text: string; entry: AliasEntry },
  skill: SkillDef,
  specific: readonly { start: number; end: number }[],
  quote: string,
  qStart: number,
): boolean {
  const after = text.slice(r.end, r.end + 40);
  if (EVERYDAY_AFTER.test(after) && !/^[\s-]+(lang|programming)/i.test(after)) return false;
  // Cues in the sentence, or close by in a list that spans several short lines.
  const local = `${quote} ${text.slice(Math.max(0, r.start - 120), r.end + 120)}`.toLowerCase();
  if ((skill.contextCues ?? []).some((cue) => local.includes(cue.toLowerCase()))) return true;
  // A list of technologies: another unambiguous skill close by, separated only by list punctuation or "and/or".
  const sep = /^[\s,/&()|;:+•*-]*(?:\b(?:and|or|as well as|including|such as|like|plus)\b[\s,/&()|;:•*-]*)?$/i;
  for (const s of specific) {
    if (s.end <= r.start && r.start - s.end <= 60 && sep.test(text.slice(s.end, r.start))) return true;
    if (s.start >= r.end && s.start - r.end <= 60 && sep.test(text.slice(r.end, s.start))) return true;
  }
  // "experience with React", "proficiency in Go", "languages: Go".
  const before = text.slice(Math.max(qStart, r.start - 60), r.start);
  if (LEAD_IN.test(before) && /^[A-Z]/.test(r.text) && !/^\s+(to|of)\b/i.test(after)) return true;
  return false;
}
