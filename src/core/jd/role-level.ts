/**
 * Role family and level, each with the evidence that decided it. The title is the strongest signal; the text
 * (years of experience, scope words, the skills it asks for) decides when the title is generic.
 */
import type { Level } from '../content/schema.js';
import type { DetectedSkill } from './skills.js';

export const ROLE_FAMILIES = [
  'backend', 'frontend', 'full-stack', 'mobile', 'sre', 'data-engineering', 'data-science', 'ml', 'security', 'engineering-manager', 'other',
] as const;
export type RoleFamily = (typeof ROLE_FAMILIES)[number];

export interface Decision<T> {
  value: T;
  evidence: string[];
}

const TITLE_RULES: [RoleFamily, RegExp][] = [
  // Titles that name a non-software family outright, before any software word in them can mislead.
  ['other', /\b(physical security|documentation engineer|technical writer|enterprise architect|solutions? architect|sales engineer|field engineer|support engineer|project engineer|power platform|outsystems|low-code|no-code|dynamics 365|sharepoint|salesforce|servicenow|mainframe|cobol)\b/i],
  // A frontend and a backend technology in one title: "React and Node.js developer".
  ['full-stack', /^(?!.*\b(ui|ux|front[- ]?end|back[- ]?end)\b).*(\b(react|angular|vue)\b.*\b(node(\.js)?|java|python|\.net|c#|django|rails|spring)\b|\b(node(\.js)?|java|python|\.net|c#|django|rails|spring)\b.*\b(react|angular|vue)\b)/i],
  ['engineering-manager', /\b(engineering manager|manager,? (software )?engineering|software (development |engineering )?manager|development manager|head of (software |platform |data )?engineering|director,? (of )?(software |platform )?engineering|(software |platform )?engineering director|vp,? (of )?engineering|vice president,? (of )?engineering|engineering lead manager)\b/i],
  ['security', /\b(security|appsec|devsecops|penetration|pentest|cyber|secops|threat|vulnerability|soc analyst|iam engineer|identity engineer)\b/i],
  // Administering infrastructure, or building developers' tools and build systems, is platform work.
  ['sre', /^(?!.*\bdata engineer).*\b(infrastructure\b.*\badministrator|systems? admin(istrator)?|developer (tools|tooling|productivity|experience|infrastructure)|tools engineer|build systems? engineer)\b/i],
  ['ml', /\b(machine learning|ml engineer|mle|ml ops|mlops|ml platform|\bml\b|deep learning|computer vision|nlp|natural language|llm|genai|gen ai|generative ai|ai engineer|agentic|ai (solutions?|applications?|product) (engineer|developer)|ai\/ml|ml\/ai|ai (platform|infrastructure|software|developer|researcher|scientist|specialist|training|models?|systems|research)|software (engineer|developer)\b.*\bdata science|applied scientist|research scientist|research engineer)\b/i],
  ['data-science', /\b(data scien\w*|data analyst|analytics manager|statistician|quantitative (analyst|researcher)|decision scien\w*|business intelligence analyst|product analyst|insights analyst)\b/i],
  ['data-engineering', /\b(data engineer\w*|etl|big data|analytics engineer|data warehouse|bi (engineer|developer)|data infrastructure|data (pipeline|integration) engineer|database (engineer|developer|administrator)|dba)\b/i],
  ['sre', /\b(sre|site reliability|devops|dev ops|platform engineer\w*|data platform|infrastructure|cloud engineer|cloud (infrastructure|platform|operations)|production engineer|release engineer|build engineer|systems engineer|kubernetes|reliability engineer|linux (engineer|administrator)|systems administrator|network engineer)\b/i],
  ['mobile', /\b(ios|android|mobile|react native|flutter|swift developer|kotlin developer)\b/i],
  ['full-stack', /\b(full[- ]?stack|fullstack)\b/i],
  ['frontend', /\b(front[- ]?end|frontend|ui engineer|ui developer|ux engineer|web developer|react (developer|engineer)|angular (developer|engineer)|javascript (developer|engineer)|web engineer)\b/i],
  ['backend', /\b(back[- ]?end|backend|server[- ]side|api (developer|engineer)|java (developer|engineer)|python (developer|engineer)|golang|go (developer|engineer)|\.net (developer|engineer)|c# (developer|engineer)|node(\.js)? (developer|engineer)|ruby (developer|engineer)|php (developer|engineer)|scala (developer|engineer)|distributed systems|payments engineer)\b/i],
  ['other', /\b(qa|quality (assurance|engineer)|test (engineer|automation)|sdet|embedded|firmware|hardware|fpga|asic|electrical|mechanical|product manager|product owner|program manager|project manager|designer|technical writer|support|solutions (architect|engineer)|sales|customer|consultant|scrum master|business analyst|salesforce|servicenow|sap\b|erp|rpa|technician|recruiter|controls engineer|robotics|game developer|unity|unreal)\b/i],
];

const PEOPLE_MANAGEMENT = /\b(direct reports|people management|coach(es|ing)? and direct|direct(s|ing)? (the |a )?teams?|lead and develop (a |the )?team|manag(e|ing) (a |the )?(team|teams|group) of|manag(e|ing) (technical |engineering )?teams|hire,? (develop|coach|mentor)|performance reviews|build and lead (a |the )?team|lead(ing)? a team of \d+)/i;

const GENERIC_TITLE = /\b(software|developer|engineer|engineering|programmer|swe|sde|architect|technical lead|tech lead|coder|intern|internship)\b/i;

export function detectRole(title: string | undefined, skills: readonly DetectedSkill[], text: string): Decision<RoleFamily> {
  const t = (title ?? '').trim();
  // "Consultant - Manager", "Manager, Platform": a manager title whose duties are managing engineers.
  if (/\bmanager\b/i.test(t) && !/\b(product|program|project|account|marketing|sales|office|case|data)\s+manager\b/i.test(t) && PEOPLE_MANAGEMENT.test(text)) {
    return { value: 'engineering-manager', evidence: [`title "${t}" is a manager title`, 'the posting describes managing engineers'] };
  }
  if (t) {
    for (const [family, re] of TITLE_RULES) {
      const m = re.exec(t);
      if (!m) continue;
      // A one-sided title whose required skills clearly span both sides is full-stack work.
      const required = (cats: readonly string[]): DetectedSkill[] => skills.filter((s) => s.required && cats.includes(s.category));
      const fe = required(['frontend']);
      const be = required(['backend-framework', 'database']);
      const namesASide = /back|front|server|\bui\b|ux/i.test(m[0]);
      const uiFramework = fe.some((s) => ['react', 'angular', 'vue', 'svelte', 'nextjs', 'angularjs'].includes(s.id));
      if (family === 'backend' && !namesASide && (fe.length >= 2 || uiFramework)) {
        return { value: 'full-stack', evidence: [`title "${t}" names ${m[0]}`, `but it requires frontend work too: ${fe.map((s) => s.name).join(', ')}`] };
      }
      if (family === 'frontend' && !namesASide && be.length >= 2) {
        return { value: 'full-stack', evidence: [`title "${t}" names ${m[0]}`, `but it requires backend work too: ${be.map((s) => s.name).join(', ')}`] };
      }
      return { value: family, evidence: [`title "${t}" names ${m[0]}`] };
    }
  }
  // A generic title ("Software Engineer"), or none: weigh what the posting asks for. Required UI framework work and
  // required server-side work together make it full-stack.
  const req = (cats: readonly string[]): DetectedSkill[] => skills.filter((s) => s.required && cats.includes(s.category));
  const uiRequired = req(['frontend']).some((s) => ['react', 'angular', 'vue', 'svelte', 'nextjs', 'angularjs'].includes(s.id));
  const serverRequired = req(['backend-framework', 'database']).length > 0 || skills.some((s) => s.required && ['nodejs', 'csharp', 'java', 'python', 'go', 'dotnet'].includes(s.id));
  if ((!t || GENERIC_TITLE.test(t)) && uiRequired && serverRequired) {
    return { value: 'full-stack', evidence: [t ? `generic title "${t}"` : 'no title', 'it requires both UI framework and server-side work'] };
  }
  const score: Record<string, number> = {};
  const add = (family: RoleFamily, n: number): void => {
    score[family] = (score[family] ?? 0) + n;
  };
  for (const s of skills) {
    const w = s.required ? 1 : 0.5;
    if (s.category === 'frontend') add('frontend', w * 1.2);
    else if (s.category === 'mobile') add('mobile', w * 2);
    else if (s.category === 'ml') add('ml', w);
    else if (s.category === 'data') add('data-engineering', w * 0.8);
    else if (s.category === 'backend-framework' || s.category === 'database' || s.category === 'messaging' || s.category === 'api') add('backend', w);
    else if (s.category === 'devops' || s.category === 'cloud' || s.category === 'observability') add('sre', w * 0.35);
    else if (s.category === 'language' && ['javascript', 'typescript', 'html', 'css'].includes(s.id)) add('frontend', w * 0.3);
    else if (s.category === 'language') add('backend', w * 0.5);
  }
  const lower = text.toLowerCase();
  // "problems across the full-stack" is a company's stock phrase, not full-stack work.
  if (/\bfull[- ]?stack\b/.test(lower.replace(/\bacross the (?:full|whole|entire)[- ]?stack\b/g, ''))) add('full-stack', 2);
  if (/\b(back[- ]?end|server[- ]side|apis?|microservices?|distributed systems)\b/.test(lower)) add('backend', 1.5);
  const fe = score.frontend ?? 0;
  const be = score.backend ?? 0;
  if (fe >= 2 && be >= 2) add('full-stack', Math.min(fe, be));
  const ranked = Object.entries(score).sort((a, b) => b[1] - a[1]);
  const best = ranked[0];
  if (!t || GENERIC_TITLE.test(t)) {
    if (best && best[1] >= 1.5) {
      return { value: best[0] as RoleFamily, evidence: [t ? `generic title "${t}"` : 'no title', `the posting's skills lean ${best[0]} (score ${best[1].toFixed(1)})`] };
    }
    return { value: t ? 'backend' : 'other', evidence: [t ? `generic engineering title "${t}" with no stronger signal: backend` : 'no title and no clear signal'] };
  }
  return { value: 'other', evidence: [`title "${t}" is not a software engineering family Loopcoach prepares for`] };
}

const LEVEL_RULES: [Level, RegExp][] = [
  ['intern', /\b(intern|internship|co-?op|apprentice\w*|working student)\b/i],
  ['principal', /\b(principal|distinguished|fellow|chief (architect|engineer))\b/i],
  ['staff', /\b(staff)\b/i],
  ['manager', /\b(manager|director|head of|vp|vice president)\b/i],
  ['senior', /\b(senior|sr\.?|lead|iii|iv|level (3|iii|4)|l5|e5|ic4|expert)\b/i],
  ['entry', /\b(junior|jr\.?|entry[- ]level|new grad\w*|graduate|early[- ]career|associate|level (1|i)|university|campus)\b|\b(engineer|developer) i\b|\bi$/i],
  ['mid', /\b(mid[- ]?level|intermediate|ii|level (2|ii)|l4|e4|ic3)\b/i],
];

/** The smallest "N+ years" / "N-M years" of experience that a posting asks for in its requirements. */
export function yearsOfExperience(text: string): { years: number; quote: string } | null {
  const re = /\b(\d{1,2})(?:\s*(?:\+|plus)|\s*(?:-|–|to)\s*\d{1,2})?\s*(?:\+\s*)?years?(?:'|’)?\s+(?:of\s+)?(?:[\w/+#.-]+\s+){0,4}?(?:experience|industry|professional|hands-on|working|software|engineering|development|programming|building|designing|developing|writing|shipping|delivering)|\bexperience (?:of|:)\s*(\d{1,2})\s*(?:\+|(?:-|–|to)\s*\d{1,2})?\s*years/gi;
  let best: { years: number; quote: string } | null = null;
  for (const m of text.matchAll(re)) {
    const years = Number(m[1] ?? m[2]);
    if (years > 30) continue;
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    const lineEnd = text.indexOf('\n', m.index);
    const line = text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
    // "or Master's with 12+ years; or PhD with 8+ years" lists alternatives: the first figure is the bar.
    if (!best) best = { years, quote: line.trim() };
  }
  return best;
}

export function detectLevel(title: string | undefined, role: RoleFamily, text: string): Decision<Level> {
  const t = (title ?? '').trim();
  if (t) {
    for (const [level, re] of LEVEL_RULES) {
      const m = re.exec(t);
      if (!m) continue;
      if (level === 'manager' && role !== 'engineering-manager') continue;
      if (level === 'senior' && /\blead\b/i.test(m[0]) && /\b(team lead|tech lead|technical lead)\b/i.test(t) && role === 'engineering-manager') continue;
      return { value: level, evidence: [`title "${t}" says ${m[0]}`] };
    }
  }
  if (role === 'engineering-manager') return { value: 'manager', evidence: ['an engineering-manager role'] };
  const yoe = yearsOfExperience(text);
  if (yoe) {
    const value: Level = yoe.years >= 10 ? 'staff' : yoe.years >= 5 ? 'senior' : yoe.years >= 2 ? 'mid' : 'entry';
    return { value, evidence: [`asks for ${String(yoe.years)}+ years: "${yoe.quote.slice(0, 160)}"`] };
  }
  const lower = text.toLowerCase();
  if (/\b(mentor (junior|other)|technical leadership|lead (the )?(design|architecture)|set technical direction|own(ing)? the architecture)\b/.test(lower)) {
    return { value: 'senior', evidence: ['scope words: leads design or mentors others'] };
  }
  if (/\b(recent graduate|new grad|entry[- ]level|no experience required|early in your career)\b/.test(lower)) {
    return { value: 'entry', evidence: ['the text describes an early-career role'] };
  }
  return { value: 'mid', evidence: ['no level in the title and no years of experience: mid by default'] };
}
