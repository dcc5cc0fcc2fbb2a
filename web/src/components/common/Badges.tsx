import type { Difficulty, Level } from '../../lib/format.js';
import { difficultyLabel, levelLabel, skillLabel } from '../../lib/format.js';

export function DifficultyBadge({ difficulty }: { difficulty: Difficulty }) {
  return <span className={`badge badge--${difficulty}`}>{difficultyLabel(difficulty)}</span>;
}

export function LevelBadges({ levels, label = 'Levels', highlight }: { levels: readonly Level[]; label?: string; highlight?: Level | undefined }) {
  return (
    <>
      <span className="sr-only">{label}:</span>
      <ul className="badge-list">
        {levels.map((level) => (
          <li key={level} className={`badge badge--level${highlight === level ? ' badge--active' : ''}`}>
            {levelLabel(level)}
          </li>
        ))}
      </ul>
    </>
  );
}

export function SkillBadges({ skills, label = 'Skills' }: { skills: readonly string[]; label?: string }) {
  return (
    <>
      <span className="sr-only">{label}:</span>
      <ul className="badge-list">
        {skills.map((skill) => (
          <li key={skill} className="badge badge--skill">
            {skillLabel(skill)}
          </li>
        ))}
      </ul>
    </>
  );
}

/** A 1–5 rating drawn as pips, with the number in text for everyone. */
export function RatingPips({ rating, max = 5 }: { rating: number; max?: number }) {
  return (
    <span className="pips" aria-hidden="true">
      {Array.from({ length: max }, (_, i) => (
        <span key={i} className={i < rating ? 'pip pip--on' : 'pip'} />
      ))}
    </span>
  );
}
