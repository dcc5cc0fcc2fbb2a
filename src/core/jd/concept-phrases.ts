/**
 * Concepts a posting asks for in words of its own. "Build scalable services", "write well-tested code", "debug
 * production issues", "optimize query performance" name Scalability, Testing, Debugging and Performance
 * Optimization without using the taxonomy's alias phrases. Each rule is a pattern over the cleaned text; the matcher
 * (./skills.ts) counts a hit only on a line about the job (requirements, responsibilities, nice-to-haves, the
 * team's work), never in the company blurb, benefits or legal text, and never when the line's `not` pattern holds.
 *
 * The rule for what counts is the labelling guide's (test/data/LABELLING.md, "Concept skills"): the concept must be
 * named — by its name or a plain word form — not implied by a technology and not said of the business.
 */
export interface ConceptPhrase {
  /** The skill id credited. */
  id: string;
  /** Matched case-insensitively; must carry the `g` flag. */
  pattern: RegExp;
  /** Tested on the match with a little context either side: when it holds, the hit does not count. */
  not?: RegExp;
  /** Tested on the whole line: the hit counts only when it holds. */
  requires?: RegExp;
  /** Tested on the whole line: when it holds, credit this skill id instead. */
  instead?: { when: RegExp; id: string };
}

const FRONT_END = /\b(front[- ]?end|web (app|application|page|site)s?|website|browser|user interfaces?|\bui\b|interfaces|components|react|angular|vue|next\.js|page load|lazy loading|code splitting|seo|core web vitals|rendering)\b/i;

