import { serveStatic } from '../helpers/static-server.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { AxeBuilder } from '@axe-core/playwright';
const server = await serveStatic('dist');
const browser = await launchChromium();
for (const path of ['/', '/oldest/', '/topics/', '/topics/sales/', '/articles/jiemian-locked-deposit-complaints/', '/articles/netease-su7-24h-orders-reprint/', '/figures/', '/disputes/', '/search/?q=定金', '/404.html']) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(server.url + path, { waitUntil: 'networkidle' });
  await page.waitForTimeout(500);
  const r = await new AxeBuilder({ page }).analyze();
  console.log(path, "passes", r.passes.length, "violations", r.violations.length, "incomplete", r.incomplete.map(i=>i.id).join(","));
  for (const v of r.violations) console.log(path, v.id, v.impact, v.nodes.length, v.nodes[0]?.target.join(' '));
  await ctx.close();
}
await browser.close(); await server.close();
