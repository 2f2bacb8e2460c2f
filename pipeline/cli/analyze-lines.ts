// The `analyze` command's work (started by ./analyze.ts): JSON Lines in ({"id","title","text"},
// optionally "published" or "date"), JSON Lines out, one per input.
// A bad line gets an error line naming its number; the rest go on.
import { z } from 'zod';
import { loadAnalysisConfig, ConfigError } from '../config.ts';
import { loadSegmenter } from '../segment.ts';
import { analyzeWithoutFingerprint } from '../analyze.ts';
import { parseSourceDate } from '../dates.ts';
import { parseCommandLine } from './command-line.ts';
import { storyFromArgs } from './paths.ts';
import { stdinLines, writeOut, exitOnBrokenPipe } from './lines.ts';

// A trending list's line has a title and no text; a post may have text and no title. Either may be
// left out or null, but not both: a line with nothing to read is an error.
const optionalText = z.string().nullish().transform((s) => s ?? '');
const inputSchema = z.object({
  id: z.union([z.string(), z.number()], { error: 'expected a string or a number' }).transform(String),
  title: optionalText,
  text: optionalText,
  url: z.string().optional(),
  /** When the item was published or listed (either name): places a bare title on the story's news days. */
  published: z.string().optional(),
  date: z.string().optional(),
}).refine((item) => item.title.trim() !== '' || item.text.trim() !== '', { message: 'neither a title nor a text to analyse', path: ['title'] });

const { values } = parseCommandLine('analyze', 'npm run --silent analyze [-- --story DIR] < items.jsonl > verdicts.jsonl', { options: { story: { type: 'string' } } });
const CONFIG_DIR = storyFromArgs('analyze', values.story).configDir;

exitOnBrokenPipe();
let config;
try {
  config = loadAnalysisConfig(CONFIG_DIR);
} catch (e) {
  process.stderr.write(`analyze: ${e instanceof ConfigError ? e.message : String(e)}\n`);
  process.exit(2);
}
loadSegmenter(config.userDict);

let lineNo = 0;
let failures = 0;
for await (const line of stdinLines()) {
  lineNo++;
  if (!line.trim()) continue;
  let input: z.infer<typeof inputSchema>;
  try {
    const parsed = inputSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; '));
    input = parsed.data;
  } catch (e) {
    failures++;
    await writeOut(JSON.stringify({ line: lineNo, error: `line ${lineNo}: ${(e as Error).message}` }) + '\n');
    continue;
  }
  // The fingerprint (for deduplication in the ingest) is not printed: not computed either.
  let date = input.published ?? input.date;
  if (date !== undefined && !parseSourceDate(date, config.story.timezone)) {
    process.stderr.write(`analyze: line ${lineNo} (${input.id}): ${JSON.stringify(date)} is not a date; analysed without it\n`);
    date = undefined;
  }
  const a = analyzeWithoutFingerprint({ title: input.title, text: input.text, ...(date ? { date } : {}) }, config);
  await writeOut(JSON.stringify({
    id: input.id,
    relevant: a.relevant,
    ...(a.reason ? { reason: a.reason } : {}),
    topics: a.topics,
    evidence: Object.fromEntries(a.evidence.map((e) => [e.topic, e.sentence])),
    // A bare title kept for the news day it is dated on (story.yaml newsDays) says which.
    ...(a.evidence[0]?.newsDay ? { newsDay: a.evidence[0].newsDay } : {}),
    keywords: a.keywords,
    figures: a.figures.map((f) => ({ value: f.value, ...(f.valueMax !== undefined ? { valueMax: f.valueMax } : {}), ...(f.approximate ? { approximate: true } : {}), unit: f.unit, what: f.what, claim: f.claim, text: f.text, sentence: f.sentence })),
    script: a.script,
    disputes: a.disputes,
  }) + '\n');
}
if (failures) process.stderr.write(`analyze: ${failures} bad line(s) of ${lineNo}\n`);
