// Shared by the hostile-input suite: on-topic article pages (so the classifier keeps them and
// the interesting part is what the hostile bytes do), feeds, temp folders, a runIngest wrapper,
// and the checks for executable markup.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll } from 'vitest';
import { loadConfig } from '../../pipeline/config.ts';
import { runIngest, type IngestOptions } from '../../pipeline/ingest.ts';
import type { RunReport, ItemReport } from '../../pipeline/report.ts';

import { CONFIG_DIR, PROJECT_ROOT } from './support-paths.ts';
export { CONFIG_DIR, FIXTURES, PROJECT_ROOT } from './support-paths.ts';

/** Paragraphs about the story, so a page built from them is judged relevant and stored. */
export const STORY_PARAGRAPHS = [
  '3月28日晚，小米汽车在北京举行发布会，旗下首款车型小米SU7正式上市，标准版售价21.59万元。用户支付5000元定金即可下单，锁单后定金不退。',
  '不少车主投诉误触锁单，要求退订退款。小米客服回应称，锁单后定金不可退，用户可以申请延长犹豫期。',
  '有业内人士指出，订单火爆之后，优先购车权在二手平台被加价转让，小米声明订单严禁转售，黄牛转单可能导致无法提车。',
];

/** A distinct, on-topic paragraph set per page (distinct text keeps reprint grouping out of the way). */
export function storyParagraphs(tag: string): string[] {
  return STORY_PARAGRAPHS.map((p, i) => `${p}（${tag}·${i + 1}）`);
}

export type PageSpec = { title: string; tag?: string; head?: string; before?: string; after?: string; paragraphs?: string[]; inline?: string[] };
/** An article page: `inline[i]` is appended inside paragraph i (hostile markup goes there). */
export function articlePage(spec: PageSpec): string {
  const paragraphs = spec.paragraphs ?? storyParagraphs(spec.tag ?? spec.title);
  const body = paragraphs.map((p, i) => `<p>${p}${spec.inline?.[i] ?? ''}</p>`).join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${spec.title}</title>${spec.head ?? ''}</head>
<body>${spec.before ?? ''}<article><h1>${spec.title}</h1>
<p class="date">2024-03-29 09:30</p>
${body}
</article>${spec.after ?? ''}</body></html>`;
}

export type FeedEntry = { title: string; link: string; pubDate?: string; guid?: string };
export function rssFeed(entries: FeedEntry[]): string {
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const items = entries.map((e) => `<item><title>${esc(e.title)}</title><link>${esc(e.link)}</link>${e.guid ? `<guid>${esc(e.guid)}</guid>` : ''}${e.pubDate === '' ? '' : `<pubDate>${e.pubDate ?? 'Fri, 29 Mar 2024 09:30:00 +0800'}</pubDate>`}</item>`).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>测试源</title><link>http://news.example/</link>\n${items}\n</channel></rss>`;
}
export const RSS_HEADERS = { 'content-type': 'application/rss+xml; charset=utf-8' };

const made: string[] = [];
/** A fresh folder under the OS temp dir, removed after the file's tests. */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `storyline-hostile-${prefix}-`));
  made.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of made.splice(0)) {
    try { makeWritable(dir); fs.rmSync(dir, { recursive: true, force: true }); } catch { /* best effort */ }
  }
});
function makeWritable(dir: string): void {
  try { fs.chmodSync(dir, 0o755); } catch { /* ignore */ }
}

export type SourceSpec = { id: string; url: string; kind?: 'rss' | 'atom' | 'page-list' | 'page'; allowPrivateNetwork?: boolean; selector?: string; charset?: string; fullText?: boolean };
/** Write a sources file for `sources` and return its absolute path. */
export function writeSources(dir: string, sources: SourceSpec[]): string {
  const file = path.join(dir, 'sources.yaml');
  const lines = ['sources:'];
  for (const s of sources) {
    lines.push(`  - id: ${s.id}`, `    name: ${s.id} 测试`, `    kind: ${s.kind ?? 'rss'}`, `    url: "${s.url}"`, `    allowPrivateNetwork: ${s.allowPrivateNetwork ?? true}`);
    if (s.selector) lines.push(`    selector: "${s.selector}"`);
    if (s.charset) lines.push(`    charset: ${s.charset}`);
    if (s.fullText) lines.push('    fullText: true');
  }
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/** One ingest run with small, fast limits; the tests pass what they exercise. */
export async function ingest(contentDir: string, sourcesFile: string, extra: Partial<IngestOptions> = {}): Promise<RunReport> {
  const { report } = await runIngest({
    config: loadConfig(CONFIG_DIR, sourcesFile),
    contentDir, sourcesFile, workers: 1, writeReport: false, politeDelayMs: 0,
    ...extra,
    fetchOptions: { retries: 0, retryBaseMs: 10, totalTimeoutMs: 5_000, connectTimeoutMs: 2_000, ...extra.fetchOptions },
  });
  return report;
}

export function items(report: RunReport): ItemReport[] {
  return report.sources.flatMap((s) => s.items);
}
export function itemFor(report: RunReport, urlEnd: string): ItemReport {
  const hit = items(report).find((i) => i.url.endsWith(urlEnd));
  if (!hit) throw new Error(`no item for ${urlEnd} in ${JSON.stringify(items(report).map((i) => i.url))}`);
  return hit;
}

/** Every file under `dir` (recursively) whose name matches. */
export function filesUnder(dir: string, match: RegExp): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile() && match.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Markup that would run in a browser if it reached one unescaped. */
export const EXECUTABLE = [
  /<\s*script/i, /<\s*iframe/i, /<\s*object/i, /<\s*embed/i, /<\s*svg/i, /<\s*math/i, /<\s*base[\s>]/i, /<\s*meta[^>]*http-equiv/i,
  /<[^>]*\son[a-z]+\s*=/i, /javascript\s*:/i, /<[^>]*(?:href|src)\s*=\s*["']?\s*data:/i, /<\s*style/i, /<\s*form/i,
];
/** The patterns in EXECUTABLE that occur in `text`. */
export function executableIn(text: string): string[] {
  return EXECUTABLE.filter((re) => re.test(text)).map(String);
}

/** The body of a stored Markdown file: everything after the front matter. */
export function markdownBody(file: string): string {
  const text = fs.readFileSync(file, 'utf8');
  const m = /^---\n[\s\S]*?\n---\n\n?([\s\S]*)$/.exec(text);
  if (!m) throw new Error(`${file}: no front matter`);
  return m[1]!;
}

export type ChildResult = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; timedOut: boolean; ms: number };
/** Run a .ts script under this Node (type stripping) with a hard time limit: SIGKILL when it is up. */
export function runChild(script: string, args: string[], timeoutMs: number, env: NodeJS.ProcessEnv = {}): Promise<ChildResult> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, script), ...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '', timedOut = false;
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs);
    child.on('close', (code, signal) => { clearTimeout(timer); resolve({ code, signal, stdout, stderr, timedOut, ms: Date.now() - started }); });
  });
}
