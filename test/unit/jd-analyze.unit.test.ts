import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzePosting, type Analysis } from '../../src/core/jd/analyze.js';
import { cleanPostingText } from '../../src/core/jd/clean.js';
import { detectLanguage } from '../../src/core/jd/language.js';
import { yearsOfExperience } from '../../src/core/jd/role-level.js';
import { splitSections } from '../../src/core/jd/sections.js';

const analyze = (text: string, title?: string, company?: string): Analysis => {
  const r = analyzePosting({ text, title, company });
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  return r.analysis;
};
const names = (a: Analysis): string[] => a.skills.map((s) => s.name);
const skill = (a: Analysis, name: string) => a.skills.find((s) => s.name === name);

const posting = (body: string): string =>
  `We are hiring an engineer to build the services behind our product, and you will work with a small team.\n\n${body}\n\nBenefits:\n- Medical, dental and vision\n- 401(k) match and a Spring wellness stipend\n\nWe are an equal opportunity employer and do not discriminate.`;

describe('cleaning a scraped posting', () => {
  it('removes Markdown escapes, bold markers, entities and bullet glyphs', () => {
    assert.equal(cleanPostingText('**Must have**\n* C\\+\\+ and end\\-to\\-end tests &amp; CI\n• 3\\.5 years'), 'Must have\n- C++ and end-to-end tests & CI\n- 3.5 years');
  });
  it('collapses runs of blank lines', () => {
    assert.equal(cleanPostingText('a\n\n\n \n\nb'), 'a\n\nb');
  });
});

describe('sections', () => {
  it('classifies requirement, nice-to-have and benefits headings', () => {
    const text = cleanPostingText('About us\nWe build things.\nRequirements:\n- Go\nNice to have:\n- Rust\nWhat we offer\n- Health insurance');
    assert.deepEqual(splitSections(text).map((s) => s.kind), ['about', 'requirements', 'preferred', 'benefits']);
  });
});

describe('detecting skills', () => {
  it('uses canonical names and aliases (postgres → PostgreSQL, k8s → Kubernetes, golang → Go)', () => {
    const a = analyze(posting('Requirements:\n- 4+ years with Golang, Postgres and k8s\n- Node.js and C# experience'));
    for (const n of ['Go', 'PostgreSQL', 'Kubernetes', 'Node.js', 'C#']) assert.ok(names(a).includes(n), `${n} in ${names(a).join(', ')}`);
  });

  it('keeps C++ and C# apart from C, and ASP.NET apart from .NET', () => {
    const a = analyze(posting('Requirements:\n- Strong C++ and C# skills\n- Experience building ASP.NET applications'));
    assert.ok(names(a).includes('C++'));
    assert.ok(!names(a).includes('C'), names(a).join(', '));
  });

  it('reads everyday words as skills only in a technical context', () => {
    const a = analyze(posting('Requirements:\n- You react quickly to incidents and help us go to market faster.\n- Ready to go above and beyond.\n- Experience shipping Express APIs on Node.js'));
    assert.ok(!names(a).includes('React'), names(a).join(', '));
    assert.ok(!names(a).includes('Go'), names(a).join(', '));
    assert.ok(names(a).includes('Express'), names(a).join(', '));
  });

  it('counts Go, React and Spark in a list of technologies', () => {
    const a = analyze(posting('Requirements:\n- Languages: Python, Go, Java\n- Frontend in React and TypeScript\n- Pipelines with Spark and Airflow'));
    for (const n of ['Go', 'React']) assert.ok(names(a).includes(n), `${n} in ${names(a).join(', ')}`);
    assert.ok(a.skills.some((s) => s.id === 'spark'), names(a).join(', '));
  });

  it('ignores skills named only in benefits, legal text, a location or the company name', () => {
    const a = analyze('At Snowflake, we build the data cloud for engineers who care about correctness and speed.\nOur office is in Phoenix, AZ.\nRequirements:\n- Python and SQL\n\nBenefits:\n- Free Java coffee bar\nEqual opportunity employer: we consider Rust Belt applicants without regard to race.', 'Software Engineer', 'Snowflake');
    assert.ok(!names(a).includes('Java'), names(a).join(', '));
    assert.ok(!a.skills.some((s) => s.id === 'snowflake'), names(a).join(', '));
    assert.ok(!a.skills.some((s) => s.id === 'phoenix'), names(a).join(', '));
    assert.ok(names(a).includes('Python'));
  });

  it('marks nice-to-haves from the heading or the sentence, and keeps evidence offsets into the cleaned text', () => {
    const a = analyze(posting('Requirements:\n- Python and PostgreSQL\n- Kafka experience is a plus\n\nNice to have:\n- Terraform'));
    assert.equal(skill(a, 'PostgreSQL')?.required, true);
    assert.equal(skill(a, 'Terraform')?.required, false);
    const kafka = a.skills.find((s) => s.id === 'kafka');
    assert.equal(kafka?.required, false);
    const ev = skill(a, 'PostgreSQL')?.evidence[0];
    assert.ok(ev);
    assert.equal(a.text.slice(ev.start, ev.end), ev.text);
    assert.match(ev.quote, /Python and PostgreSQL/);
  });

  it('is deterministic', () => {
    const text = posting('Requirements:\n- Go, gRPC, Kafka, Redis, AWS, Terraform');
    assert.deepEqual(analyze(text), analyze(text));
  });
});

