// The command-line contracts other tools rely on: extract, analyze, segment, explain, eval.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadAnalysisConfig } from '../../pipeline/config.ts';
import { addDays } from '../../src/lib/story-time.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = (script: string, args: string[] = [], input?: string) =>
  spawnSync(process.execPath, [path.join(ROOT, 'pipeline/cli', script), ...args], { cwd: ROOT, input, encoding: 'utf8' });
const PAGES = path.join(ROOT, 'test/fixtures/pages');

describe('extract', () => {
  it('prints the body, one paragraph per line', () => {
    const r = run('extract.ts', [path.join(PAGES, 'portal-with-comments/source.html')]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain('469位用户');
    expect(r.stdout).not.toContain('网友评论');
  });

  it('--json prints {title, byline, published, text}, with the charset detected from the bytes', () => {
    const r = run('extract.ts', [path.join(PAGES, 'gbk-meta-only/source.html'), '--json', '--url', 'https://nanfang.example/a.html']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['title', 'byline', 'published', 'text']);
    expect(out.title).toBe('二手平台现小米SU7订单转让 加价数万元');
    expect(out.published).toBe('2024-03-30T10:20:00+08:00');
    expect(out.text).toContain('不支持任何形式的订单倒卖');
  });

  it('fails with the file and the reason for a page with no article', () => {
    const file = path.join(PAGES, 'no-article/source.html');
    const r = run('extract.ts', [file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toContain('no-article');
  });
});

describe('analyze', () => {
  it('answers one JSON line per input line, and an error line naming a bad line', () => {
    const input = [
      JSON.stringify({ id: 'a', title: '小米SU7上市24小时大定88898台', text: '小米汽车宣布，SU7上市24小时大定88898台。有用户反映锁单后5000元定金不退，在黑猫投诉维权。' }),
      '{not json',
      JSON.stringify({ id: 'b', title: '英雄联盟夏季赛落幕', text: '战队夺冠，电竞观众创新高。' }),
      JSON.stringify({ id: 'c', title: '', text: null }),
      // A headline with no body, as trending lists and digests give them, is judged on its title.
      JSON.stringify({ id: 'd', title: '小米汽车回应su7琐单后定金不退', text: '' }),
    ].join('\n');
    const r = run('analyze.ts', [], input + '\n');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatchObject({ id: 'a', relevant: true, topics: expect.arrayContaining(['sales', 'refunds', 'disputes']) });
    expect(lines[0].evidence.refunds).toContain('定金');
    expect(lines[0].figures).toContainEqual(expect.objectContaining({ value: 88898, unit: '台', what: expect.any(String), sentence: expect.any(String) }));
    expect(Array.isArray(lines[0].keywords)).toBe(true);
    expect(lines[1]).toMatchObject({ line: 2, error: expect.stringContaining('line 2') });
    expect(lines[2]).toMatchObject({ id: 'b', relevant: false, reason: expect.any(String), topics: [] });
    expect(lines[3]).toMatchObject({ line: 4, error: 'line 4: title: neither a title nor a text to analyse' });
    expect(lines[4]).toMatchObject({ id: 'd', relevant: true, topics: expect.arrayContaining(['refunds']) });
    expect(lines[4].evidence.refunds).toBe('小米汽车回应su7琐单后定金不退');
  });

  it('reads a line without "text" (or with null) as a title alone, one without "title" as its text alone; a byte-order mark opens the first line', () => {
    const input = [
      '\uFEFF' + JSON.stringify({ id: 'bom', title: '小米SU7锁单后定金不退', text: '' }),
      JSON.stringify({ id: 'no-text', title: '小米SU7锁单后定金不退' }),
      JSON.stringify({ id: 7, title: '小米SU7锁单后定金不退', text: null }),
      JSON.stringify({ id: 'no-title', text: '小米SU7锁单后定金不退' }),
      JSON.stringify({ title: '小米SU7锁单后定金不退' }),
    ].join('\r\n');
    const r = run('analyze.ts', [], input + '\r\n');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id ?? l.error)).toEqual(['bom', 'no-text', '7', 'no-title', 'line 5: id: expected a string or a number']);
    for (const l of lines.slice(0, 4)) {
      expect(l).toMatchObject({ relevant: true, topics: expect.arrayContaining(['refunds']) });
      expect(l.evidence.refunds).toBe('小米SU7锁单后定金不退');
    }
    expect(r.stderr).toContain('1 bad line(s) of 5');
  });

  it('reads "published" or "date": a bare name dated on a news day of story.yaml is that day\'s news, and says so', () => {
    const day = loadAnalysisConfig(path.join(ROOT, 'content/config')).story.newsDays[0]!;
    const input = [
      JSON.stringify({ id: 'on', title: '小米汽车', text: '', date: day.date }),
      JSON.stringify({ id: 'next', title: '小米汽车', text: '', published: `${addDays(day.date, 1)}T09:00:00+08:00` }),
      JSON.stringify({ id: 'undated', title: '小米汽车', text: '' }),
      JSON.stringify({ id: 'later', title: '小米汽车', text: '', date: addDays(day.date, 2) }),
      JSON.stringify({ id: 'garbled', title: '小米汽车', text: '', date: 'yesterday' }),
    ].join('\n');
    const r = run('analyze.ts', [], input + '\n');
    expect(r.status).toBe(0);
    const [on, next, undated, later, garbled] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    // A date that cannot be read is named on stderr and the item analysed without it.
    expect(garbled).toMatchObject({ id: 'garbled', relevant: false });
    expect(r.stderr).toContain('line 5 (garbled): "yesterday" is not a date');
    for (const kept of [on, next]) {
      expect(kept).toMatchObject({ relevant: true, topics: day.topics, newsDay: { date: day.date, what: day.what } });
      expect(kept.evidence[day.topics[0]!]).toBe('小米汽车');
    }
    for (const rejected of [undated, later]) expect(rejected).toMatchObject({ relevant: false, reason: expect.stringMatching(/^no-story-angle/) });
    expect(undated.newsDay).toBeUndefined();
  });
});

describe('segment', () => {
  it('prints each line’s tokens separated by single spaces', () => {
    const r = run('segment.ts', [], '小米SU7锁单后定金不退\n黄牛转售优先购车权\n');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[0]!.split(' ')).toEqual(expect.arrayContaining(['锁单', '定金']));
    expect(lines[1]!.split(' ')).toEqual(['黄牛', '转售', '优先购车权']);
    expect(lines.every((l) => !/ {2}/.test(l))).toBe(true);
  });
});

