// temporary: capture page segments for viewing
import { serveStatic } from '../helpers/static-server.ts';
import { launchChromium } from '../helpers/chromium.ts';
const [path, width, y0, h, out, scheme] = process.argv.slice(2);
const server = await serveStatic('dist');
const browser = await launchChromium();
const ctx = await browser.newContext({ viewport: { width: Number(width), height: 800 }, colorScheme: (scheme as any) ?? 'light' });
const page = await ctx.newPage();
page.on('console', (m) => console.log('console', m.type(), m.text()));
await page.goto(server.url + path);
await page.waitForTimeout(300);
await page.screenshot({ path: out!, fullPage: true, clip: { x: 0, y: Number(y0), width: Number(width), height: Number(h) } });
console.log('scrollWidth', await page.evaluate(() => document.documentElement.scrollWidth), 'height', await page.evaluate(() => document.documentElement.scrollHeight));
await browser.close(); await server.close();
