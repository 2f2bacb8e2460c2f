// Child process for time-limited extraction: node test/hostile/extract-child.ts <htmlFile> <url>
// Prints {ok, paragraphs, ms} or {ok:false, reason, message, ms} as JSON on stdout.
import fs from 'node:fs';
import { extractArticle } from '../../pipeline/extract.ts';
import { StageError } from '../../pipeline/reasons.ts';

const [file, url] = process.argv.slice(2);
const html = fs.readFileSync(file!, 'utf8');
const started = Date.now();
try {
  const result = extractArticle(html, url ?? 'https://news.example/', 'Asia/Shanghai');
  process.stdout.write(JSON.stringify({ ok: true, paragraphs: result.paragraphs.length, ms: Date.now() - started }) + '\n');
} catch (e) {
  process.stdout.write(JSON.stringify({ ok: false, reason: e instanceof StageError ? e.reason : undefined, message: (e as Error).message, ms: Date.now() - started }) + '\n');
}
