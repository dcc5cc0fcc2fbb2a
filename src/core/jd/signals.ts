/** Domain, scale, compliance and main responsibilities: what a plan uses to write follow-ups for this posting. */
import type { Section } from './sections.js';
import { boilerplateKind } from './sections.js';
import { sentenceAround } from './skills.js';

export interface Quoted {
  text: string;
  start: number;
}

const DOMAINS: [string, RegExp][] = [
  ['payments', /\b(payments?|fintech|banking|bank|card (issuing|processing)|acquiring|merchant|ledger|lending|credit card|money movement|remittance|wallet|checkout|billing|invoic\w+|trading|brokerage|financial services)\b/gi],
  ['health', /\b(health ?care|healthcare|health|clinical|patients?|hospital|medical|ehr|emr|hl7|fhir|pharma\w*|biotech|telehealth|life sciences|care delivery)\b/gi],
  ['iot', /\b(iot|internet of things|devices?|sensors?|embedded|firmware|telemetry|edge computing|connected (vehicles?|devices?)|robotics|drones?|smart home)\b/gi],
  ['ads', /\b(ad ?tech|advertising|advertisers?|ad (serving|exchange|auction|platform)|programmatic|bidding|rtb|dsp|ssp|campaigns?|attribution|marketing technology|martech)\b/gi],
  ['e-commerce', /\b(e-?commerce|retail|marketplace|shopping|storefront|catalog|orders?|inventory|fulfil?ment|merchandising|grocery)\b/gi],
  ['security', /\b(cyber ?security|threat (detection|intelligence)|siem|endpoint security|zero trust|identity and access|fraud detection)\b/gi],
  ['logistics', /\b(logistics|supply chain|shipping|freight|warehouse management|delivery|fleet|transportation|routing)\b/gi],
  ['media', /\b(streaming|video|media|music|content delivery|publishing|news|entertainment|broadcast)\b/gi],
  ['gaming', /\b(gaming|games?|game studio|esports|players?)\b/gi],
  ['education', /\b(edtech|education|learning platform|students?|teachers?|schools?|universit(y|ies)|courses?)\b/gi],
  ['insurance', /\b(insurance|insurtech|claims|underwriting|policyholders?|actuarial)\b/gi],
  ['government', /\b(government|federal|public sector|defen[cs]e|dod|clearance|agency|civic|military)\b/gi],
  ['energy', /\b(energy|utilities|solar|grid|oil and gas|renewables?|battery|power plant|climate)\b/gi],
  ['automotive', /\b(automotive|vehicles?|autonomous driving|adas|ev charging|car)\b/gi],
  ['travel', /\b(travel|hospitality|hotels?|airlines?|booking|reservations?|flights?)\b/gi],
  ['real-estate', /\b(real estate|property management|mortgage|proptech|rental)\b/gi],
  ['telecom', /\b(telecom\w*|5g|lte|networks? operator|carrier|wireless)\b/gi],
  ['crypto', /\b(crypto\w*|blockchain|web3|defi|smart contracts?|ethereum|bitcoin)\b/gi],
  ['hr-tech', /\b(hr tech|payroll|human capital|workforce management|recruiting platform|talent platform)\b/gi],
  ['ai', /\b(generative ai|genai|llms?|large language models?|ai agents?|ai-powered|foundation models?)\b/gi],
];

export function detectDomains(text: string, sections: readonly Section[]): { domain: string; evidence: string[] }[] {
  const usable = usableText(text, sections);
  const results: { domain: string; evidence: string[]; score: number }[] = [];
  for (const [domain, re] of DOMAINS) {
    const hits = [...usable.matchAll(re)].map((m) => m[0].toLowerCase());
    const distinct = new Set(hits);
    const score = hits.length + distinct.size;
    if (hits.length >= 2 && distinct.size >= 1 && score >= 4) results.push({ domain, evidence: [...distinct].slice(0, 5), score });
  }
  results.sort((a, b) => b.score - a.score);
  return results.slice(0, 3).map(({ domain, evidence }) => ({ domain, evidence }));
}

/** The posting without benefits and legal boilerplate (which mention health insurance, not the health domain). */
function usableText(text: string, sections: readonly Section[]): string {
  return sections
    .filter((s) => s.kind !== 'benefits' && s.kind !== 'legal')
    .map((s) => text.slice(s.start, s.end))
    .join('\n')
    .split('\n')
    .filter((p) => boilerplateKind(p) === null)
    .join('\n');
}

