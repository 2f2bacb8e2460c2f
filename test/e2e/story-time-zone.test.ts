// A story in another time zone, by configuration alone: examples/zibo-bbq copied with its
// story.yaml set to Europe/Berlin (daylight saving from 2023-03-26), ingested from the demo
// outlets over real HTTP and built. Zone-less source times are Berlin clock times, stored times
// carry Berlin's offset of their date, and the site shows Berlin time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, startDemoSite, type DemoSite } from '../helpers/demo-site.ts';

function inBerlin(story: string): void {
  const file = path.join(story, 'config/story.yaml');
  const text = fs.readFileSync(file, 'utf8');
  if (!/^timezone: .+$/m.test(text)) throw new Error(`${file}: no timezone line`);
  fs.writeFileSync(file, text.replace(/^timezone: .+$/m, 'timezone: Europe/Berlin'));
}

describe('a story whose time zone is Europe/Berlin', () => {
  let site: DemoSite;

  beforeAll(async () => {
    site = await startDemoSite({ story: path.join(ROOT, 'examples/zibo-bbq'), prepare: inBerlin });
  }, 600_000);

  afterAll(async () => {
    await site?.close();
  });

  const stored = (slug: string) => {
    const found = site.articles.find((a) => a.article.url.includes(`/${slug}.html`));
    if (!found) throw new Error(`${slug} was not ingested (have: ${site.articles.map((a) => a.article.url).join(', ')})`);
    return found.article;
  };

  it('reads zone-less times as Berlin clock times, with winter or summer offset by date', () => {
    // The corpus writes these without a zone; the outlet (nanfang) publishes them so in its feed.
    expect(stored('zibo-students-weekend-bbq').published).toBe('2023-03-06T10:20:00+01:00');
    expect(stored('zibo-bbq-special-train-first-run').published).toBe('2023-03-31T20:45:00+02:00');
  });

  it('stores times written with another offset as the same instant, in Berlin time', () => {
    // 2023-03-24T18:40:00+08:00 and 2023-04-06T11:15:00+08:00 in the corpus.
    expect(stored('zibo-bbq-bus-line-ride').published).toBe('2023-03-24T11:40:00+01:00');
    expect(stored('zibo-bbq-scales-inspection').published).toBe('2023-04-06T05:15:00+02:00');
    for (const { article } of site.articles) expect(article.fetched).toMatch(/\+0[12]:00$/);
  });

  it('shows Berlin time on the site', async () => {
    const id = stored('zibo-bbq-bus-line-ride').id;
    const html = await (await fetch(`${site.url}/articles/${id}/`)).text();
    expect(html).toContain('2023年3月24日 11:40');
    expect(html).not.toContain('2023年3月24日 18:40');
    const summer = await (await fetch(`${site.url}/articles/${stored('zibo-bbq-special-train-first-run').id}/`)).text();
    expect(summer).toContain('2023年3月31日 20:45');
  });
});
