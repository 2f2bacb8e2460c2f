// Prints counts for the demo corpus and flags entries outside the writing rules
// (4-9 paragraphs of 60-200 characters; at least 540 characters of text so that Readability's
// default 500-character threshold is met; Traditional text that Big5 can hold).
//   npx node pipeline/demo/corpus-stats.ts

import iconv from 'iconv-lite';
import { loadDemoCorpus } from './corpus.ts';
import { OUTLET_IDS } from './outlet-info.ts';

const all = loadDemoCorpus();
const own = all.filter((e) => !e.reprintOf);
const story = own.filter((e) => !e.offTopic);
const problems: string[] = [];

for (const e of own) {
  const n = e.paragraphs.length;
  if (n < 4 || n > 9) problems.push(`${e.slug}: ${n} paragraphs`);
  e.paragraphs.forEach((p, i) => {
    const len = [...p].length;
    if (len < 60 || len > 200) problems.push(`${e.slug}: paragraph ${i + 1} has ${len} characters`);
  });
  const total = e.paragraphs.join('').replace(/\s+/g, '').length;
  if (total < 540) problems.push(`${e.slug}: only ${total} characters of text`);
}
for (const e of all.filter((x) => x.outlet === 'gangao')) {
  for (const ch of new Set([...e.title, ...e.paragraphs.join('')])) {
    if (ch.codePointAt(0)! >= 0x80 && new TextDecoder('big5').decode(iconv.encode(ch, 'big5')) !== ch) {
      problems.push(`${e.slug}: ${ch} not representable in Big5`);
    }
  }
}

const row = (label: string, n: number) => console.log(`${label.padEnd(24)}${n}`);
row('story articles', story.length);
for (const t of [...new Set(story.flatMap((e) => e.topics))].sort()) row(`  topic ${t}`, story.filter((e) => e.topics.includes(t)).length);
row('  multi-topic', story.filter((e) => e.topics.length > 1).length);
row('reprints', all.filter((e) => e.reprintOf).length);
row('off-topic items', own.filter((e) => e.offTopic).length);
for (const id of OUTLET_IDS) {
  const es = all.filter((e) => e.outlet === id);
  console.log(
    `${('outlet ' + id).padEnd(24)}${es.length} (story ${es.filter((e) => !e.offTopic && !e.reprintOf).length}, reprints ${es.filter((e) => e.reprintOf).length}, off-topic ${es.filter((e) => e.offTopic && !e.reprintOf).length})`,
  );
}
for (const p of problems) console.log('PROBLEM', p);
process.exit(problems.length ? 1 : 0);
