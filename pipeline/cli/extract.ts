// npm run --silent extract -- FILE.html [--url URL] [--json] [--charset NAME] [--timezone ZONE]
// The extraction stage alone on a saved page: bytes in, charset detected as in ingest; a date
// without a zone is read in --timezone (default China time, the zone of Chinese pages).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCommandLine, usageText } from './command-line.ts';
import { decodeBytes } from '../decode.ts';
import { extractArticle } from '../extract.ts';
import { StageError } from '../reasons.ts';
import { CHINA_TIME_ZONE, isTimeZone } from '../../src/lib/time-zone.ts';

const USAGE = 'npm run --silent extract -- FILE.html [--url URL] [--json] [--charset NAME] [--timezone ZONE]';
const { values, positionals } = parseCommandLine('extract', USAGE, { allowPositionals: true, options: { url: { type: 'string' }, json: { type: 'boolean', default: false }, charset: { type: 'string' }, timezone: { type: 'string', default: CHINA_TIME_ZONE } } });
const file = positionals[0];
if (!file) {
  process.stderr.write(usageText(USAGE));
  process.exit(2);
}
if (!isTimeZone(values.timezone)) {
  process.stderr.write(`extract: --timezone ${values.timezone}: unknown time zone (an IANA name such as Asia/Shanghai)\n`);
  process.exit(2);
}
let bytes: Buffer;
try { bytes = readFileSync(file); } catch (e) { process.stderr.write(`extract: ${file}: ${(e as Error).message}\n`); process.exit(2); }
// Without --url, a made-up http URL named after the file: jsdom needs one, and file: links mean nothing here.
const url = values.url ?? `http://localhost/${encodeURIComponent(path.basename(file))}`;
try {
  const decoded = decodeBytes(bytes, undefined, values.charset);
  for (const w of decoded.warnings) process.stderr.write(`extract: ${file}: ${w}\n`);
  const article = extractArticle(decoded.text, url, values.timezone);
  if (values.json) {
    process.stdout.write(JSON.stringify({ title: article.title, byline: article.byline ?? null, published: article.published ?? null, text: article.paragraphs.join('\n') }) + '\n');
  } else {
    process.stdout.write(article.paragraphs.join('\n') + '\n');
  }
} catch (e) {
  process.stderr.write(`extract: ${file}: ${e instanceof StageError ? `${e.reason}: ${e.message}` : (e as Error).message}\n`);
  process.exit(1);
}