export interface ScaleSignal {
  text: string;
  value: number;
  unit: string;
  start: number;
}

const MULTIPLIER: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, mm: 1e6, million: 1e6, millions: 1e6, b: 1e9, bn: 1e9, billion: 1e9, billions: 1e9, t: 1e12, trillion: 1e12 };
const UNITS = 'users|customers|members|subscribers|merchants|businesses|patients|devices|sensors|vehicles|endpoints|requests(?:\\s+(?:per|a|/)\\s*(?:second|sec|s|minute|day))?|rps|qps|tps|transactions(?:\\s+(?:per|a|/)\\s*(?:second|day|month|year))?|events(?:\\s+(?:per|a|/)\\s*(?:second|day))?|messages(?:\\s+(?:per|a|/)\\s*(?:second|day))?|records|rows|queries|calls|api calls|orders|payments|downloads|installs|visitors|page ?views|streams|tb|pb|gb|terabytes|petabytes|gigabytes|exabytes|countries|engineers|employees';
const SCALE = new RegExp(`(?<![\\w.$])(\\d{1,3}(?:[,.]\\d{3})+|\\d+(?:\\.\\d+)?)\\s*(k|mm|m|bn|b|t|thousand|millions?|billions?|trillion)?\\s*\\+?\\s*(?:of\\s+)?(?:(?:daily|monthly|active|concurrent|global|connected|paying|unique)\\s+){0,2}(${UNITS})\\b`, 'gi');

export function detectScale(text: string, sections: readonly Section[]): ScaleSignal[] {
  const out: ScaleSignal[] = [];
  for (const m of text.matchAll(SCALE)) {
    const kind = sections.find((s) => m.index >= s.start && m.index < s.end)?.kind;
    if (kind === 'benefits' || kind === 'legal') continue;
    const [whole, num = '0', mult, unit = ''] = m;
    if (/^(engineers|employees|countries)$/i.test(unit) && !mult && Number(num) < 50) continue;
    const base = Number(num.replace(/,(?=\d{3})/g, ''));
    const value = base * (mult ? (MULTIPLIER[mult.toLowerCase()] ?? 1) : 1);
    if (!Number.isFinite(value) || value < 2) continue;
    if (/^\d{4}$/.test(num) && !mult && Number(num) >= 1990 && Number(num) <= 2100) continue; // a year
    out.push({ text: whole.trim(), value, unit: unit.toLowerCase().replace(/\s+/g, ' '), start: m.index });
  }
  return out.slice(0, 10);
}

const COMPLIANCE: [string, RegExp][] = [
  ['PCI DSS', /\bpci(?:[- ]dss)?\b/i],
  ['HIPAA', /\bhipaa\b/i],
  ['SOC 2', /\bsoc ?2\b|\bsoc ii\b/i],
  ['GDPR', /\bgdpr\b/i],
  ['CCPA', /\bccpa\b|\bcpra\b/i],
  ['ISO 27001', /\biso[ /-]?27001\b/i],
  ['FedRAMP', /\bfedramp\b/i],
  ['SOX', /\bsox\b|sarbanes[- ]oxley/i],
  ['HITRUST', /\bhitrust\b/i],
  ['FERPA', /\bferpa\b/i],
  ['ITAR', /\bitar\b/i],
  ['NIST', /\bnist\b/i],
  ['FINRA', /\bfinra\b/i],
  ['GxP', /\bgxp\b|\bgmp\b/i],
];

export function detectCompliance(text: string, sections: readonly Section[]): { name: string; evidence: string }[] {
  const usable = usableText(text, sections);
  const out: { name: string; evidence: string }[] = [];
  for (const [name, re] of COMPLIANCE) {
    const m = re.exec(usable);
    if (m) out.push({ name, evidence: sentenceAround(usable, m.index, m.index + m[0].length).quote.replace(/^- /, '').replace(/\s+/g, ' ').trim() });
  }
  return out;
}

export function responsibilities(text: string, sections: readonly Section[], max = 8): string[] {
  const bullets = (kinds: readonly string[]): string[] =>
    sections
      .filter((s) => kinds.includes(s.kind))
      .flatMap((s) => text.slice(s.start, s.end).split('\n'))
      .filter((l) => l.startsWith('- '))
      .map((l) => l.slice(2).trim())
      .filter((l) => l.length >= 15);
  const found = bullets(['responsibilities']);
  return (found.length > 0 ? found : bullets(['intro', 'other', 'about'])).slice(0, max);
}
