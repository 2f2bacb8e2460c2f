import fs from 'node:fs';
import { decodeBytes } from './pipeline/decode.ts';
import { parseFeed } from './pipeline/feed.ts';
const dir = '/work/shared/data/peer';
const feeds = JSON.parse(fs.readFileSync(dir + '/feeds.json', 'utf8'));
for (const f of feeds) {
  const bytes = fs.readFileSync(`${dir}/feeds/${f.id}.xml`);
  try {
    const d = decodeBytes(bytes, f.contentType);
    const p = await parseFeed(d.text, f.contentLocation ?? 'http://feeds.example/' + f.id + '.xml');
    console.log(f.id, f.expect, f.items, '→', d.charset, p.items.length, JSON.stringify(p.items.slice(0,2).map(i=>[i.title,i.link])).slice(0,200), p.problems.length, d.warnings.join(';'));
  } catch (e) { console.log(f.id, f.expect, f.items, '→ ERR', (e as any).reason, (e as Error).message.slice(0,150)); }
}
