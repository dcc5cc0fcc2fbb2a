import { Link } from 'react-router';
import type { RoleDetail } from '../../../../src/shared/contracts/roles.js';
import { Disclosure } from '../common/Disclosure.js';

export function TipsSection({ tips }: { tips: RoleDetail['tips'] }) {
  return (
    <section id="tips" className="guide-section" aria-labelledby="tips-heading">
      <h2 id="tips-heading">General tips</h2>
      <ol className="tips">
        {tips.map((tip) => (
          <li key={tip.title} className="tip">
            <h3>{tip.title}</h3>
            <p>{tip.body}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function FaqSection({ faq }: { faq: RoleDetail['faq'] }) {
  return (
    <section id="faq" className="guide-section" aria-labelledby="faq-heading">
      <h2 id="faq-heading">Frequently asked questions</h2>
      <div className="faq">
        {faq.map((item) => (
          <Disclosure key={item.question} title={item.question} level={3}>
            <p>{item.answer}</p>
          </Disclosure>
        ))}
      </div>
    </section>
  );
}

export function RelatedSection({ related }: { related: RoleDetail['relatedRoles'] }) {
  if (related.length === 0) return null;
  return (
    <section id="related" className="guide-section" aria-labelledby="related-heading">
      <h2 id="related-heading">Related role guides</h2>
      <ul className="related">
        {related.map((r) => (
          <li key={r.id} className="card card--link">
            <h3>
              <Link to={`/roles/${encodeURIComponent(r.id)}`}>{r.title}</Link>
            </h3>
            <p>{r.why}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
