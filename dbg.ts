import { decodeBytes } from './pipeline/decode.ts';
import { parseFeed } from './pipeline/feed.ts';
const show = async (label: string, f: () => Promise<unknown>) => { try { console.log(label, JSON.stringify(await f()).slice(0, 300)); } catch (e) { console.log(label, 'ERR', (e as Error).name, (e as Error).message.slice(0, 200)); } };
for (const ct of ['text/xml; charset=constructor', 'text/xml; charset=__proto__', 'text/xml; charset=toString', 'text/xml; charset=utf-16', 'text/xml; charset=replacement']) {
  await show('ct ' + ct, async () => { const d = decodeBytes(Buffer.from('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>a</title><link>http://x/a</link></item></channel></rss>'), ct); return [d.charset, d.text.slice(0,40), d.warnings, (await parseFeed(d.text, 'http://x/')).items.length]; });
}
