// A second story by configuration alone: examples/zibo-bbq (its own topics, dictionary,
// figures, milestones and demo corpus), copied to a temp folder with one more topic added to
// its topics.yaml, ingested from the demo outlets over real HTTP and built into a site that
// real Chromium opens. No code knows this story or the added topic.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.ts';
import { ROOT, startDemoSite, type DemoSite } from '../helpers/demo-site.ts';

// The topic an editor adds: written here as an editor would write it in the file.
const ADDED_TOPIC = `  - id: youth
    label: 青年与学生
    description: 大学生结伴赶烤，青年驿站与学生优惠
    threshold: 2
    phrases:
      - { text: 大学生, weight: 2 }
      - { text: 学生, weight: 2 }
      - { text: 青年驿站, weight: 2 }
`;

function addTopic(story: string): void {
  const file = path.join(story, 'config/topics.yaml');
  const topics = fs.readFileSync(file, 'utf8');
  if (!topics.includes('\nrelevance:')) throw new Error(`${file}: no relevance section to add the topic before`);
  fs.writeFileSync(file, topics.replace('\nrelevance:', `${ADDED_TOPIC}\nrelevance:`));
}

describe('a second story, by configuration alone', () => {
  let site: DemoSite;
  let browser: Browser;

  beforeAll(async () => {
    site = await startDemoSite({ story: path.join(ROOT, 'examples/zibo-bbq'), prepare: addTopic });
    browser = await launchChromium();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('ingests the story with its own topics, the added one included, and rejects its off-topic items', () => {
    const articles = site.articles.map((a) => a.article);
    expect(articles.length).toBeGreaterThanOrEqual(15);
    const seen = new Set(articles.flatMap((a) => a.topics));
    for (const id of ['visitors', 'prices', 'services', 'youth']) expect(seen.has(id), id).toBe(true);
    expect(articles.some((a) => /海鲜美食节|产业园/.test(a.title))).toBe(false);
  });

  it('shows the story and a page for every topic, the added one with its articles, in real Chromium', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${site.url}/`);
      expect(await page.title()).toContain('淄博');
      expect(await page.content()).not.toContain('小米');
      await page.goto(`${site.url}/topics/`);
      const topicLinks = await page.locator('main h2 a').allTextContents();
      expect(topicLinks).toEqual(expect.arrayContaining(['客流与出行', '价格与监管', '城市服务与口碑', '青年与学生']));
      const response = await page.goto(`${site.url}/topics/youth/`);
      expect(response?.status()).toBe(200);
      expect(await page.locator('main a[href*="/articles/"]').count()).toBeGreaterThan(0);
      // The added topic has a colour of its own (from the palette), not the text colour.
      const colours = await page.locator('.t-youth').first().evaluate((el) => [getComputedStyle(el).color, getComputedStyle(document.body).color]);
      expect(colours[0]).not.toBe(colours[1]);
    } finally { await page.close(); }
  });
});
