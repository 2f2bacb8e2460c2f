// npm run capture -- <URL or FILE> <slug>: saves a page as test/fixtures/pages/<slug>/source.html
// with an expected.json and an expected.txt (the gold body) drafted from today's extraction. Edit mustContain/mustNotContain by hand:
// the draft records what comes out now, the editor decides what must.
import fs from 'node:fs';
import path from 'node:path';
import { fetchUrl } from '../../pipeline/fetch.ts';
import { decodeBytes } from '../../pipeline/decode.ts';
import { extractArticle } from '../../pipeline/extract.ts';

const [from, slug] = process.argv.slice(2);
if (!from || !slug || !/^[a-z0-9-]+$/.test(slug)) {
  process.stderr.write('usage: npm run capture -- <URL or FILE> <slug: a-z 0-9 ->\n');
  process.exit(2);
}
const isUrl = /^https?:\/\//.test(from);
const res = isUrl ? await fetchUrl(from, { allowPrivateNetwork: true }) : undefined;
const bytes = res ? res.body : fs.readFileSync(from);
const dir = path.resolve(import.meta.dirname, '../fixtures/pages', slug);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'source.html'), bytes);
const decoded = decodeBytes(bytes, res ? String(res.headers['content-type'] ?? '') : undefined);
const article = extractArticle(decoded.text, isUrl ? from : `http://fixture.test/${slug}.html`, 'Asia/Shanghai');
const expected = {
  title: article.title,
  ...(article.published ? { published: article.published } : {}),
  mustContain: article.paragraphs.slice(0, 3).map((p) => p.slice(0, 24)),
  mustNotContain: [],
};
fs.writeFileSync(path.join(dir, 'expected.json'), JSON.stringify(expected, null, 2) + '\n');
// The gold body `npm run eval:extract` scores against, drafted from today's extraction: correct it by hand.
fs.writeFileSync(path.join(dir, 'expected.txt'), article.paragraphs.join('\n') + '\n');
process.stdout.write(`wrote ${path.relative(process.cwd(), dir)}/ (${article.paragraphs.length} paragraphs); now add what must not appear to expected.json and correct the body in expected.txt\n`);
