import type { ReactNode } from 'react';
import { domainLabel, humanize, levelLabel, plural, roleLabel } from '../../lib/format.js';
import type { Analysis, AnalysisSkill } from './types.js';

/** The quote with the words the skill was read from marked. */
function highlight(quote: string, text: string): ReactNode {
  const at = text ? quote.toLowerCase().indexOf(text.toLowerCase()) : -1;
  if (at === -1) return quote;
  return (
    <>
      {quote.slice(0, at)}
      <mark>{quote.slice(at, at + text.length)}</mark>
      {quote.slice(at + text.length)}
    </>
  );
}

function uniqueEvidence(skill: AnalysisSkill): AnalysisSkill['evidence'] {
  const seen = new Set<string>();
  return skill.evidence.filter((e) => (seen.has(e.quote) ? false : (seen.add(e.quote), true)));
}

/** A skill as a chip that opens to show where the posting asks for it (native <details>: keyboard and touch friendly). */
function SkillChip({ skill }: { skill: AnalysisSkill }) {
  const evidence = uniqueEvidence(skill);
  const first = evidence[0];
  return (
    <li className="chip-item">
      <details className="chip">
        <summary title={first ? `“${first.quote}”` : undefined}>
          <span className="chip__chevron" aria-hidden="true" />
          {skill.name}
        </summary>
        <div className="chip__panel">
          <p className="chip__category">
            {humanize(skill.category)} · {evidence.length === 0 ? 'no quote kept' : `from the posting${evidence.length > 1 ? ` (${String(evidence.length)} places)` : ''}`}
          </p>
          {evidence.map((e) => (
            <blockquote key={`${String(e.start)}-${e.quote}`} className="quote">
              <p>{highlight(e.quote, e.text)}</p>
            </blockquote>
          ))}
        </div>
      </details>
    </li>
  );
}

function SkillGroup({ title, skills, empty }: { title: string; skills: readonly AnalysisSkill[]; empty: string }) {
  return (
    <div className="skill-group">
      <h3>
        {title} <span className="count">{plural(skills.length, 'skill')}</span>
      </h3>
      {skills.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="chip-list" aria-label={title}>
          {skills.map((s) => (
            <SkillChip key={s.id} skill={s} />
          ))}
        </ul>
      )}
    </div>
  );
}

function EvidenceList({ items }: { items: readonly string[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="evidence-list">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

export function PostingSection({ analysis }: { analysis: Analysis }) {
  const required = analysis.skills.filter((s) => s.required);
  const nice = analysis.skills.filter((s) => !s.required);
  return (
    <section id="posting" className="guide-section" aria-labelledby="posting-heading">
      <h2 id="posting-heading">What we read from the posting</h2>
      <p className="section-intro">
        Every skill below was found in the posting’s own words. Open a skill to see the sentence it came from.
      </p>
      <div className="skill-groups">
        <SkillGroup title="Required skills" skills={required} empty="The posting names no required skills we recognise." />
        <SkillGroup title="Nice to have" skills={nice} empty="The posting lists no nice-to-have skills." />
      </div>

      <h3>Role, level and context</h3>
      <dl className="reading">
        <div className="reading__row">
          <dt>Role</dt>
          <dd>
            <p className="reading__value">{roleLabel(analysis.role)}</p>
            <EvidenceList items={analysis.roleEvidence} />
          </dd>
        </div>
        <div className="reading__row">
          <dt>Level</dt>
          <dd>
            <p className="reading__value">{levelLabel(analysis.level)}</p>
            <EvidenceList items={analysis.levelEvidence} />
          </dd>
        </div>
        <div className="reading__row">
          <dt>Domain</dt>
          <dd>
            {analysis.domains.length === 0 ? (
              <p className="muted">No particular business domain.</p>
            ) : (
              <ul className="evidence-list evidence-list--plain">
                {analysis.domains.map((d) => (
                  <li key={d.domain}>
                    <span className="reading__value">{domainLabel(d.domain)}</span>
                    {d.evidence.length > 0 && <span className="muted"> from the words {d.evidence.map((w) => `“${w}”`).join(', ')}</span>}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div className="reading__row">
          <dt>Scale</dt>
          <dd>
            {analysis.scale.length === 0 ? (
              <p className="muted">No numbers about load or data size.</p>
            ) : (
              <ul className="evidence-list evidence-list--plain">
                {analysis.scale.map((s) => (
                  <li key={`${String(s.start)}-${s.text}`}>“{s.text}”</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div className="reading__row">
          <dt>Compliance</dt>
          <dd>
            {analysis.compliance.length === 0 ? (
              <p className="muted">No regulations or standards named.</p>
            ) : (
              <ul className="evidence-list evidence-list--plain">
                {analysis.compliance.map((c) => (
                  <li key={c.name}>
                    <span className="reading__value">{c.name}</span>
                    <blockquote className="quote">
                      <p>…{c.evidence}…</p>
                    </blockquote>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>

      {analysis.responsibilities.length > 0 && (
        <details className="inline-details responsibilities">
          <summary>Responsibilities we picked out ({analysis.responsibilities.length})</summary>
          <ul>
            {analysis.responsibilities.map((r, i) => (
              <li key={`${String(i)}-${r}`}>{r}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
