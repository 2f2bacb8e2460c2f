// An on-topic article page and feed item around each peer payload (the story text is ours;
// the payload is read from ../shared at run time, never stored here).
import { STORY_PARAGRAPHS } from '../hostile/support.ts';
import type { PeerPayload } from './support.ts';

const attr = (t: string) => t.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const xmlText = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Characters XML 1.0 does not allow at all; a feed cannot carry them even escaped. */
const xmlSafe = (t: string) => t.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
export const slug = (p: PeerPayload) => p.id.toLowerCase().replace(/[^a-z0-9]+/g, '-');
export const titleOf = (i: number) => `小米SU7锁单定金不退引发车主投诉（第${i + 1}篇）`;
/** The story paragraphs of article i: distinct per article, so each can be looked for. */
export const paragraphsOf = (i: number) => STORY_PARAGRAPHS.map((p, k) => `${p}（样本${i + 1}·${k + 1}）`);

/** The source page: the payload in <title>, og:title, the author meta, the canonical link, a link's attributes, and raw in the body. */
export function page(p: PeerPayload, i: number): string {
  const [one, two, three] = paragraphsOf(i);
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${titleOf(i)}${p.payload}</title>
<meta property="og:title" content="${attr(titleOf(i) + p.payload)}">
<meta name="author" content="${attr(`记者${p.payload}`)}">
<link rel="canonical" href="${attr(p.payload)}">
</head><body><article><h1>${titleOf(i)}</h1>
<p class="date">2024-03-29 09:30</p>
<p>${one}<a href="${attr(p.payload)}" title="${attr(p.payload)}">详情</a></p>
<p>${two}${p.payload}</p>
<p>${three}</p>
</article></body></html>`;
}

/** The feed item: the payload in title, author, dc:creator, description, content:encoded and an enclosure's URL. */
export function feed(payloads: PeerPayload[], origin: string): string {
  const entries = payloads.map((p, i) => {
    const body = `<p>${paragraphsOf(i).join('</p><p>')}</p>${p.payload}`;
    return `<item><title>${xmlText(xmlSafe(titleOf(i) + p.payload))}</title><link>${origin}/a/${slug(p)}.html</link><guid>${origin}/a/${slug(p)}.html</guid>
<author>${xmlText(xmlSafe(p.payload))}</author><dc:creator>${xmlText(xmlSafe(p.payload))}</dc:creator>
<description>${xmlText(xmlSafe(p.payload))}</description><content:encoded>${xmlText(xmlSafe(body))}</content:encoded>
<enclosure url="${attr(xmlSafe(p.payload))}" type="image/png" length="1"/><pubDate>Fri, 29 Mar 2024 09:30:00 +0800</pubDate></item>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>同行样本</title><link>${origin}/</link>
${entries.join('\n')}
</channel></rss>`;
}

