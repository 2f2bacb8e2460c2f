// Screenshots of the built site for a human look: home and one article page at a
// phone width (375px) and a desktop width (1280px), written to screenshots/.
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

const widths = [375, 1280];
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
  await probe.close();

  const shots = [
    { name: 'home', path: '/' },
    { name: 'article', path: articlePath },
  ];
  for (const width of widths) {
    const context = await browser.newContext({
      viewport: { width, height: width < 600 ? 812 : 900 },
      deviceScaleFactor: 1,
      colorScheme: dark ? 'dark' : 'light',
    });
    const page = await context.newPage();
    for (const shot of shots) {
      await page.goto(`${server.url}${shot.path}`, { waitUntil: 'load' });
      const file = join(outDir, `${shot.name}-${width}${dark ? '-dark' : ''}.png`);
      await page.screenshot({ path: file, fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      console.log(`${file}${overflow > 0 ? `  (horizontal overflow ${overflow}px!)` : ''}`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