describe('explain', () => {
  it('shows each sentence\'s phrases and what each topic scored from them, the topics that hold and the verdict; a bad line is named and the rest go on', () => {
    const input = [
      JSON.stringify({ id: 'a', title: '小米SU7锁单后定金不退', text: '有车主把SU7订单挂到二手平台加价转让。' }),
      'not json',
      JSON.stringify({ id: 'b', title: '某地举办风筝节', text: '' }),
    ].join('\n');
    const r = run('explain.ts', [], input + '\n');
    expect(r.status).toBe(0);
    const [a, bad, b] = r.stdout.split('\n\n');
    expect(a).toMatch(/^# a: kept/);
    expect(a).toContain('[0] 小米SU7锁单后定金不退');
    expect(a).toMatch(/refunds [\d.]+: .*定金/);
    expect(a).toMatch(/resale [\d.]+: .*加价 \+/);
    expect(a).toMatch(/topics: .*refunds \([\d.]+, sentence 0\).*resale/);
    expect(a).toMatch(/holds: refunds, carried by the title or the lead \[sentences 0/);
    expect(bad).toMatch(/^line 2: not JSON/);
    expect(b).toMatch(/^# b: rejected \(no-story-subject/);
  });
});

describe('blind-kit and agreement', () => {
  it('prepare a set for a blind second annotator, then compare the two annotators\' labels', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storyline-blind-'));
    try {
      // Labelled by hand in our own words.
      const first = path.join(dir, 'first.jsonl');
      const items = [
        { id: 'wb-1', date: '2025-06-27', title: '小米YU7锁单破24万台', text: '', relevant: true, topics: ['sales'] },
        { id: 'wb-2', date: '2025-06-28', title: 'YU7订单被加价转让', text: '二手平台出现YU7订单转让帖。', relevant: true, topics: ['resale'] },
        { id: 'wb-3', date: '2025-06-29', title: '某地举办风筝节', text: '', relevant: false, topics: [] },
      ];
      fs.writeFileSync(first, items.map((x) => JSON.stringify(x)).join('\n') + '\n');
      const kit = path.join(dir, 'kit');
      const r = run('blind-kit.ts', [first, '--out', kit]);
      expect(r.status, r.stderr).toBe(0);
      const blind = fs.readFileSync(path.join(kit, 'items.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
      // No labels and no original ids reach the annotator.
      expect(blind.map((b) => Object.keys(b).sort())).toEqual(blind.map(() => ['date', 'id', 'text', 'title']));
      expect(blind.every((b) => /^x-[0-9a-f]{8}$/.test(b.id))).toBe(true);
      const definitions = fs.readFileSync(path.join(kit, 'definitions.md'), 'utf8');
      expect(definitions).toContain('属于本事件');
      expect(definitions).toContain('`refunds` 退订退款');
      expect(definitions).not.toMatch(/weight|regex|besideTitle/);
      // A kit is prepared once.
      expect(run('blind-kit.ts', [first, '--out', kit]).status).toBe(2);

      // The second annotator agrees on relevance and differs on one topic.
      const byTitle = new Map(blind.map((b) => [b.title, b.id]));
      const second = path.join(kit, 'labels.jsonl');
      fs.writeFileSync(second, [
        { id: byTitle.get('小米YU7锁单破24万台'), relevant: true, topics: ['sales'], borderline: false },
        { id: byTitle.get('YU7订单被加价转让'), relevant: true, topics: ['resale', 'disputes'], borderline: false },
        { id: byTitle.get('某地举办风筝节'), relevant: false, topics: [], borderline: false },
      ].map((x) => JSON.stringify(x)).join('\n') + '\n');
      const merged = path.join(dir, 'second-merged.jsonl');
      const a = run('agreement.ts', [first, second, '--json', '--merged', merged]);
      expect(a.status, a.stderr).toBe(0);
      const out = JSON.parse(a.stdout);
      expect(out.items).toBe(3);
      expect(out.relevanceAgreement).toBe(1);
      expect(out.identicalTopicSets).toBe(1);
      expect(out.topicF1.find((t: { topic: string }) => t.topic === 'disputes')).toMatchObject({ both: 0, firstOnly: 0, secondOnly: 1, f1: 0 });
      // The merged file holds the first's items under their own ids, with the second's labels.
      const m = fs.readFileSync(merged, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
      expect(m.map((x) => [x.id, x.topics])).toEqual([['wb-1', ['sales']], ['wb-2', ['resale', 'disputes']], ['wb-3', []]]);

      // A label naming no item, or a topic the story does not have, is an error naming the file.
      fs.appendFileSync(second, JSON.stringify({ id: 'x-00000000', relevant: false, topics: [] }) + '\n');
      const unknown = run('agreement.ts', [first, second]);
      expect(unknown.status).toBe(2);
      expect(unknown.stderr).toContain(`${second}: ids not in ${first}: x-00000000`);
      fs.writeFileSync(second, JSON.stringify({ id: 'wb-1', relevant: true, topics: ['prices'] }) + '\n');
      const badTopic = run('agreement.ts', [first, second]);
      expect(badTopic.status).toBe(2);
      expect(badTopic.stderr).toContain(`${second}: line 1: prices is not a topic of this story`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('audit-rules', () => {
  it('takes each entry of topics.yaml out in turn over the labelled sets, never reading a held-out half', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storyline-audit-'));
    try {
      fs.cpSync(path.join(ROOT, 'examples/zibo-bbq/config'), path.join(dir, 'config'), { recursive: true });
      fs.mkdirSync(path.join(dir, 'eval'));
      // Labelled by hand in our own words.
      fs.writeFileSync(path.join(dir, 'eval', 'mine.jsonl'), [
        { id: 'm1', title: '淄博烧烤店承诺五一不涨价', text: '多家烧烤店表示，五一期间菜品价格不上调。', relevant: true, topics: ['prices'] },
        { id: 'm2', title: '某地举办风筝节', text: '风筝节吸引了不少市民。', relevant: false, topics: [] },
      ].map((x) => JSON.stringify(x)).join('\n') + '\n');
      const extra = path.join(dir, 'extra.jsonl');
      fs.writeFileSync(extra, ['e1', 'e2', 'e3', 'e4'].map((id) => JSON.stringify({ id, title: '淄博烧烤排长队', text: '', relevant: true, topics: ['visitors'] })).join('\n') + '\n');
      // A whole file nobody may tune on (--held-set) is not read either.
      const r = run('audit-rules.ts', ['--story', dir, '--json', '--split-set', `extra=${extra}`, '--held-set', `unseen=${extra}`]);
      expect(r.status, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.sets).toEqual(['mine', 'extra-dev']);
      expect(out.heldOutNotRead).toEqual(['extra-held', 'unseen']);
      expect(out.items).toBe(2 + 2);
      expect(out.entries.length).toBeGreaterThan(50);
      // The price phrases decide m1: taking out one of them changes it; no entry names a held item.
      const changedIds = out.entries.flatMap((e: { items: string[] }) => e.items);
      expect(changedIds).toContain('mine:m1');
      const held = out.entries.some((e: { items: string[] }) => e.items.some((id) => id.startsWith('extra-held') || id.startsWith('unseen')));
      expect(held).toBe(false);
      const text = run('audit-rules.ts', ['--story', dir]);
      expect(text.stdout).toMatch(/entries of topics\.yaml against 2 labelled items/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('eval', () => {
  it('--story scores that story: its demo corpus and its eval/ sets, with its own topics', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storyline-eval-story-'));
    try {
      fs.cpSync(path.join(ROOT, 'examples/zibo-bbq/config'), path.join(dir, 'config'), { recursive: true });
      fs.cpSync(path.join(ROOT, 'examples/zibo-bbq/corpus'), path.join(dir, 'corpus'), { recursive: true });
      fs.mkdirSync(path.join(dir, 'eval'));
      // Labelled by hand in our own words: one about prices, one outside the story.
      fs.writeFileSync(path.join(dir, 'eval', 'mine.jsonl'), [
        { id: 'm1', title: '淄博烧烤店承诺五一不涨价', text: '多家烧烤店表示，五一期间菜品价格不上调。', relevant: true, topics: ['prices'] },
        { id: 'm2', title: '某地举办风筝节', text: '风筝节吸引了不少市民。', relevant: false, topics: [] },
      ].map((x) => JSON.stringify(x)).join('\n') + '\n');
      const r = run('eval.ts', ['--story', dir, '--json']);
      expect(r.status, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(Object.keys(out.sets)).toEqual(['mine', 'demo-corpus']);
      // A second editor's labels of the corpus (corpus/blind-labels.jsonl) are scored beside the authors'.
      const blind = path.join(dir, 'corpus', 'blind-labels.jsonl');
      fs.writeFileSync(blind, [
        { id: 'zibo-students-weekend-bbq', relevant: true, topics: ['visitors', 'prices'] },
        { id: 'zibo-station-weekend-crowds', relevant: false, topics: [] },
      ].map((x) => JSON.stringify(x)).join('\n') + '\n');
      const second = JSON.parse(run('eval.ts', ['--story', dir, '--json']).stdout);
      expect(Object.keys(second.sets)).toEqual(['mine', 'demo-corpus', 'demo-corpus-blind']);
      expect(second.sets['demo-corpus-blind'].n).toBe(2);
      expect(second.sets['demo-corpus-blind'].relevanceRecall).toBe(1);
      fs.appendFileSync(blind, JSON.stringify({ id: 'no-such-article', relevant: false, topics: [] }) + '\n');
      const wrong = run('eval.ts', ['--story', dir]);
      expect(wrong.status).toBe(2);
      expect(wrong.stderr).toContain(`${blind}: ids not in the corpus: no-such-article`);
      fs.rmSync(blind);
      expect(out.sets['demo-corpus'].topics.map((t: { topic: string }) => t.topic)).toEqual(['visitors', 'prices', 'services']);
      expect(out.sets['demo-corpus'].n).toBeGreaterThanOrEqual(15);
      expect(out.sets.mine.n).toBe(2);
      // Sets pooled into one: their items scored together, counts summed.
      const pooled = JSON.parse(run('eval.ts', ['--story', dir, '--json', '--pool', 'both=mine,demo-corpus']).stdout);
      const [mine, corpus, both] = [pooled.sets.mine, pooled.sets['demo-corpus'], pooled.sets.both];
      expect(both.n).toBe(mine.n + corpus.n);
      expect([both.storyKept, both.storyItems, both.offTopicKept, both.offTopicItems]).toEqual(
        [mine.storyKept + corpus.storyKept, mine.storyItems + corpus.storyItems, mine.offTopicKept + corpus.offTopicKept, mine.offTopicItems + corpus.offTopicItems]);
      const unknownPool = run('eval.ts', ['--story', dir, '--pool', 'both=mine,nosuch']);
      expect(unknownPool.status).toBe(2);
      expect(unknownPool.stderr).toContain('--pool both=mine,nosuch: no set named nosuch');
      // Without any labelled set it says where to put one.
      fs.rmSync(path.join(dir, 'eval'), { recursive: true });
      fs.rmSync(path.join(dir, 'corpus'), { recursive: true });
      const none = run('eval.ts', ['--story', dir]);
      expect(none.status).toBe(2);
      expect(none.stderr).toContain(path.join(dir, 'eval'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
