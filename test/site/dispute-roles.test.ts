import { describe, it, expect } from 'vitest';
import { storyTime } from '../../src/lib/story-time.ts';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDisputeRoles, roleOf } from '../../src/lib/dispute-roles.ts';
import { buildDisputeThreads, readerThread } from '../../src/lib/dispute-threads.ts';

const CHINA = storyTime('Asia/Shanghai');

const roles = parseDisputeRoles(readFileSync(resolve(import.meta.dirname, '../../content/config/dispute-roles.yaml'), 'utf8'));
const stage = (s: string) => roleOf(s, roles)?.id;

describe('dispute roles', () => {
  it('decides the stage from who acts in the sentence', () => {
    expect(stage('小米汽车方面回应称，将向选装车主补偿2万积分。')).toBe('response'); // an offer is a response, not an outcome
    expect(stage('部分车主拒绝积分补偿，坚持要求退还选装费。')).toBe('complaint');
    expect(stage('小米宣布补偿后，部分车主并不买账。')).toBe('complaint');
    expect(stage('当地消委会已受理多起投诉并介入调解。')).toBe('authority');
    expect(stage('法院判令销售方双倍返还定金。')).toBe('outcome');
    expect(stage('经调解，企业已退还定金，双方达成一致。')).toBe('outcome');
  });

  it('gives no role to a sentence where nobody acts (an explainer) or the actor does not act', () => {
    expect(stage('锁单后定金一般不可退还。')).toBeUndefined();
    expect(stage('一位卖家对记者表示，这种操作能不能成功要看官方政策。')).toBeUndefined();
  });
});

describe('readerThread', () => {
  const art = (id: string, published: string, sentence: string) => ({ id, title: `标题${id}`, published, outlet: { name: 'o' }, disputes: [{ id: 't', stage: 'outcome', sentence }] });
  const [thread] = buildDisputeThreads([{ id: 't', title: 'T' }], [
    art('b', '2024-04-02T10:00:00+08:00', '小米回应称将延长犹豫期。'),
    art('a', '2024-03-30T10:00:00+08:00', '多位车主投诉误触锁单。'),
    art('x', '2024-03-31T10:00:00+08:00', '锁单后定金一般不可退还。'),
    art('late', '2025-06-01T10:00:00+08:00', '车主投诉新车型的锁单规则。'),
  ], [], CHINA);
  const view = (extra: { until?: string; status?: string } = {}) => readerThread(thread!, {
    roleOf: (i) => roleOf(i.kind === 'article' ? i.sentence : '', roles),
    formatDay: (d) => d,
    headline: (i) => (i.kind === 'article' ? i.article.title : ''),
    ...extra,
  });

  it('lists the steps in date order, each with its role; explainers left out', () => {
    const v = view();
    expect(v.steps.map((s) => [s.item.day, s.role.id])).toEqual([['2024-03-30', 'complaint'], ['2024-04-02', 'response'], ['2025-06-01', 'complaint']]);
  });

  it('keeps to the thread\'s period and says where it stands', () => {
    const v = view({ until: '2024-12-31' });
    expect(v.steps.map((s) => s.item.day)).toEqual(['2024-03-30', '2024-04-02']);
    expect(v.status).toBe('2024-04-02，企业回应：标题b');
    expect(view({ status: '已解决。' }).status).toBe('已解决。');
  });
});
