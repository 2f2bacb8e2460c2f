// sources.yaml as an editor's file: what to say when it enables nothing, and adding feeds to
// it without losing the editor's comments (the `yaml` Document API keeps them). Pure: text in,
// text out; the CLI does the reading and writing.
import { isMap, isSeq, parseDocument, YAMLSeq, type Document } from 'yaml';
import type { Source } from './config.ts';

/** Why a run would do nothing, in words that say what to do; undefined when a source is enabled. */
export function nothingToIngest(sources: Source[], file: string): string | undefined {
  if (sources.some((s) => s.enabled)) return undefined;
  if (!sources.length) {
    return `no source is listed in ${file}. Add one (README, "For editors") or import a feed reader's list: npm run sources -- import FILE.opml`;
  }
  return `no source is enabled in ${file} (${sources.length} listed, all with \`enabled: false\`). `
    + 'Open a source\'s url in a browser or feed reader; when it lists recent articles, set `enabled: true` on that entry and run again.';
}

/** A feed to add, as read from an OPML outline. */
export type NewFeed = { name: string; url: string; kind: 'rss' | 'atom'; line?: number; category?: string };
export type AddResult = { text: string; added: { id: string; url: string }[]; skipped: { url: string; line?: number; why: string }[] };

/**
 * Appends feeds to a sources.yaml text, each with a comment saying where it came from.
 * A feed whose URL is already listed (or listed twice in the input) is skipped; ids are
 * made from the URL and never collide with an existing one.
 */
export function addFeeds(yamlText: string, feeds: NewFeed[], options: { enabled: boolean; from: string }): AddResult {
  const doc = parseDocument(yamlText.trim() ? yamlText : 'sources: []\n');
  if (doc.errors.length) throw new Error(`the sources file is not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
  const seq = sourcesSeq(doc);
  const existing = seq.items.filter(isMap);
  const ids = new Set(existing.map((m) => String(m.get('id'))));
  const urls = new Map(existing.map((m) => [normalUrl(String(m.get('url'))), String(m.get('id'))]));
  const result: AddResult = { text: '', added: [], skipped: [] };
  for (const feed of feeds) {
    const url = normalUrl(feed.url);
    const owner = urls.get(url);
    if (owner) { result.skipped.push({ url: feed.url, line: feed.line, why: `already listed as "${owner}"` }); continue; }
    const id = uniqueId(idFromUrl(feed.url), ids);
    const node = doc.createNode({ id, name: feed.name, kind: feed.kind, url: feed.url, enabled: options.enabled });
    node.commentBefore = ` imported from ${options.from}${feed.category ? ` (folder: ${feed.category})` : ''}${options.enabled ? '' : '; check it, then set enabled: true'}`;
    node.spaceBefore = seq.items.length > 0;
    seq.items.push(node);
    ids.add(id);
    urls.set(url, id);
    result.added.push({ id, url: feed.url });
  }
  // An empty `sources: []` is a flow sequence; appended entries read better in block style.
  if (seq.items.length) seq.flow = false;
  result.text = doc.toString({ lineWidth: 0 });
  return result;
}

function sourcesSeq(doc: Document): YAMLSeq {
  if (!isMap(doc.contents)) throw new Error('the sources file must be a mapping with a `sources:` list');
  const current = doc.get('sources', true);
  if (isSeq(current)) return current;
  if (current !== undefined && current !== null && !(typeof current === 'object' && 'value' in current && current.value === null)) {
    throw new Error('`sources:` in the sources file is not a list');
  }
  const seq = new YAMLSeq();
  doc.set('sources', seq);
  return seq;
}

/** The same feed written two ways (host case, default port, a fragment) compares equal. */
export function normalUrl(url: string): string {
  try { const u = new URL(url); u.hash = ''; return u.href; } catch { return url; }
}

const GENERIC_HOST_LABELS = new Set(['www', 'm', 'rss', 'feed', 'feeds', 'com', 'cn', 'net', 'org', 'app', 'io', 'co']);
const GENERIC_PATH_WORDS = new Set(['rss', 'feed', 'feeds', 'atom', 'xml', 'index', 'rss2']);

/** A readable id from a feed URL: the site's own name, then the parts of the path that tell feeds apart. */
export function idFromUrl(url: string): string {
  let host = '', pathWords: string[] = [];
  try {
    const u = new URL(url);
    host = u.hostname.split('.').filter((l) => !GENERIC_HOST_LABELS.has(l)).join('-');
    pathWords = u.pathname.split('/').map((p) => p.replace(/\.(xml|rss|atom|php|aspx?)$/i, '')).filter((p) => p && !GENERIC_PATH_WORDS.has(p.toLowerCase()));
    if (u.search) pathWords.push(u.search);
  } catch { /* not a URL: the schema will say so; the id falls back below */ }
  const slug = [host, ...pathWords].join('-').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return (slug || 'feed').slice(0, 36).replace(/-+$/, '');
}

function uniqueId(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
