// OPML, the subscription-list format feed readers (Miniflux, Inoreader, Feedly, NetNewsWire)
// import and export: text → feeds, and sources → text. Pure. saxes is a strict, conforming XML
// parser that knows the line of every tag and of the first error, so a bad file is reported
// at its line and every skipped outline at its own.
import { SaxesParser } from 'saxes';
import type { Source } from './config.ts';
import type { NewFeed } from './sources-file.ts';

export class OpmlError extends Error {
  readonly line: number;
  constructor(line: number, problem: string) {
    super(`line ${line}: ${problem}`);
    this.name = 'OpmlError';
    this.line = line;
  }
}

export type OpmlFeeds = { title?: string; feeds: NewFeed[]; skipped: { line: number; why: string }[] };

/** Every feed outline (one with an xmlUrl), at any depth; a folder outline names its feeds' category. */
export function parseOpml(text: string): OpmlFeeds {
  const parser = new SaxesParser({ position: true, xmlns: false });
  const out: OpmlFeeds = { feeds: [], skipped: [] };
  const stack: { name: string; line?: number; folder?: string }[] = [];
  let sawOpml = false, sawBody = false, inHeadTitle = false, headTitle = '';
  let failure: OpmlError | undefined;
  let lastClosed: { name: string; line?: number; at: number } | undefined;
  const fail = (line: number, problem: string) => { failure ??= new OpmlError(line, problem); };

  const xmlError = (e: Error) => {
    // saxes prefixes "line:column: " to its messages; we give the line our own way, and say
    // which element is still open (a tag left unclosed is found only where its parent closes).
    const open = lastClosed?.at === parser.position ? lastClosed : stack[stack.length - 1];
    fail(parser.line, `not well-formed XML: ${e.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '')}${open?.line ? ` (<${open.name}> from line ${open.line} is never closed)` : ''}`);
  };
  parser.on('error', xmlError);
  parser.on('opentag', (tag) => {
    const line = parser.line;
    const name = tag.name.toLowerCase();
    if (!stack.length) {
      if (name !== 'opml') fail(line, `the root element is <${tag.name}>, not <opml>: is this an OPML file?`);
      sawOpml = true;
    }
    const parent = stack[stack.length - 1];
    inHeadTitle = name === 'title' && parent?.name === 'head';
    if (name === 'body' && parent?.name === 'opml') sawBody = true;
    let folder: string | undefined;
    if (name === 'outline') {
      const attr = (key: string) => (tag.attributes[key] ?? tag.attributes[key.toLowerCase()] ?? '').trim();
      const label = attr('title') || attr('text');
      const xmlUrl = attr('xmlUrl');
      const enclosing = [...stack].reverse().find((s) => s.folder)?.folder;
      if (xmlUrl) {
        const url = checkedUrl(xmlUrl);
        if (!url) out.skipped.push({ line, why: `outline "${label || xmlUrl}": xmlUrl "${xmlUrl}" is not an http or https URL` });
        else out.feeds.push({ name: label || new URL(url).hostname, url, kind: kindOf(attr('type'), url), line, ...(enclosing ? { category: enclosing } : {}) });
      } else if (!tag.isSelfClosing) {
        folder = label || enclosing; // a folder (category) outline: its children are the feeds
      } else {
        out.skipped.push({ line, why: `outline "${label || '(no title)'}" has no xmlUrl (not a feed)` });
      }
    }
    stack.push({ name, line, ...(folder ? { folder } : {}) });
  });
  parser.on('text', (t) => { if (inHeadTitle) headTitle += t; });
  // saxes closes an unclosed child where its parent's close tag stands, then reports the error there.
  parser.on('closetag', () => { const top = stack.pop(); if (top) lastClosed = { ...top, at: parser.position }; inHeadTitle = false; });

  try {
    parser.write(text).close();
  } catch (e) {
    xmlError(e as Error);
  }
  if (failure) throw bareAmpersandBefore(text, failure.line) ?? failure;
  if (!sawOpml) throw new OpmlError(1, 'no <opml> element: the file is empty or not OPML');
  if (!sawBody) throw new OpmlError(parser.line, 'no <body> inside <opml>: an OPML subscription list keeps its outlines there');
  if (headTitle.trim()) out.title = headTitle.trim();
  return out;
}

/**
 * A hand-edited "车评 & 周刊" is the commonest OPML breakage, and the parser only notices it at
 * the end of the file; when a parse failed, point at the first bare & before the reported line.
 */
function bareAmpersandBefore(text: string, line: number): OpmlError | undefined {
  const lines = text.split('\n');
  for (let i = 0; i < Math.min(line, lines.length); i++) {
    if (/&(?!#\d+;|#x[0-9a-f]+;|[a-z_][\w.-]*;)/i.test(lines[i]!)) return new OpmlError(i + 1, 'not well-formed XML: a bare "&" (write it as &amp;)');
  }
  return undefined;
}

function checkedUrl(raw: string): string | undefined {
  try {
    const u = new URL(raw);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch { return undefined; }
}

/** OPML's `type` is "rss" for any feed in most readers' exports; Atom shows only in a few. */
function kindOf(type: string, url: string): 'rss' | 'atom' {
  return type.toLowerCase() === 'atom' || /(^|[/.])atom(\.xml)?$/i.test(new URL(url).pathname) ? 'atom' : 'rss';
}

/** OPML 2.0 for the feed sources (rss, atom); page and page-list sources have no feed to give a reader. */
export function toOpml(sources: Source[], options: { title: string; now: Date }): string {
  const outlines = sources.filter((s) => s.kind === 'rss' || s.kind === 'atom')
    .map((s) => `    <outline type="rss" text="${xmlAttr(s.name)}" title="${xmlAttr(s.name)}" xmlUrl="${xmlAttr(s.url)}"/>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${xmlText(options.title)}</title>`,
    `    <dateCreated>${options.now.toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
    ...outlines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}

function xmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/\r?\n|\t/g, ' ');
}
