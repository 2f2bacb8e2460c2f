import { loadDemoCorpus } from './corpus.ts';
const es = loadDemoCorpus();
const cjk = (s: string) => (s.match(/[\u3400-\u9fff]/g) ?? []).length;
for (const e of es) {
  if (e.reprintOf) continue;
  e.paragraphs.forEach((p, i) => { const n = cjk(p); const L=[...p].length; if (L < 60 || n<50 || L > 200) console.log('len', e.slug, i, n, L, p); });
}
