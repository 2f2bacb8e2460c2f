// npx node pipeline/bench/serve-compare.ts [--dist DIR] [--runs N]
// Astro's preview server (`import { preview } from 'astro'`) beside pipeline/serve-static.ts on
// a built site: the cold start of each in a fresh process (wall ms, CPU ms, RSS; median of N),
// then what each answers to the requests a reader and Pagefind make (status, Content-Type,
// redirect). docs/site.md has the figures and the decision they led to.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({ options: { dist: { type: 'string', default: path.join(ROOT, 'dist') }, runs: { type: 'string', default: '5' }, child: { type: 'string' } } });
const dist = path.resolve(values.dist);

type Started = { url: string; stop: () => Promise<void> };

async function start(which: string): Promise<Started> {
  if (which === 'astro-preview') {
    const { preview } = await import('astro');
    const server = await preview({ root: ROOT, outDir: dist, server: { host: '127.0.0.1', port: 0 }, logLevel: 'error' });
    return { url: `http://127.0.0.1:${server.port}`, stop: () => server.stop() };
  }
  const { serveStatic } = await import('../serve-static.ts');
  const s = await serveStatic(dist, 0);
  return { url: s.url, stop: s.close };
}

/** The requests that tell the servers apart: pages, a URL without its slash, a missing page, Pagefind's files, feeds. */
function probes(): string[] {
  const pagefind = fs.readdirSync(path.join(dist, 'pagefind'));
  const fragment = fs.readdirSync(path.join(dist, 'pagefind/fragment'))[0];
  return ['/', '/topics/', '/topics', '/no/such/page/', '/pagefind/pagefind.js',
    `/pagefind/${pagefind.find((f) => f.startsWith('wasm.'))}`, `/pagefind/${pagefind.find((f) => f.endsWith('.pf_meta'))}`,
    `/pagefind/fragment/${fragment}`, '/rss.xml', '/%2e%2e/package.json'];
}

if (values.child) {
  // One cold start in this fresh process, then the probes.
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const server = await start(values.child);
  const startMs = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  const rssMB = process.memoryUsage().rss / 1048576;
  const answers: string[] = [];
  for (const p of probes()) {
    const r = await fetch(server.url + p, { redirect: 'manual' });
    await r.arrayBuffer();
    answers.push(`${p} → ${r.status} ${r.headers.get('content-type') || '(none)'}${r.headers.get('location') ? ` → ${r.headers.get('location')}` : ''}`);
  }
  await server.stop();
  process.stdout.write(JSON.stringify({ startMs, cpuMs: (used.user + used.system) / 1000, rssMB, answers }) + '\n');
  process.exit(0);
}

if (!fs.existsSync(path.join(dist, 'index.html')) || !fs.existsSync(path.join(dist, 'pagefind'))) {
  process.stderr.write(`serve-compare: ${dist} has no built site with a search index: run npm run build (or npm run demo) first\n`);
  process.exit(2);
}
const runs = Number(values.runs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const which of ['serve-static', 'astro-preview']) {
  const results = Array.from({ length: runs }, () => {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', which, '--dist', dist], { encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
    if (child.status !== 0) throw new Error(`${which}: ${child.stderr}`);
    return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { startMs: number; cpuMs: number; rssMB: number; answers: string[] };
  });
  process.stdout.write(`${which}: start ${median(results.map((r) => r.startMs)).toFixed(0)} ms wall, ${median(results.map((r) => r.cpuMs)).toFixed(0)} ms CPU, RSS ${median(results.map((r) => r.rssMB)).toFixed(0)} MB (median of ${runs} cold starts)\n`);
  for (const line of results[0]!.answers) process.stdout.write(`  ${line}\n`);
}
