// Text the extractor cannot keep, said out loud. The extractor removes some elements whole, as
// page furniture: <form>, <nav>, <footer>, <object> (its junk list in extract.ts) and <button>,
// <select>, <aside> (Readability's cleaning), and the raw-text fallbacks <iframe>, <noembed>,
// <noframes> (never shown: sanitize.ts). A page that leaves one open puts everything after it
// inside (for the raw-text ones, as text no browser shows as the article), and that text would
// vanish from the article without a word. Pure.

const DROPPED_WHOLE = ['form', 'button', 'select', 'object', 'nav', 'footer', 'aside', 'iframe', 'noembed', 'noframes'] as const;

/** Elements removed with their content that the page opens more often than it closes. */
export function unclosedDroppedContainers(html: string): string[] {
  // Comments, scripts and styles hold no elements.
  const markup = html.replace(/<!--[\s\S]*?(?:-->|$)|<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '');
  return DROPPED_WHOLE.filter((tag) => count(markup, new RegExp(`<${tag}[\\s/>]`, 'gi')) > count(markup, new RegExp(`</${tag}\\s*>`, 'gi')));
}

/** The warning for the run report and the article's messages, or none. */
export function droppedTextWarning(html: string): string | undefined {
  const open = unclosedDroppedContainers(html);
  if (!open.length) return undefined;
  return `text-lost: the page leaves ${open.map((t) => `<${t}>`).join(', ')} open; what follows it is inside and is removed with it, so article text may be missing`;
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}
