// The page pool with real worker threads: pages come back extracted and analysed, and a page
// that holds a worker past the time limit fails with `timeout` without stalling the rest.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { PagePool } from '../../pipeline/worker-pool.ts';
import { CONFIG_DIR } from '../helpers/analysis-config.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/pages/seed-like-teasers');
const page = fs.readFileSync(path.join(FIXTURE, fs.readdirSync(FIXTURE).find((f) => f.endsWith('.html'))!));
const task = (bytes: Uint8Array, url: string) => ({ url, bytes: new Uint8Array(bytes), contentType: 'text/html; charset=utf-8', timeZone: 'Asia/Shanghai' });

// Within the markup budget (under 50,000 elements), yet seconds of jsdom and Readability work.
const slowPage = Buffer.from(`<!doctype html><html><head><title>慢页面</title></head><body>${'<div><p>小米SU7锁单定金</p><span>退订</span></div>'.repeat(15000)}</body></html>`);

describe('page pool', () => {
  it('extracts on the workers and analyses on this thread', async () => {
    const pool = new PagePool(CONFIG_DIR, 2);
    try {
      const results = await Promise.all([1, 2, 3].map((i) => pool.process(task(page, `http://127.0.0.1/a${i}.html`))));
      for (const r of results) {
        expect(r.ok).toBe(true);
        if (r.ok) { expect(r.extracted.title).toBeTruthy(); expect(r.analysis.relevant).toBe(true); }
      }
    } finally { await pool.close(); }
  });

  it('fails a page that holds its worker too long with `timeout`, replaces the worker and goes on', async () => {
    // A limit far above a normal page's extraction (tens of ms) and far below the slow page's (seconds), so load on the machine cannot flip either.
    const pool = new PagePool(CONFIG_DIR, 1, 2000);
    try {
      const [slow, next] = await Promise.all([
        pool.process(task(slowPage, 'http://127.0.0.1/slow.html')),
        pool.process(task(page, 'http://127.0.0.1/after.html')),
      ]);
      expect(slow).toMatchObject({ ok: false, reason: 'timeout' });
      if (!slow.ok) expect(slow.message).toContain('slow.html');
      expect(next.ok).toBe(true);
    } finally { await pool.close(); }
  });
});
