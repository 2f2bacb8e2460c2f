// The article body is cleaned plain text: one paragraph per block, blocks separated
// by blank lines. Lines inside a block are joined (no space between CJK characters).

const CJK_OR_PUNCT = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/u;

function joinLines(lines: string[]): string {
  let out = '';
  for (const line of lines) {
    if (!out) { out = line; continue; }
    const needsSpace = !CJK_OR_PUNCT.test(out.at(-1)!) && !CJK_OR_PUNCT.test(line[0]!);
    out += needsSpace ? ` ${line}` : line;
  }
  return out;
}

export function splitParagraphs(body: string | undefined | null): string[] {
  if (!body) return [];
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u3000]*\n/)
    .map((block) => unescapeBody(joinLines(block.split('\n').map((l) => l.trim()).filter(Boolean))))
    .filter((p) => p.length > 0);
}

/**
 * The pipeline writes bodies with &, <, > as entities and a leading Markdown marker
 * backslash-escaped (pipeline/store.ts), so Astro's Markdown pass sees no raw HTML.
 * The page renders text, so undo both here; Astro escapes it again on output.
 */
export function unescapeBody(text: string): string {
  return text.replace(/^\\(?=[#>*+\-=`|]|\d+\.)/, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
