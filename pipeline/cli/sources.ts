// npm run sources -- import FILE.opml [--enabled] [--dry-run] [--story DIR] [--sources FILE]
// npm run --silent sources -- export [--enabled-only] [--story DIR] [--sources FILE] > FILE.opml
// Moves source lists between sources.yaml and feed readers (Miniflux, Inoreader, Feedly all
// import and export OPML). Import appends, keeps the file's comments, never duplicates a URL.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCommandLine } from './command-line.ts';
import { ConfigError, loadYamlFile, parseYamlText, schemas, sourcesPath } from '../config.ts';
import { OpmlError, parseOpml, toOpml } from '../opml.ts';
import { addFeeds } from '../sources-file.ts';
import { writeFileAtomic } from '../store.ts';
import { storyFromArgs } from './paths.ts';

const USAGE = `npm run sources -- import FILE.opml [--enabled] [--dry-run] [--story DIR] [--sources FILE]
       npm run --silent sources -- export [--enabled-only] [--story DIR] [--sources FILE] > FILE.opml`;

const { values, positionals } = parseCommandLine('sources', USAGE, {
  allowPositionals: true,
  options: {
    story: { type: 'string' },
    sources: { type: 'string', default: 'sources.yaml' },
    enabled: { type: 'boolean', default: false },
    'enabled-only': { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
  },
});
const [command, opmlFile] = positionals;
const sourcesFile = sourcesPath(storyFromArgs('sources', values.story).configDir, values.sources!);
const shown = path.relative(process.cwd(), sourcesFile) || sourcesFile;

function die(message: string, code = 2): never {
  process.stderr.write(`sources: ${message}\n`);
  process.exit(code);
}

if (command === 'import' && opmlFile) {
  let opmlText: string;
  try { opmlText = readFileSync(opmlFile, 'utf8'); } catch (e) { die(`${opmlFile}: cannot read: ${(e as Error).message}`); }
  let opml;
  try { opml = parseOpml(opmlText); } catch (e) { die(e instanceof OpmlError ? `${opmlFile}:${e.line}: ${e.message.replace(/^line \d+: /, '')}` : `${opmlFile}: ${(e as Error).message}`); }
  const before = existsSync(sourcesFile) ? readFileSync(sourcesFile, 'utf8') : '';
  // An invalid list is the editor's to fix first: appending to it would hide the problem.
  try { if (before) parseYamlText(sourcesFile, before, schemas.sourcesFileSchema); } catch (e) { die((e as Error).message); }
  let result;
  try { result = addFeeds(before, opml.feeds, { enabled: values.enabled!, from: path.basename(opmlFile) }); } catch (e) { die(`${shown}: ${(e as Error).message}`); }
  try { parseYamlText(sourcesFile, result.text, schemas.sourcesFileSchema); } catch (e) { die(`the imported list would not be valid, nothing written: ${(e as Error).message}`, 1); }
  if (!values['dry-run'] && result.added.length) writeFileAtomic(sourcesFile, result.text);
  const lines = [
    `${values['dry-run'] ? 'Would add' : 'Added'} ${result.added.length} source(s) from ${opmlFile} to ${shown}${result.added.length && !values.enabled ? ' with `enabled: false`: check each, then set `enabled: true`' : ''}.`,
    ...result.added.map((a) => `  + ${a.id}  ${a.url}`),
    ...result.skipped.map((s) => `  = ${opmlFile}:${s.line ?? '?'}: ${s.url} ${s.why}`),
    ...opml.skipped.map((s) => `  - ${opmlFile}:${s.line}: skipped: ${s.why}`),
  ];
  process.stdout.write(lines.join('\n') + '\n');
} else if (command === 'export' && !opmlFile) {
  if (!existsSync(sourcesFile)) die(`${shown}: no such file: nothing to export`);
  let sources;
  try { sources = loadYamlFile(sourcesFile, schemas.sourcesFileSchema).sources; } catch (e) { die(e instanceof ConfigError ? e.message : (e as Error).message); }
  const chosen = values['enabled-only'] ? sources.filter((s) => s.enabled) : sources;
  const pages = chosen.filter((s) => s.kind !== 'rss' && s.kind !== 'atom');
  process.stdout.write(toOpml(chosen, { title: `Storyline sources (${path.basename(sourcesFile)})`, now: new Date() }));
  if (pages.length) process.stderr.write(`sources: not exported (no feed, a feed reader cannot follow them): ${pages.map((s) => s.id).join(', ')}\n`);
} else {
  die(`${command === undefined ? 'no command' : `${positionals.join(' ')}: not a command with its arguments`}\nusage: ${USAGE}`);
}
