// Primary sources an article points to in its text ("某车企官方微博发布的说明全文见 https://…"):
// an official post, a court notice, a complaint platform's page. The site links them, so a reader
// can check the claim at its source. Pure: paragraphs in, links with their labels out.

export type PrimarySource = { url: string; label: string };

const URL_IN_TEXT = /https?:\/\/[^\s，。；、！？（）()「」『』“”"'<>]+/g;
const MAX_SOURCES = 5;
const MAX_LABEL = 40;

/**
 * Every http(s) URL in the text, once, except the outlet's own pages (same host and first path
 * segment as the article, so outlets sharing a host, as the demo's do, stay apart): those are
 * navigation, not sources. The label is the clause the URL ends ("……说明全文见"),
 * trimmed of the pointing words; without one, the URL's host.
 */
export function findPrimarySources(paragraphs: readonly string[], articleUrl: string): PrimarySource[] {
  const own = siteOf(articleUrl);
  const out: PrimarySource[] = [];
  for (const paragraph of paragraphs) {
    for (const m of paragraph.matchAll(URL_IN_TEXT)) {
      const url = m[0].replace(/[.,;:!?]+$/, '');
      let parsed: URL;
      try { parsed = new URL(url); } catch { continue; }
      if (siteOf(parsed.href) === own || out.some((s) => s.url === parsed.href)) continue;
      out.push({ url: parsed.href, label: labelBefore(paragraph.slice(0, m.index), parsed.host) });
      if (out.length === MAX_SOURCES) return out;
    }
  }
  return out;
}

/** The nearest clause before the URL that says more than "全文见": it names the source. */
function labelBefore(text: string, host: string): string {
  const clauses = text.replace(URL_IN_TEXT, ' ').split(/[。！？；;，,（(「『“：]/);
  for (let i = clauses.length - 1; i >= Math.max(0, clauses.length - 2); i--) {
    // "说明全文见某车企官方微博": the source is named after the pointing word.
    const named = clauses[i]!.replace(/^.*?(?:详见|参见|见|詳見|參見|見)(?=\S)/u, '');
    const label = named.replace(/(全文|原文|详情|詳情)?(请|請)?(详|詳)?(见|參見|参见|可见|可見|查看|访问|訪問|链接|鏈接|見)?\s*$/u, '').replace(/^\s*(来源|來源|出处|出處|详见|詳見|参见|參見|见|見)\s*/u, '').trim();
    if (label) return label.slice(0, MAX_LABEL);
  }
  return host;
}

function siteOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}/${u.pathname.split('/')[1] ?? ''}`;
  } catch {
    return '';
  }
}
