import type { PracticeMode } from '../../api.js';
import { modeLabel } from '../../lib/practice.js';

/** The practice-mode radio group shared by the session and single-question start screens. */
export function ModeChoice<M extends PracticeMode>(props: {
  name: string;
  modes: readonly M[];
  value: M;
  describe: Record<M, string>;
  onChange: (mode: M) => void;
}) {
  return (
    <fieldset className="mode-choice">
      <legend>Mode</legend>
      <div className={`mode-choice__options${props.modes.length === 2 ? ' mode-choice__options--two' : ''}`}>
        {props.modes.map((m) => (
          <label key={m} className="mode-option">
            <input
              type="radio"
              name={props.name}
              value={m}
              checked={props.value === m}
              onChange={() => {
                props.onChange(m);
              }}
            />
            <span className="mode-option__body">
              <span className="mode-option__title">{modeLabel(m)}</span>
              <span className="mode-option__text">{props.describe[m]}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
