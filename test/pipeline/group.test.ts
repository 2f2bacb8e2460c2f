import { describe, it, expect } from 'vitest';
import { groupDevelopments, type GroupItem } from '../../pipeline/group.ts';
import { editsFrom } from '../../pipeline/developments.ts';
import { parseYamlText, schemas, ConfigError } from '../../pipeline/config.ts';

// Invented reports: a ruling covered by three outlets, an unrelated launch the same week,
// and a later ruling on the same theme months after.
const items: GroupItem[] = [
  { id: 'a-ruling', published: '2025-03-02T18:00:00+08:00', outletId: 'a', title: '某地法院判决购车定金双倍返还', keywords: ['定金', '双倍返还', '判决', '法院', '购车'] },
  { id: 'b-ruling', published: '2025-03-03T09:00:00+08:00', outletId: 'b', title: '定金双倍返还判决释放什么信号', keywords: ['定金', '双倍返还', '判决', '律师', '违约'] },
  { id: 'c-launch', published: '2025-03-03T12:00:00+08:00', outletId: 'c', title: '新款电动车发布，售价二十万元起', keywords: ['发布会', '售价', '车型', '交付', '续航'] },
  { id: 'c-ruling', published: '2025-03-05T08:00:00+08:00', outletId: 'c', title: '车主热议定金双倍返还判例', keywords: ['车主', '定金', '双倍返还', '判决', '群里'] },
  { id: 'a-later', published: '2025-07-01T10:00:00+08:00', outletId: 'a', title: '又一起定金双倍返还判决', keywords: ['定金', '双倍返还', '判决', '法院', '车主'] },
];

describe('groupDevelopments', () => {
  it('groups one development\'s reports, earliest first, and keeps others apart', () => {
    const groups = groupDevelopments(items);
    expect(groups.map((g) => g.articles)).toEqual([['a-ruling', 'b-ruling', 'c-ruling'], ['c-launch'], ['a-later']]);
    expect(groups[0]!.id).toBe('a-ruling');
  });

  it('does not chain a theme across months: the window starts at the first report', () => {
    const groups = groupDevelopments(items, undefined, { windowDays: 10, threshold: 0.25 });
    expect(groups.find((g) => g.articles.includes('a-later'))!.articles).toEqual(['a-later']);
  });

  it('is the same whatever order the items come in', () => {
    expect(groupDevelopments([...items].reverse())).toEqual(groupDevelopments(items));
  });

  it('does not group an outlet\'s follow-ups to its own story by themselves', () => {
    const own = [items[0]!, { ...items[1]!, id: 'a-followup', outletId: 'a' }];
    expect(groupDevelopments(own).map((g) => g.articles)).toEqual([['a-ruling'], ['a-followup']]);
  });

  it('applies the editor\'s merge and split', () => {
    const groups = groupDevelopments(items, { sameAs: new Map([['a-later', 'a-ruling']]), startsNew: new Set(['c-ruling']) });
    expect(groups.find((g) => g.id === 'a-ruling')!.articles).toEqual(['a-ruling', 'b-ruling', 'a-later']);
    expect(groups.find((g) => g.articles.includes('c-ruling'))!.articles).toEqual(['c-ruling']);
  });
});

describe('development corrections', () => {
  it('are validated: unknown keys and a wrong value are reported with their line', () => {
    const ok = 'corrections:\n  - article: b-ruling\n    sameDevelopmentAs: a-ruling\n    note: 同一判决\n  - article: c-ruling\n    newDevelopment: true\n    note: 另一件事\n';
    expect(parseYamlText('corrections.yaml', ok, schemas.correctionsFileSchema).corrections).toHaveLength(2);
    const unknown = 'corrections:\n  - article: b-ruling\n    sameDevelopment: a-ruling\n    note: 同一判决\n';
    expect(() => parseYamlText('corrections.yaml', unknown, schemas.correctionsFileSchema)).toThrow(ConfigError);
    expect(() => parseYamlText('corrections.yaml', unknown, schemas.correctionsFileSchema)).toThrow(/corrections\.yaml:3: .*sameDevelopment/);
    const wrong = 'corrections:\n  - article: c-ruling\n    newDevelopment: yes please\n    note: x\n';
    expect(() => parseYamlText('corrections.yaml', wrong, schemas.correctionsFileSchema)).toThrow(/corrections\.yaml:3: .*newDevelopment/);
  });

  it('name the article ids that do not exist', () => {
    const { edits, problems } = editsFrom([
      { article: 'b-ruling', sameDevelopmentAs: 'no-such', note: 'x' },
      { article: 'gone', newDevelopment: true, note: 'y' },
      { article: 'c-ruling', newDevelopment: true, note: 'z' },
    ], new Set(items.map((i) => i.id)));
    expect(problems.map((p) => p.article)).toEqual(['b-ruling', 'gone']);
    expect(problems[0]!.message).toContain('no-such');
    expect([...edits.startsNew]).toEqual(['c-ruling']);
    expect(edits.sameAs.size).toBe(0);
  });
});
