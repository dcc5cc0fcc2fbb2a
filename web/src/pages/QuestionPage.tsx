import { Link, useParams } from 'react-router';
import type { QuestionDetail as Question } from '../../../src/shared/contracts/questions.js';
import type { RoleDetail } from '../../../src/shared/contracts/roles.js';
import { api } from '../api.js';
import { DifficultyBadge, LevelBadges } from '../components/common/Badges.js';
import { ErrorMessage, Loading } from '../components/common/Status.js';
import { QuestionDetail } from '../components/question/QuestionDetail.js';
import { SourceBadge } from '../components/common/SourceBadge.js';
import { humanize } from '../lib/format.js';
import { canEditContent, editContentPath, orgSlugOf } from '../lib/orgContent.js';
import { useMe } from '../lib/session.js';
import { useApi } from '../lib/useApi.js';
import { useDocumentTitle } from '../lib/useDocumentTitle.js';
import { Breadcrumb } from '../components/common/Breadcrumb.js';

const guidePath = (role: string): string => `/roles/${encodeURIComponent(role)}`;

function QuestionView({ question, guide, roleTitle }: { question: Question; guide: RoleDetail | undefined; roleTitle: (id: string) => string }) {
  const home = question.roles[0] ?? question.id.split('/')[0] ?? '';
  const stage = guide?.stages.find((s) => s.id === question.stage);
  const me = useMe();
  const orgSlug = question.source === 'organization' ? orgSlugOf(question.id) : null;
  return (
    <article className="question-page">
      <header className="page-header">
        <Breadcrumb
          trail={[
            { to: '/', label: 'Role guides' },
            { to: guidePath(home), label: guide?.title ?? humanize(home) },
          ]}
          current={question.title}
        />
        <h1>{question.title}</h1>
        <div className="q-item__meta">
          <SourceBadge source={question.source} />
          <DifficultyBadge difficulty={question.difficulty} />
          <span className="meta-text">{stage?.name ?? humanize(question.stage)} stage</span>
          <LevelBadges levels={question.levels} />
          {orgSlug !== null && canEditContent(me) && (
            <Link className="q-item__link" to={editContentPath('question', orgSlug)}>
              Edit this question
            </Link>
          )}
        </div>
        {question.roles.length > 1 && (
          <p className="muted also-in">
            Also asked in:{' '}
            {question.roles.slice(1).map((r, i) => (
              <span key={r}>
                {i > 0 && ', '}
                <Link to={guidePath(r)}>{roleTitle(r)}</Link>
              </span>
            ))}
          </p>
        )}
      </header>
      <QuestionDetail question={question} level={2} />
      <p className="back-link">
        <Link to={`${guidePath(home)}#questions`}>Back to the {guide?.title ?? humanize(home)} guide</Link>
      </p>
    </article>
  );
}

export function QuestionPage() {
  const { role = '', slug = '' } = useParams();
  const id = `${role}/${slug}`;
  const question = useApi(`question:${id}`, (signal) => api.getQuestion(id, signal));
  // The guide only adds names (breadcrumb, stage); the page works without it. A shipped question's id starts with its
  // home role; an organization's (org/<slug>) does not, so its home role is known once the question is.
  const home = role === 'org' ? (question.data?.roles[0] ?? null) : role;
  const guide = useApi(home === null ? null : `role:${home}`, (signal) => api.getRole(home ?? '', signal));
  const roles = useApi('roles', (signal) => api.listRoles(signal));
  const roleTitle = (r: string): string => (roles.status === 'success' ? roles.data.find((x) => x.id === r)?.title : undefined) ?? humanize(r);
  useDocumentTitle(question.status === 'success' ? question.data.title : question.status === 'error' ? 'Question not available' : undefined);

  if (question.status === 'error') {
    return (
      <div className="page-state">
        <h1>This question is not available</h1>
        <ErrorMessage error={question.error} title="Could not load the question" onRetry={question.reload}>
          {role === 'org' ? <Link to="/content">See your content</Link> : <Link to={guidePath(role)}>Go to the guide</Link>}
          <Link to="/questions">Search all questions</Link>
        </ErrorMessage>
      </div>
    );
  }
  if (question.status !== 'success') return <Loading>Loading the question…</Loading>;
  return (
    <QuestionView question={question.data} guide={guide.status === 'success' ? guide.data : undefined} roleTitle={roleTitle} />
  );
}
