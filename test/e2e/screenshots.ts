// Screenshots of the built site for a human look, at a phone width (360px) and a desktop width
// (1280px), written to screenshots/: the home page's first screen and the whole home page, one
// development reported by several outlets, the disputes page, the figures ledger, an article.
//
//   npm run screenshots                 # serves ./dist
//   node test/e2e/screenshots.ts <dir> [--article <id>] [--out <dir>] [--dark]
import { mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serveStatic } from '../../pipeline/serve-static.ts';
import { launchChromium } from '../helpers/chromium.ts';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1]!.startsWith('--') && args[i - 1] !== '--dark'));
const siteDir = resolve(positional[0] ?? 'dist');
const outDir = resolve(flag('--out') ?? 'screenshots');
const dark = args.includes('--dark');

if (!existsSync(join(siteDir, 'index.html'))) {
  console.error(`No built site in ${siteDir} (run npm run build first).`);
  process.exit(1);
}

const widths = [360, 1280];
const server = await serveStatic(siteDir);
const browser = await launchChromium();
try {
  await mkdir(outDir, { recursive: true });
  const probe = await browser.newPage();
  await probe.goto(`${server.url}/`);
  const articlePath =
    (flag('--article') ? `/articles/${flag('--article')}/` : null) ??
    (await probe.locator('.entry-title a').first().getAttribute('href')) ??
    '/';

  // The development reported by the most outlets, wherever it is in the timeline.
  let developmentPath: string | null = null;
  let developmentIndex = 0;
  let most = 1;
  for (let n = 1; n < 200; n++) {
    const path = n === 1 ? '/oldest/' : `/oldest/${n}/`;
    const res = await probe.goto(`${server.url}${path}`);
    if (!res || res.status() >= 400) break;
    const sizes = await probe.locator('.entry.development').evaluateAll((els) => els.map((e) => e.querySelectorAll('.reports > li').length));
    sizes.forEach((size, i) => { if (size > most) { most = size; developmentPath = path; developmentIndex = i; } });
    if ((await probe.locator('a[rel="next"]').count()) === 0) break;
  }
  await probe.close();

  type Shot = { name: string; path: string; firstScreen?: boolean; element?: string; nth?: number };
  const shots: Shot[] = [
    { name: 'home-first-screen', path: '/', firstScreen: true },
    { name: 'home', path: '/' },
    ...(developmentPath ? [{ name: 'development', path: developmentPath, element: '.entry.development', nth: developmentIndex }] : []),
    { name: 'disputes', path: '/disputes/', firstScreen: true },
    { name: 'figures', path: '/figures/', firstScreen: true },
    { name: 'article', path: articlePath },
  ];
  if (!developmentPath) console.warn('No development reported by several outlets in this build: no development screenshot.');
  for (const width of widths) {
    const context = await browser.newContext({
      viewport: { width, height: width < 600 ? 740 : 900 },
      deviceScaleFactor: 1,
      colorScheme: dark ? 'dark' : 'light',
    });
    const page = await context.newPage();
    for (const shot of shots) {
      await page.goto(`${server.url}${shot.path}`, { waitUntil: 'load' });
      const file = join(outDir, `${shot.name}-${width}${dark ? '-dark' : ''}.png`);
      if (shot.element) await page.locator(shot.element).nth(shot.nth ?? 0).screenshot({ path: file });
      else await page.screenshot({ path: file, fullPage: !shot.firstScreen });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      console.log(`${file}${overflow > 0 ? `  (horizontal overflow ${overflow}px!)` : ''}`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
