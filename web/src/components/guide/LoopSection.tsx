import { useState } from 'react';
import type { RoleDetail } from '../../../../src/shared/contracts/roles.js';
import { duration, levelLabel, plural, type Level } from '../../lib/format.js';
import { LevelSelector } from './LevelSelector.js';
import { LoopTimeline } from './LoopTimeline.js';

function LevelSummary({ guide, level }: { guide: RoleDetail; level: Level | '' }) {
  if (!level) {
    return (
      <details className="inline-details level-differences">
        <summary>How the loop differs by level</summary>
        <dl>
          {guide.levelDifferences.map((d) => (
            <div key={d.level}>
              <dt>{levelLabel(d.level)}</dt>
              <dd>{d.summary}</dd>
            </div>
          ))}
        </dl>
      </details>
    );
  }
  const stages = guide.stages.filter((s) => s.levels.includes(level));
  const minutes = stages.reduce((sum, s) => sum + s.durationMinutes, 0);
  const difference = guide.levelDifferences.find((d) => d.level === level);
  return (
    <div className="callout">
      <p className="callout__title">
        {levelLabel(level)} loop: {plural(stages.length, 'stage')}, about {duration(minutes)} of interviews
      </p>
      <p>{difference ? difference.summary : `The guide has no notes on how the loop changes at ${levelLabel(level)} level.`}</p>
    </div>
  );
}

export function LoopSection({ guide }: { guide: RoleDetail }) {
  const [level, setLevel] = useState<Level | ''>('');
  return (
    <section id="loop" className="guide-section" aria-labelledby="loop-heading">
      <h2 id="loop-heading">The typical loop</h2>
      <p className="section-intro">
        {plural(guide.stages.length, 'stage')}, in the order they usually happen. Pick a level to see which stages you will get and where
        the bar sits.
      </p>
      <LevelSelector levels={guide.levels} value={level} onChange={setLevel} />
      <div aria-live="polite">
        <LevelSummary guide={guide} level={level} />
      </div>
      <LoopTimeline stages={guide.stages} level={level} />
    </section>
  );
}
