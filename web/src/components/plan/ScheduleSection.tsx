import { useState } from 'react';
import { duration, formatDay, plural } from '../../lib/format.js';
import { QuestionLinks } from './QuestionLink.js';
import type { Plan, PlanNames } from './types.js';

/**
 * The day-by-day schedule as a table. On narrow screens each row becomes a card (CSS); the explicit roles keep the table
 * semantics that some browsers drop when table parts stop being display: table-*.
 */
/** Past this many days (an interview months away), the table shows the first days and the interview day until asked. */
const MAX_ROWS = 21;

export function ScheduleSection({ plan, names }: { plan: Plan; names: PlanNames }) {
  const { schedule } = plan;
  const total = schedule.reduce((sum, d) => sum + d.minutes, 0);
  const last = schedule.at(-1);
  const [showAll, setShowAll] = useState(false);
  const long = schedule.length > MAX_ROWS;
  const rows = long && !showAll ? [...schedule.slice(0, MAX_ROWS - 1), ...(last ? [last] : [])] : schedule;
  return (
    <section id="schedule" className="guide-section" aria-labelledby="schedule-heading">
      <h2 id="schedule-heading">Study schedule</h2>
      <p className="section-intro">
        {schedule.length === 0
          ? 'There are no study days before the interview.'
          : `${plural(schedule.length, 'day')}, about ${duration(total)} in all${
              plan.interviewDate
                ? `, up to your interview on ${formatDay(plan.interviewDate)}.`
                : last
                  ? `. No interview date was given, so the schedule assumes it is on ${formatDay(last.date)}.`
                  : '.'
            } Each question comes back for review three and seven days after you first practise it.`}
      </p>
      {schedule.length > 0 && (
        <table className="schedule" role="table">
          <caption className="sr-only">Study schedule, one row per day</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">
                Date
              </th>
              <th scope="col" role="columnheader">
                Focus
              </th>
              <th scope="col" role="columnheader">
                New questions
              </th>
              <th scope="col" role="columnheader">
                Review
              </th>
              <th scope="col" role="columnheader" className="schedule__num">
                Minutes
              </th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {rows.map((day) => (
              <tr key={day.date} role="row">
                <th scope="row" role="rowheader" className="schedule__date">
                  <time dateTime={day.date}>{formatDay(day.date, { weekday: 'short', month: 'short', day: 'numeric' })}</time>
                </th>
                <td role="cell" data-label="Focus">
                  {day.focus}
                </td>
                <td role="cell" data-label="New questions" className={day.questions.length === 0 ? 'schedule__empty' : undefined}>
                  <QuestionLinks ids={day.questions} names={names} />
                </td>
                <td role="cell" data-label="Review" className={day.review.length === 0 ? 'schedule__empty' : undefined}>
                  <QuestionLinks ids={day.review} names={names} />
                </td>
                <td role="cell" data-label="Minutes" className="schedule__num schedule__minutes">
                  {day.minutes}
                  <span className="schedule__unit"> min</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {long && (
        <p className="schedule__more">
          {!showAll && <span className="muted">Showing the first {MAX_ROWS - 1} days and the interview day. </span>}
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => {
              setShowAll((v) => !v);
            }}
          >
            {showAll ? 'Show fewer days' : `Show all ${String(schedule.length)} days`}
          </button>
        </p>
      )}
    </section>
  );
}
