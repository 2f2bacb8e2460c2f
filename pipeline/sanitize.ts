// The only place HTML is let through, and only onto an allow-list. Readability is not a
// sanitizer: its output passes DOMPurify before anything reaches content/. What we store
// is text, so the clean DOM is also where paragraphs are read from.
import { JSDOM } from 'jsdom';
import createDOMPurify from 'dompurify';
import { StageError } from './reasons.ts';

const ALLOWED_TAGS = ['p', 'br', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'strong', 'em', 'b', 'i', 'a', 'figure', 'figcaption', 'table', 'thead', 'tbody', 'tr', 'td', 'th', 'div', 'span', 'section', 'article'];
const ALLOWED_ATTR = ['href'];

let purifier: ReturnType<typeof createDOMPurify> | undefined;
let sharedWindow: Window | undefined;
/** One jsdom window for the purifier and the parses made for it. */
function domWindow(): Window & typeof globalThis {
  sharedWindow ??= new JSDOM('').window as unknown as Window;
  return sharedWindow as Window & typeof globalThis;
}

function getPurifier() {
  if (purifier) return purifier;
  purifier = createDOMPurify(domWindow() as unknown as Parameters<typeof createDOMPurify>[0]);
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName !== 'A') return;
    const href = (node.getAttribute('href') ?? '').trim();
    // Only absolute http(s) links survive; "javascript:", "data:", relative tricks lose the href.
    if (!/^https?:\/\//i.test(href)) node.removeAttribute('href');
    node.setAttribute('rel', 'noopener nofollow ugc');
  });
  return purifier;
}

/** Allow-listed HTML: no scripts, styles, event handlers, SVG/MathML, forms, or non-http links. */
export function sanitizeHtml(html: string): string {
  return getPurifier().sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR, ALLOW_DATA_ATTR: false, KEEP_CONTENT: true, ADD_ATTR: ['rel'] }) as string;
}

const XHTML = 'http://www.w3.org/1999/xhtml';
const NEEDS_BROWSER_VIEW = /<(svg|math|xmp|plaintext|textarea|listing)[\s/>]/i;
/** Never shown as text: code, style, and the fallbacks a browser with scripts and plugins hides. */
const NOT_SHOWN = new Set(['script', 'style', 'noscript', 'noembed', 'noframes', 'template', 'iframe', 'object', 'embed', 'head', 'title', 'desc', 'metadata']);
/** Raw-text elements whose content a browser shows verbatim, markup and all. */
const SHOWN_VERBATIM = new Set(['xmp', 'plaintext', 'textarea', 'listing']);

/**
 * Before the allow-list: make what a browser would show plain HTML text. DOMPurify drops SVG and
 * MathML with everything inside (and HTML nested in them fails its namespace check), so text after
 * a nested <math><mtext> (mutation-XSS fixtures) or inside <svg><text> vanished without a word.
 * Foreign elements are unwrapped into their text, verbatim raw-text elements become text, and
 * what is never shown goes. Nothing here is serialized back to HTML: it becomes text only.
 */
function textAsBrowsersShowIt(root: Element): void {
  const doc = root.ownerDocument;
  for (const el of Array.from(root.querySelectorAll('*')).reverse()) {
    const name = el.localName.toLowerCase();
    if (NOT_SHOWN.has(name)) { el.remove(); continue; }
    if (el.namespaceURI === XHTML && SHOWN_VERBATIM.has(name)) {
      const block = doc.createElement('div');
      block.textContent = el.textContent ?? '';
      el.replaceWith(block);
      continue;
    }
    if (el.namespaceURI !== XHTML) {
      // Foreign (SVG, MathML): its children take its place; a block keeps its text apart from the next.
      const block = doc.createElement('span');
      block.append(...Array.from(el.childNodes));
      el.replaceWith(block);
    }
  }
}

const BLOCK = new Set(['P', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'FIGCAPTION', 'TR', 'DIV', 'SECTION', 'ARTICLE', 'UL', 'OL', 'TABLE', 'TBODY', 'THEAD', 'FIGURE']);

/** Sanitize, then read the text one paragraph per block element. */
export function htmlToParagraphs(html: string): string[] {
  const purify = getPurifier();
  let input: string | Element = html;
  // Only markup with foreign or verbatim elements needs the extra pass (a parse and a copy, ~10% of a page's CPU).
  if (NEEDS_BROWSER_VIEW.test(html)) {
    const body = new (domWindow()).DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html').body;
    textAsBrowsersShowIt(body);
    // A <div> holding the page's nodes, not <body>: DOMPurify imports the node it is given and would have to remove a <body>.
    const holder = body.ownerDocument.createElement('div');
    holder.append(...Array.from(body.childNodes));
    input = holder;
  }
  const fragment = purify.sanitize(input, { ALLOWED_TAGS, ALLOWED_ATTR, KEEP_CONTENT: true, RETURN_DOM_FRAGMENT: true }) as unknown as DocumentFragment;
  const out: string[] = [];
  let current = '';
  const flush = () => {
    const text = cleanText(current);
    if (text) out.push(text);
    current = '';
  };
  // Iterative, not recursive: a hostile page nested thousands deep must not overflow the stack.
  // An entry is a node to read, or a marker that a block element ends here.
  const stack: (Node | 'end-block')[] = Array.from(fragment.childNodes).reverse();
  while (stack.length) {
    const next = stack.pop()!;
    if (next === 'end-block') { flush(); continue; }
    if (next.nodeType === 3) { current += next.nodeValue ?? ''; continue; }
    if (next.nodeType !== 1) continue;
    const el = next as Element;
    if (el.tagName === 'BR') { flush(); continue; }
    const block = BLOCK.has(el.tagName);
    if (block) { flush(); stack.push('end-block'); }
    for (let i = el.childNodes.length - 1; i >= 0; i--) stack.push(el.childNodes[i]!);
  }
  flush();
  return out;
}

