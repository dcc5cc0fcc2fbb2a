import { Link, useParams } from 'react-router';
import type { RoleDetail } from '../../../src/shared/contracts/roles.js';
import { api } from '../api.js';
import { Markdown } from '../components/common/Markdown.js';
import { ErrorMessage, Loading } from '../components/common/Status.js';
import { FaqSection, RelatedSection, TipsSection } from '../components/guide/GuideExtras.js';
import { GuideHeader } from '../components/guide/GuideHeader.js';
import { LoopSection } from '../components/guide/LoopSection.js';
import { OnThisPage, type TocEntry } from '../components/guide/OnThisPage.js';
import { QuestionsSection } from '../components/guide/QuestionsSection.js';
import { useApi } from '../lib/useApi.js';
import { useDocumentTitle } from '../lib/useDocumentTitle.js';

function Guide({ guide }: { guide: RoleDetail }) {
  const toc: TocEntry[] = [
    { id: 'overview', label: 'Overview' },
    { id: 'loop', label: 'The typical loop' },
    { id: 'questions', label: 'Practice questions' },
    { id: 'tips', label: 'General tips' },
    { id: 'faq', label: 'FAQ' },
    ...(guide.relatedRoles.length > 0 ? [{ id: 'related', label: 'Related guides' }] : []),
  ];
  return (
    <article className="guide">
      <GuideHeader guide={guide} />
      <div className="guide__layout">
        <aside className="guide__toc">
          <OnThisPage entries={toc} />
        </aside>
        <div className="guide__content">
          <section id="overview" className="guide-section" aria-labelledby="overview-heading">
            <h2 id="overview-heading">Overview</h2>
            <Markdown source={guide.overview} headingBase={3} />
          </section>
          <LoopSection guide={guide} />
          <QuestionsSection guide={guide} />
          <TipsSection tips={guide.tips} />
          <FaqSection faq={guide.faq} />
          <RelatedSection related={guide.relatedRoles} />
        </div>
      </div>
    </article>
  );
}

export function RoleGuidePage() {
  const { role = '' } = useParams();
  const guide = useApi(`role:${role}`, (signal) => api.getRole(role, signal));
  useDocumentTitle(guide.status === 'success' ? `${guide.data.title} interview guide` : guide.status === 'error' ? 'Guide not available' : undefined);

  if (guide.status === 'error') {
    return (
      <div className="page-state">
        <h1>This guide is not available</h1>
        <ErrorMessage error={guide.error} title="Could not load the role guide" onRetry={guide.reload}>
          <Link to="/">See all role guides</Link>
        </ErrorMessage>
      </div>
    );
  }
  if (guide.status !== 'success') return <Loading>Loading the guide…</Loading>;
  return <Guide key={guide.data.id} guide={guide.data} />;
}