export const CONCEPT_PHRASES: readonly ConceptPhrase[] = [
  {
    id: 'scalability',
    pattern: /\b(?:scalab(?:le|ility)|scal(?:e|es|ed|ing)|(?:large|high|enterprise|massive|global|web|internet|hyper|planet|petabyte)[- ]scale|at scale)\b/gi,
    not: /\b(?:pay|salary|wage|sliding|grading|rating|time) scales?\b|\bscale of (?:1|one|\d)\b|\bscal(?:e|es|ed|ing) (?:the |our |a |your )?(?:team|teams|business|company|organi[sz]ation|career|sales|revenue|customer base|go-to-market|operations team|culture)\b|\bscaling up (?:the )?team\b|\b(?:full|small|large|mid|medium)[- ]scale (?:company|business|organi[sz]ation|startup)\b/i,
  },
  {
    id: 'testing',
    pattern: /\b(?:test(?:s|ing|ed)?|well-tested|unit[- ]tests?|qa)\b/gi,
    not: /\b(?:a\/b|ab|penetration|pen|drug|covid|background|hypothesis|coding|skills?|aptitude|personality|load|stress|soak|chaos|usability|statistical|security|vulnerability|sast|dast) test(?:s|ing)?\b|\btest(?:ing)? (?:the limits|lab|staff|equipment)\b|\bqa\/testing\b|\band\/or testing\b|\btest (?:scores?|results of candidates|of time)\b|\bput to the test\b|\bqa (?:team|teams|engineers?|analysts?|environments?|work)\b|\bqa,? (?:staging|and production|uat)\b|\btest[- ](?:driven|a new|new ideas|hypothes\w*)\b|\bbehavio(?:u)?r[- ]driven\b|\b(?:build|builds|building),? test,? and (?:deploy\w*|optimi[sz]\w*)\b|\bdesign and test disaster\b|\bsimulate, test\b|\bquality[- ]assurance \(qa\)/i,
  },
  {
    id: 'unit-testing',
    pattern: /\bunit[- ]test(?:s|ing|ed)?\b/gi,
  },
  {
    id: 'performance-optimization',
    pattern: /\b(?:optimi[sz]\w*|improv\w*|enhanc\w*|tun(?:e|ed|ing)|boost\w*|maximi[sz]\w*|address\w*|solv\w*|diagnos\w*)\b[^.;\n]{0,60}\bperformance\b|\bperformance\b[^.;\n]{0,25}\b(?:optimi[sz]\w*|tuning|issues?|bottlenecks?|problems?|improvements?|engineering|profiling|regressions?)\b|\b(?:high(?:ly)?[- ])?performant\b|\bhigh[- ]performance\b/gi,
    not: /\bperformance (?:reviews?|management|appraisals?|evaluations?|bonus(?:es)?|goals|incentives?|based|feedback|expectations|cycle|of (?:the )?(?:team|employees|staff|direct reports))\b|\b(?:model|team|employee|individual|sales|business|financial|campaign|marketing|job|academic|investment|portfolio|fund|athletic|strong|top|high|past|student) performance\b|\bhigh[- ]performance (?:team|teams|culture|organi[sz]ation|environment|individuals?)\b|\bhigh[- ]performing (?:team|teams)\b|\bhigh[- ]performance models?\b|\bwhile maintaining performance\b/i,
    instead: { when: FRONT_END, id: 'web-performance' },
  },
  {
    id: 'software-architecture',
    // The verb and the adjective ("architect the platform", "architectural decisions"), and the noun for the
    // software's own architecture ("our core architecture", "architecture reviews"). A named style or another
    // layer ("microservices architecture", "data architecture", "transformer architectures") is its own skill or
    // not software architecture at all.
    pattern: /\barchitect(?:ed|ing|ural(?:ly)?)\b|\barchitect(?=\s*(?:,|and\b|&|\s+(?:scalable|robust|new|complex|the|our|a|an|solutions?|systems?|services?|applications?|software|platforms?|stable|cloud|distributed|end-to-end|highly|secure|reliable|large|modern|maintainable|high)\b))|\b(?:software|system|systems|application|solution|solutions|technical|platform|overall|backend|back-end|front-end|frontend|product|service|component|core|hosting|code,|code and|security|its|our|the|sound|clean|scalable) architectures?\b|\barchitectures?\b(?=\s+(?:reviews?|decisions?|discussions?|patterns|best practices|and design|design))/gi,
    not: /\b(?:solutions?|enterprise|data|cloud|security|principal|chief|technical|software|lead|staff|an?|as|with) architects?\b(?!ure|ing|ed|ural)|\barchitects\b|\b(?:landscape|building|interior) architect|\b(?:microservices?|data|database|hardware|transformer|rag|headless|api|service-oriented|event-driven|serverless|network|infrastructure|lakehouse|model|etl|soa|instruction set|cpu|gpu|chip) architectures?\b|\badheres? to architecture\b|\bfrom architects?\b/i,
  },
  {
    id: 'reliability',
    pattern: /\breliab(?:le|ly|ility)\b/gi,
    not: /\breliab\w* (?:transportation|attendance|internet|team|person|partner|colleague|communicat\w*|and punctual|worker|member|source of truth for the team)\b|\b(?:be|is|are) reliable\b|\breliably commute\b/i,
  },
  {
    id: 'debugging',
    pattern: /\b(?:debug\w*|troubleshoot\w*|(?:fix|fixing|fixes|squash\w*|resolv\w*|diagnos\w*|uncover\w*|track\w* down|triag\w*)[^.;\n]{0,30}\bbugs?\b)/gi,
    not: /\btroubleshoot\w* (?:customer|client|user|account|billing|hardware|printers?|desktops?|end[- ]user)\b/i,
  },
  {
    id: 'security',
    pattern: /\bsecur(?:e|ity|ely)\b/gi,
    not: /\b(?:network|cloud|web|front-end|frontend|physical|national|social|homeland|job|financial|operational|food|data center|information|cyber|application|api|container|endpoint|identity) security\b|\bsecurity (?:clearance|clearances|teams?|officers?|guards?|deposit|number|engineers?|analysts?|champions?)\b|\bclearance\b|\bsecurity investigations?\b|\bnuclear security\b|\bsecure and trusted workplace\b|\bsecure (?:a|an|the|your|funding|approvals?|buy-in|budget|resources|deals?|contracts?|sponsorship|commitments?)\b|\bsecurity\+/i,
  },
  {
    id: 'monitoring',
    pattern: /\bmonitor(?:s|ed|ing)?\b/gi,
    not: /\b(?:dual|two|three|external|additional|second) monitors?\b|\bmonitor(?:s|ed|ing)? (?:progress|budgets?|project|projects|sales|kpis|trends|competitors?|industry|the market|performance of (?:the )?team|employee|attendance|compliance with (?:company|policies))\b|\bmonitors? (?:and keyboards?|arm)\b|\bmonitor the measurement\b|\b(?:computer|model|continuous) monitoring\b|\bmonitor and react\b|\bmonitor\w*,? (?:and )?(?:improve )?(?:software )?process(?:es)?\b/i,
  },
  {
    id: 'compliance',
    pattern: /\bcompli(?:ant|ance)\b/gi,
    requires: /\b(?:secur\w*|regulat\w*|standards?|privacy|audits?|soc ?2|hipaa|pci|gdpr|nist|fedramp|stig|rmf|controls|accreditation|certification|iso ?27001|governance|policies)\b/i,
    not: /\bcompli\w* with (?:all )?(?:applicable|federal|state|local) (?:laws?|regulations?)\b|\b(?:export|export control|legal|tax|trade|financial|sales) compliance\b/i,
  },
  {
    id: 'api-design',
    pattern: /\b(?:design\w*|defin\w*|specif\w*|architect\w*)\b[^.;\n]{0,40}\bapis?\b|\bapis?\b[^.;\n]{0,15}\b(?:design|specifications?|contracts?|standards?)\b/gi,
    not: /\bapi (?:keys?|tokens?|credits?)\b/i,
  },
  {
    id: 'clean-code',
    pattern: /\b(?:clean|maintainable|readable|understandable|well-structured|elegant)\b[^.;\n]{0,30}\bcode\b|\bmaintainab(?:le|ility)\b/gi,
  },
  {
    id: 'code-review',
    pattern: /\b(?:code|pull[- ]requests?|prs?|peer) reviews?\b|\breview(?:s|ing)? (?:of )?(?:the |others'? |peers'? |teammates'? |each other's )?(?:code|pull requests?|prs)\b|\bcode (?:that )?pass(?:es)? reviews?\b/gi,
    not: /\b(?:performance|design|architecture|security|legal|product|business|annual|quarterly|peer performance) reviews?\b(?![^.;\n]{0,20}\bcode\b)/i,
  },
  {
    id: 'documentation',
    pattern: /\bdocumentation\b|\bdocument(?:s|ed|ing)?\b(?=\s*(?:,|and\b|\s(?:code|architecture|solutions?|processes|designs?|systems?|apis?|technical|procedures|workflows|findings|decisions|runbooks?|best practices|and)\b))/gi,
    not: /\bdocument (?:control|management|processing|understanding|extraction|storage|databases?|review for legal)\b|\bdocuments?\b(?= such as| including|, (?:pdfs?|images))/i,
  },
  {
    id: 'mobile-development',
    pattern: /\bmobile\b(?=[\s,/-]+(?:engineering|development|developers?|apps?|applications?|landscape|platforms?|experiences?|clients?|sdks?|web|and web|,|first|devices|teams?|engineers?))/gi,
    not: /\bmobile-first\b|\bmobile (?:phone|device) (?:stipend|allowance|reimbursement)\b|\bmobile (?:teams?|engineers?)\b(?=[^.;\n]{0,40}\b(?:partner|collaborat|work with))/i,
  },
  {
    id: 'search',
    pattern: /\bsearch (?:and retrieval|systems?|engines?|infrastructure|indices|indexes|relevance|ranking|quality|platforms?|experiences?|products?)\b|\b(?:semantic|vector|hybrid|full[- ]text|embedding[- ]based|keyword|enterprise) search\b/gi,
    not: /\bsearch engine (?:optimi[sz]ation|marketing)\b/i,
  },
];
