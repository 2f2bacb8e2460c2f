import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { detectClaimant, isRefutedIn, parseClaimantsConfig } from '../../src/lib/claimants.ts';

const config = parseClaimantsConfig(readFileSync(resolve(import.meta.dirname, '../../content/config/claimants.yaml'), 'utf8'));

describe('claimants', () => {
  it('takes the cue nearest before the figure: the speaker is named first', () => {
    const s = '网传有3000人申请退订，小米方面称实际为469位。';
    expect(detectClaimant(s, '3000人', config).label).toBe('网传');
    expect(detectClaimant(s, '469位', config).label).toBe('小米官方');
    expect(detectClaimant('据雷军在微博发布的消息，大定超过五万台。', '五万台', config).label).toBe('雷军');
    expect(detectClaimant('黑猫投诉平台上相关投诉约150条。', '150条', config).label).toBe('投诉平台');
    expect(detectClaimant('法院判令销售方双倍返还定金1万元。', '1万元', config).label).toBe('法院');
  });

  it('uses a cue just after the figure, never a distant one, else the fallback', () => {
    expect(detectClaimant('一则超过3000位用户退订的说法在自媒体间流传。', '3000位', config).label).toBe('网传');
    expect(detectClaimant('三款车型分布在21.59万元至29.99万元之间，Max版的价格较发布会前网上流传的数字低。', '21.59万元至29.99万元', config).label).toBe(config.fallback.label);
    expect(detectClaimant('这款车售价21.59万元。', '21.59万元', config).label).toBe(config.fallback.label);
  });

  it('marks a rumour refuted when its article carries a denial', () => {
    expect(detectClaimant('网传3000人退订。', '3000人', config).refutable).toBe(true);
    expect(isRefutedIn('网传3000人退订。小米回应称实际为469位。', config)).toBe(true);
    expect(isRefutedIn('网传3000人退订，尚无回应。', config)).toBe(false);
  });

  it('rejects a config with an unknown key, naming the file', () => {
    expect(() => parseClaimantsConfig('claimants: []\nfallback: { id: m, label: 媒体 }\nextra: 1\n', 'c.yaml')).toThrow(/c\.yaml/);
  });
});