describe('concepts named in the posting\'s own words', () => {
  it('reads Scalability, Testing, Debugging, Performance Optimization and Reliability from job lines', () => {
    const a = analyze(
      posting('Responsibilities:\n- Build scalable, reliable services that handle millions of requests\n- Write unit tests and review pull requests\n- Debug production issues and optimize query performance'),
    );
    for (const n of ['Scalability', 'Reliability', 'Software Testing', 'Unit Testing', 'Debugging', 'Performance Optimization', 'Code Review']) {
      assert.ok(names(a).includes(n), `${n} in ${names(a).join(', ')}`);
      assert.equal(skill(a, n)?.kind, 'concept');
    }
    assert.match(skill(a, 'Scalability')?.evidence[0]?.text ?? '', /^scalable/);
  });
  it('does not take concepts from the company blurb, business senses or other words', () => {
    const a = analyze(
      'About us: our scalable, secure and reliable platform serves banks across the world and keeps growing.\n\n' +
        'Responsibilities:\n- Help us scale the business and grow the customer base\n- Partner with the QA team on releases\n' +
        '- Use AI-assisted coding tools every day\n- Experience with Python and PostgreSQL\n- Must have reliable transportation\n\n' +
        'Benefits:\n- A competitive pay scale and annual performance reviews',
    );
    for (const n of ['Scalability', 'Security', 'Reliability', 'Software Testing', 'Artificial Intelligence', 'Performance Optimization']) {
      assert.ok(!names(a).includes(n), `${n} should not be in ${names(a).join(', ')}`);
    }
    assert.equal(skill(a, 'PostgreSQL')?.kind, 'technology');
  });
  it('credits front-end performance work to Web Performance', () => {
    const a = analyze(posting('What you will do:\n- Optimize the performance of our React web application and its page load\n- Build components in TypeScript'));
    assert.ok(names(a).includes('Web Performance'), names(a).join(', '));
    assert.ok(!names(a).includes('Performance Optimization'));
  });
  it('does not count a certification level, an address or a spaced-out spelling as another skill', () => {
    const a = analyze(posting('Requirements:\n- DoD 8570 IAM-III certification\n- Fluent in Java Script and Git Hub\n- Apply at https://example.com/careers/python'));
    assert.ok(!names(a).includes('IAM'));
    assert.ok(!names(a).includes('Python'));
    assert.ok(names(a).includes('JavaScript') && names(a).includes('GitHub') && !names(a).includes('Java'), names(a).join(', '));
  });
});

