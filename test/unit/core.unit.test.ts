import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planSync } from '../../src/core/content/sync-plan.js';
import { groupByStage, loopLevels, skillCounts } from '../../src/core/guides/assemble.js';
import { toPrefixTsQuery } from '../../src/core/search/tsquery.js';
import { splitStatements } from '../../src/infra/db/migrate.js';

describe('planning a content sync', () => {
  it('leaves unchanged items alone and finds inserts, updates and removals', () => {
    const plan = planSync(
      [
        { id: 'a', hash: '1' },
        { id: 'b', hash: '2' },
        { id: 'gone', hash: '3' },
      ],
      [
        { id: 'a', hash: '1' },
        { id: 'b', hash: 'changed' },
        { id: 'new', hash: '4' },
      ],
    );
    assert.deepEqual(plan.insert.map((i) => i.id), ['new']);
    assert.deepEqual(plan.update.map((i) => i.id), ['b']);
    assert.deepEqual(plan.remove, ['gone']);
    assert.equal(plan.unchanged, 1);
  });

  it('plans nothing when everything is already stored', () => {
    const items = [{ id: 'a', hash: '1' }];
    const plan = planSync(items, items);
    assert.deepEqual({ ...plan, unchanged: plan.unchanged }, { insert: [], update: [], remove: [], unchanged: 1 });
  });
});

describe('turning search input into a tsquery', () => {
  it('prefix-matches every word so results appear while typing', () => {
    assert.equal(toPrefixTsQuery('idempot retr'), 'idempot:* & retr:*');
  });
  it('drops tsquery operators and punctuation, so input cannot change the query structure', () => {
    assert.equal(toPrefixTsQuery("ab & cde | !fgh:* <-> 'ijk'"), 'ab & cde:* & fgh:* & ijk:*');
  });
  it('matches words shorter than three characters only whole, so "a" does not match everything', () => {
    assert.equal(toPrefixTsQuery('a go'), 'a & go');
  });
  it('returns null when nothing searchable is left', () => {
    assert.equal(toPrefixTsQuery('  &&| !! '), null);
  });
  it('keeps letters beyond ASCII and removes duplicates', () => {
    assert.equal(toPrefixTsQuery('Café café'), 'café:*');
  });
});

describe('assembling a guide', () => {
  const guide = {
    stages: [
      { id: 'one', levels: ['mid' as const] },
      { id: 'two', levels: ['senior' as const, 'staff' as const] },
    ],
  };
  it('groups questions by stage, easiest first, and drops questions of unknown stages', () => {
    const q = (title: string, stage: string, difficulty: 'easy' | 'medium' | 'hard') => ({ title, stage, difficulty });
    const grouped = groupByStage(guide as never, [q('B', 'one', 'hard'), q('A', 'one', 'easy'), q('C', 'two', 'medium'), q('X', 'nowhere', 'easy')]);
    assert.deepEqual(grouped.get('one')?.map((x) => x.title), ['A', 'B']);
    assert.deepEqual(grouped.get('two')?.map((x) => x.title), ['C']);
    assert.equal(grouped.has('nowhere'), false);
  });
  it('counts skills, most common first', () => {
    assert.deepEqual(skillCounts([{ skills: ['sql', 'go'] }, { skills: ['sql'] }]), [
      { id: 'sql', count: 2 },
      { id: 'go', count: 1 },
    ]);
  });
  it('lists the levels a loop covers in seniority order', () => {
    assert.deepEqual(loopLevels(guide as never), ['mid', 'senior', 'staff']);
  });
});

describe('splitting a migration into statements', () => {
  it('splits on semicolons but not inside strings, comments or dollar-quoted bodies', () => {
    const sql = `create table a (x text default 'a;b'); -- c;d
do $$ begin perform 1; end $$;
/* e; */ select 1`;
    const parts = splitStatements(sql);
    assert.equal(parts.length, 3);
    assert.match(parts[1] ?? '', /do \$\$ begin perform 1; end \$\$$/);
  });
});
