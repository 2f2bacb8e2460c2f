import fs from 'node:fs';
import { loadRealPages, evaluatePage } from './extract-eval.ts';
const only = process.argv.slice(2);
for (const page of loadRealPages('/work/shared/data/pages-zh')!) {
  if (only.length ? !only.includes(page.slug) : page.gold) continue;
  const r = evaluatePage(page);
  const ours = new Set(r.ours.paragraphs.map((p) => p.replace(/\s+/g, '')));
  const oursAll = r.ours.paragraphs.join('').replace(/\s+/g, '');
  console.log('==', page.slug, r.ours.error ?? '');
  for (const p of r.plain.paragraphs) { const q = p.replace(/\s+/g, ''); if (!oursAll.includes(q)) console.log('  plain only:', p.slice(0, 120)); }
  for (const p of r.ours.paragraphs) { const q = p.replace(/\s+/g, ''); if (!r.plain.paragraphs.join('').replace(/\s+/g, '').includes(q)) console.log('  ours only:', p.slice(0, 120)); }
}
