import { useId } from 'react';
import { levelLabel, type Level } from '../../lib/format.js';

/** A radio group: pick a level to highlight the stages it gets. '' means every level. */
export function LevelSelector({ levels, value, onChange }: { levels: readonly Level[]; value: Level | ''; onChange: (level: Level | '') => void }) {
  const name = useId();
  const options: (Level | '')[] = ['', ...levels];
  return (
    <fieldset className="segmented">
      <legend>Show the loop for</legend>
      <div className="segmented__options">
        {options.map((level) => (
          <label key={level || 'all'} className="segmented__option">
            <input
              type="radio"
              name={name}
              value={level}
              checked={value === level}
              onChange={() => {
                onChange(level);
              }}
            />
            <span>{level ? levelLabel(level) : 'All levels'}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