/** `depthSum` adds up every element's nesting depth: it is what Readability pays for, since it
 *  reads the text of each element's ancestors again and again. */
export type MarkupBudget = { maxElements: number; maxDepth: number; maxDepthSum: number };
/** Past these, jsdom and Readability slow down without bound (1,000 nested divs take ~20 s,
 *  20,000 never finish). Measured on 2 cores: ~0.11 ms per element plus ~6 µs per unit of
 *  depthSum, so a page at all three limits extracts in about 12 s. News pages use a tenth. */
export const MARKUP_BUDGET: MarkupBudget = { maxElements: 50_000, maxDepth: 256, maxDepthSum: 1_000_000 };

// Elements that never hold children, or that the parser closes by itself when the next one opens.
const NO_DEPTH = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen',
  'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'rb', 'rt', 'rp', 'html', 'head', 'body']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

/** Count elements and estimate nesting with one linear scan of the markup, before any DOM is built. */
export function measureMarkup(html: string): { elements: number; depth: number; depthSum: number } {
  let elements = 0, depth = 0, maxDepth = 0, foreign = 0, depthSum = 0;
  const tag = /<(\/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*>|<!--[\s\S]*?(?:-->|$)/g;
  let m: RegExpExecArray | null;
  while ((m = tag.exec(html))) {
    if (!m[2]) continue; // a comment
    const name = m[2].toLowerCase();
    if (m[1]) {
      if ((name === 'svg' || name === 'math') && foreign > 0) foreign--;
      if (!NO_DEPTH.has(name) && depth > 0) depth--;
      continue;
    }
    elements++;
    depthSum += depth;
    const selfClosing = m[0].endsWith('/>');
    if (RAW_TEXT.has(name)) {
      // Skip to the end tag: what is inside is text, not markup.
      const close = closingTag(name);
      close.lastIndex = tag.lastIndex;
      tag.lastIndex = close.exec(html)?.index ?? html.length;
      continue;
    }
    if (NO_DEPTH.has(name)) continue;
    // "<div/>" opens a div in HTML (the slash is ignored); only inside SVG/MathML does it close.
    if (selfClosing && foreign > 0) continue;
    if ((name === 'svg' || name === 'math') && !selfClosing) foreign++;
    if (++depth > maxDepth) maxDepth = depth;
  }
  return { elements, depth: maxDepth, depthSum };
}

const closers = new Map<string, RegExp>();
function closingTag(name: string): RegExp {
  let re = closers.get(name);
  if (!re) { re = new RegExp(`</${name}[\\s/>]`, 'gi'); closers.set(name, re); }
  return re;
}

/** Refuse markup that would take the DOM builder or Readability too long: `too-large`, with the numbers. */
export function assertMarkupBudget(html: string, budget: MarkupBudget = MARKUP_BUDGET): void {
  const { elements, depth, depthSum } = measureMarkup(html);
  if (elements > budget.maxElements) throw new StageError('too-large', `page has ${elements} elements (at most ${budget.maxElements} are parsed)`);
  if (depth > budget.maxDepth) throw new StageError('too-large', `page nests elements ${depth} deep (at most ${budget.maxDepth})`);
  if (depthSum > budget.maxDepthSum) throw new StageError('too-large', `page nests too much: ${elements} elements at a total depth of ${depthSum} (at most ${budget.maxDepthSum})`);
}

/** Collapse whitespace and strip control characters that have no business in stored text.
 *  Markup-shaped text goes too: a title taken from og:title or <title> is raw text that may
 *  hold '"><script>…', and text a page escaped (&lt;img onerror=…&gt;) arrives here decoded.
 *  Whatever renders a stored field later, no field ever holds a tag. A news story never needs
 *  to quote HTML; "价格<20万元" and "<新车型>" are not tags and stay. */
export function cleanText(text: string): string {
  return stripTags(text)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[ \t\r\n\u00A0\u3000]+/g, ' ')
    .trim();
}

const SCRIPT_OR_STYLE = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
/** Comments, and tags, end tags, doctypes and processing instructions (<?xml-stylesheet …?>), also unclosed ones. */
const TAG_SHAPED = /<!--[\s\S]*?(?:-->|$)|<[/?!]*[A-Za-z!?][^<>]*(?:>|$)/g;
/** An angle bracket written as a character reference (&lt; &#60; &#x3c;, with or without the
 *  semicolon — HTML reads "&ltimg" as "<img" too — or escaped again as &amp;lt;): stored text is
 *  already decoded, so these are text that spells a tag, and the next consumer to decode it would get one. */
const ANGLE_REFERENCE = /&(?:amp;)*(lt|gt|#0*6[02](?![0-9])|#x0*3[ce](?![0-9a-f]));?/gi;
/** Remove tags (and whole <script>/<style> elements) until none is left ("<<b>script>" would otherwise
 *  rebuild one); whatever could still open a tag ("<script<{…") gets a full-width bracket, which never can. */
export function stripTags(text: string): string {
  if (!text.includes('<') && !text.includes('&')) return text;
  let out = text.replace(ANGLE_REFERENCE, (_m, name: string) => (/^(lt|#0*60|#x0*3c)$/i.test(name) ? '<' : '>'));
  if (!out.includes('<')) return out;
  for (let round = 0; round < 8; round++) {
    const next = out.replace(SCRIPT_OR_STYLE, '').replace(TAG_SHAPED, '');
    if (next === out) break;
    out = next;
  }
  return out.replace(/<(?=[A-Za-z!?/])/g, '\uFF1C');
}
