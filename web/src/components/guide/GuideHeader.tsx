import { Link } from 'react-router';
import type { RoleDetail } from '../../../../src/shared/contracts/roles.js';
import { plural, weeksRange } from '../../lib/format.js';
import { canEditContent, editContentPath, orgSlugOf } from '../../lib/orgContent.js';
import { useMe } from '../../lib/session.js';
import { LevelBadges, RatingPips } from '../common/Badges.js';
import { Breadcrumb } from '../common/Breadcrumb.js';
import { SourceBadge } from '../common/SourceBadge.js';

export function GuideHeader({ guide }: { guide: RoleDetail }) {
  const me = useMe();
  const orgSlug = guide.source === 'organization' ? orgSlugOf(guide.id) : null;
  return (
    <header className="page-header guide-header">
      <Breadcrumb trail={[{ to: '/', label: 'Role guides' }]} current={guide.title} />
      <h1>{guide.title} interview guide</h1>
      {orgSlug !== null && (
        <p className="source-line">
          <SourceBadge source={guide.source} />
          <span className="meta-text">
            {me.mode === 'local' ? 'Written by you, not shipped with Loopcoach.' : 'Written by your organization; only its members see it.'}
          </span>
          {canEditContent(me) && (
            <Link className="source-line__edit" to={editContentPath('guide', orgSlug)}>
              Edit this guide
            </Link>
          )}
        </p>
      )}
      <p className="lede">{guide.summary}</p>
      <dl className="facts" aria-label="Key facts">
        <div className="fact fact--wide">
          <dt>Time to offer</dt>
          <dd>
            <p className="fact__value">{weeksRange(guide.timeToOffer.minWeeks, guide.timeToOffer.maxWeeks)}</p>
            <p className="fact__note">{guide.timeToOffer.note}</p>
          </dd>
        </div>
        <div className="fact fact--wide">
          <dt>Difficulty</dt>
          <dd>
            <p className="fact__value">
              <RatingPips rating={guide.difficulty.rating} />
              <span>
                {guide.difficulty.rating} of 5 · {guide.difficulty.label}
              </span>
            </p>
            <p className="fact__note">{guide.difficulty.explanation}</p>
          </dd>
        </div>
        <div className="fact">
          <dt>Questions</dt>
          <dd>
            <p className="fact__value">{guide.questionCount}</p>
            <p className="fact__note">across {plural(guide.stages.length, 'interview stage')}</p>
          </dd>
        </div>
        <div className="fact">
          <dt>Levels</dt>
          <dd>
            <LevelBadges levels={guide.levels} label="Levels this guide covers" />
          </dd>
        </div>
      </dl>
    </header>
  );
}