describe('role and level', () => {
  const cases: [string, string, string][] = [
    ['Senior Backend Engineer', 'backend', 'senior'],
    ['Staff Software Engineer, Payments', 'backend', 'staff'],
    ['Principal Site Reliability Engineer', 'sre', 'principal'],
    ['Junior Frontend Developer', 'frontend', 'entry'],
    ['Software Engineering Intern, Summer 2026', 'backend', 'intern'],
    ['Engineering Manager, Platform', 'engineering-manager', 'manager'],
    ['Machine Learning Engineer II', 'ml', 'mid'],
    ['Data Engineer', 'data-engineering', 'mid'],
    ['iOS Developer', 'mobile', 'mid'],
    ['Senior Full Stack Engineer', 'full-stack', 'senior'],
    ['Application Security Engineer', 'security', 'mid'],
    ['Senior Data Scientist', 'data-science', 'senior'],
  ];
  for (const [title, role, level] of cases) {
    it(`"${title}" is ${role} at ${level}`, () => {
      const a = analyze(posting('Requirements:\n- Python and SQL'), title);
      assert.equal(a.role, role, a.roleEvidence.join('; '));
      assert.equal(a.level, level, a.levelEvidence.join('; '));
    });
  }

  it('reads the level from years of experience when the title has none, and says why', () => {
    const a = analyze(posting('Requirements:\n- 6+ years of professional software development experience'), 'Software Engineer');
    assert.equal(a.level, 'senior');
    assert.match(a.levelEvidence.join(' '), /6\+ years/);
    assert.deepEqual(yearsOfExperience('- 2-4 years of experience with APIs')?.years, 2);
  });
});

describe('domain, scale and compliance', () => {
  it('finds the payments domain, numbers with units, and PCI DSS', () => {
    const a = analyze(posting('Responsibilities:\n- Build the payments ledger and card processing APIs that serve 40 million users\n- Handle 12,000 requests per second at peak\n- Keep our merchant checkout PCI DSS compliant'));
    assert.equal(a.domains[0]?.domain, 'payments');
    assert.ok(a.scale.some((s) => s.value === 40e6 && s.unit === 'users'), JSON.stringify(a.scale));
    assert.ok(a.scale.some((s) => s.value === 12000 && /requests/.test(s.unit)), JSON.stringify(a.scale));
    assert.deepEqual(a.compliance.map((c) => c.name), ['PCI DSS']);
  });

  it('does not take the health domain from a health-insurance benefit', () => {
    const a = analyze(posting('Responsibilities:\n- Build APIs in Go for our logistics platform and shipping partners'));
    assert.ok(!a.domains.some((d) => d.domain === 'health'), JSON.stringify(a.domains));
  });
});

describe('bad input', () => {
  it('rejects empty, whitespace-only, binary, oversized, too-short and non-English postings', () => {
    const code = (text: string): string | undefined => {
      const r = analyzePosting({ text });
      return r.ok ? undefined : r.error.code;
    };
    assert.equal(code(''), 'EMPTY');
    assert.equal(code('  \n\t '), 'EMPTY');
    assert.equal(code('abc\u0000\u0001def'), 'BINARY');
    assert.equal(code('x'.repeat(1_048_577)), 'TOO_LARGE');
    assert.equal(code('Senior engineer wanted'), 'TOO_SHORT');
    assert.equal(
      code('Buscamos un desarrollador con experiencia en Python y bases de datos para unirse a nuestro equipo de trabajo en la ciudad. Es importante tener conocimientos de la nube y de los sistemas distribuidos para el puesto.'),
      'NOT_ENGLISH',
    );
    assert.equal(detectLanguage('We are looking for an engineer with experience in Python and the cloud to join our team.').english, true);
  });
});
