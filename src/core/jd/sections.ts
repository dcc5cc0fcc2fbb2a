/**
 * Splits a cleaned posting into sections by its headings and says what each is: requirements, nice-to-haves,
 * responsibilities, benefits, company blurb, legal boilerplate. Skills in benefits or legal text do not count.
 */
export type SectionKind = 'intro' | 'about' | 'responsibilities' | 'requirements' | 'preferred' | 'benefits' | 'legal' | 'other';

export interface Section {
  kind: SectionKind;
  heading: string | null;
  start: number;
  end: number;
}

const HEADING_KINDS: [SectionKind, RegExp][] = [
  ['preferred', /\b(preferred|nice[- ]to[- ]haves?|bonus|pluses|a plus|desired|desirable|good to have|extra credit|would be great|not required|ideally|additional (skills|qualifications)|stand out)\b/i],
  ['benefits', /\b(benefits?|perks|compensation|salary|pay (range|transparency)|what we offer|we offer|total rewards|why (join|work)|our offer|rewards|what'?s in it for you)\b/i],
  ['legal', /\b(equal (employment )?opportunit|equality|eeo|accommodation|disclaimer|privacy|e-verify|background check|diversity|inclusion|notice to|fraud|legal)\b/i],
  ['requirements', /\b(requirements?|qualifications?|what you('ll)? (need|bring|have)|must[- ]haves?|you have|you bring|skills|experience|who you are|about you|we('re| are) looking for|ideal candidate|competenc|your profile|what we look for|knowledge|expertise)\b/i],
  ['responsibilities', /\b(responsibilit|what you('ll)? (do|work on|be doing)|the role|your role|role overview|duties|day[- ]to[- ]day|you will|in this role|impact|job (description|summary|overview)|position (summary|overview)|key (tasks|accountabilities)|the job|the opportunity|mission of the role)\b/i],
  ['about', /\b(about (us|the (company|team|organization|role))|who we are|our (company|mission|story|team)|company (overview|description)|meet the team|the team)\b|^about\s+[A-Z][\w&.' -]{1,40}$/i],
];

/** A line that introduces a section: short, no sentence punctuation inside, often ending with a colon. */
export function isHeading(line: string): boolean {
  const l = line.trim();
  if (l.length < 3 || l.length > 80 || l.startsWith('- ')) return false;
  const words = l.split(/\s+/).length;
  if (words > 10) return false;
  if (/[.!?]$/.test(l)) return false;
  if (l.endsWith(':')) return true;
  // "Base Salary: $200,000", "Location: Remote": a label with its value, not a heading.
  if (/^[^:]{1,40}:\s*\S/.test(l)) return false;
  // Title-like lines: most words capitalised, or ALL CAPS.
  const alpha = l.replace(/[^A-Za-z ]/g, '').trim();
  if (alpha.length > 0 && alpha === alpha.toUpperCase() && alpha.length >= 4) return true;
  const caps = l.split(/\s+/).filter((w) => /^[A-Z]/.test(w)).length;
  const known = HEADING_KINDS.some(([, re]) => re.test(l));
  return known && ((words <= 6 && caps >= Math.ceil(words * 0.6)) || (words <= 4 && /^[A-Z]/.test(l)));
}

export function classifyHeading(heading: string): SectionKind {
  for (const [kind, re] of HEADING_KINDS) if (re.test(heading)) return kind;
  return 'other';
}

const BOILERPLATE: [SectionKind, RegExp][] = [
  ['legal', /\b(require (an )?accommodations?|accessibility needs|our values|core values|privacy (policy|notice|statement)|personal (data|information) (is|will be)|data protection (policy|notice)|equal (employment )?opportunity|without regard to (race|age)|protected veteran|reasonable accommodation|e-verify|affirmative action|pay transparency|background check|drug[- ]free|applicants? (with|who require)|fraudulent|in connection with (your |their )?applications?|automated employment decision|export control)\b/i],
  ['benefits', /\b(401\(?k\)?|medical, dental|dental(,| and) vision|health insurance|paid time off|\bpto\b|parental leave|tuition|wellness|stock options|equity grant|base (salary|pay)|salary range|pay range|bonus eligib|commuter|life insurance|employee assistance)\b/i],
];

/** The kind a paragraph has on its own account (benefits or legal boilerplate inside another section). */
export function boilerplateKind(paragraph: string): SectionKind | null {
  for (const [kind, re] of BOILERPLATE) if (re.test(paragraph)) return kind;
  return null;
}

export function splitSections(text: string): Section[] {
  const sections: Section[] = [];
  let current: Section = { kind: 'intro', heading: null, start: 0, end: text.length };
  let offset = 0;
  for (const line of text.split('\n')) {
    if (isHeading(line)) {
      const kind = classifyHeading(line);
      if (offset > current.start) sections.push({ ...current, end: offset });
      current = { kind: kind === 'other' ? (current.kind === 'intro' ? 'other' : 'other') : kind, heading: line.replace(/:$/, '').trim(), start: offset, end: text.length };
    }
    offset += line.length + 1;
  }
  sections.push({ ...current, end: text.length });
  return sections;
}

export function sectionAt(sections: readonly Section[], offset: number): Section | undefined {
  return sections.find((s) => offset >= s.start && offset < s.end) ?? sections[sections.length - 1];
}
