// The only place HTML is let through, and only onto an allow-list. Readability is not a
// sanitizer: its output passes DOMPurify before anything reaches content/. What we store
// is text, so the clean DOM is also where paragraphs are read from.
import { JSDOM } from 'jsdom';
import createDOMPurify from 'dompurify';

const ALLOWED_TAGS = ['p', 'br', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'strong', 'em', 'b', 'i', 'a', 'figure', 'figcaption', 'table', 'thead', 'tbody', 'tr', 'td', 'th', 'div', 'span', 'section', 'article'];
const ALLOWED_ATTR = ['href'];

let purifier: ReturnType<typeof createDOMPurify> | undefined;

function getPurifier() {
  if (purifier) return purifier;
  const { window } = new JSDOM('');
  purifier = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
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

const BLOCK = new Set(['P', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'FIGCAPTION', 'TR', 'DIV', 'SECTION', 'ARTICLE', 'UL', 'OL', 'TABLE', 'TBODY', 'THEAD', 'FIGURE']);

/** Sanitize, then read the text one paragraph per block element. */
export function htmlToParagraphs(html: string): string[] {
  const fragment = getPurifier().sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR, KEEP_CONTENT: true, RETURN_DOM_FRAGMENT: true }) as unknown as DocumentFragment;
  const out: string[] = [];
  let current = '';
  const flush = () => {
    const text = cleanText(current);
    if (text) out.push(text);
    current = '';
  };
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) current += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const el = child as Element;
        if (el.tagName === 'BR') { flush(); continue; }
        const block = BLOCK.has(el.tagName);
        if (block) flush();
        walk(el);
        if (block) flush();
      }
    }
  };
  walk(fragment);
  flush();
  return out;
}

/** Collapse whitespace and strip control characters that have no business in stored text. */
export function cleanText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[ \t\r\n\u00A0\u3000]+/g, ' ')
    .trim();
}
