// What a news page is made of, read before Readability runs: where the article's text lives
// (the anchor), which blocks are reader comments (by their structure: repeated items with a
// time and reply/like controls) and which short headings open a teaser or comment block.
// Pruning uses it so that nothing holding the article is ever removed. Pure DOM functions.

/** Headings that open a block of teasers or comments. */
export const TRAILING_BLOCK = /^(猜你(感兴趣|喜欢)|相关(阅读|新闻|文章|推荐|报道|链接|日志|博文)|热门(推荐|文章|资讯|评论)|推荐阅读|延伸\s*[·・•]?\s*(阅读|推荐)|热点资讯|精彩推荐|网友评论|(全部|最新|最热|热门|精彩)?评论(\s*[(（]\d+[)）])?|猜您喜欢|更多精彩|(精彩|相关|热门)视频(推荐)?|视频推荐)[:：]?$/;
/** Text of a comment's controls: reply, like, report, "see the thread", with an optional count. */
const COMMENT_CONTROL = /^(回复|赞|踩|顶|举报|点赞|查看对话|盖楼|引用|支持|反对)\s*[(（[]?\s*\d*\s*[)）\]]?$/;
/** A comment's time stamp: "今天08:23", "3分钟前", "2024-03-29 21:05", "03-29 21:05", "3月29日 21:05". */
const COMMENT_TIME = /^(今天|昨天|前天)?\s*\d{1,2}[:：]\d{2}$|^\d+\s*(秒|分钟|小时|天)前$|^(\d{4}[-/年])?\d{1,2}[-/月]\d{1,2}日?\s+\d{1,2}[:：]\d{2}([:：]\d{2})?$/;
/** Never visible text. */
const INVISIBLE_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'IFRAME', 'TEMPLATE', 'OBJECT', 'EMBED']);
/** Page furniture: never the article, so its text does not count towards the anchor. As selectors:
 *  nav, footer, .ad, .ads, .advert, .advertisement, [class^="ad-"], [class*=" ad-"], [id^="ad-"], .share, .social-share, .breadcrumb. */
const FURNITURE_TAGS = new Set(['NAV', 'FOOTER']);
const FURNITURE_CLASSES = new Set(['ad', 'ads', 'advert', 'advertisement', 'share', 'social-share', 'breadcrumb']);
function isFurniture(el: Element): boolean {
  if (FURNITURE_TAGS.has(el.tagName)) return true;
  if ((el.getAttribute('id') ?? '').startsWith('ad-')) return true;
  const cls = el.getAttribute('class');
  if (!cls) return false;
  if (cls.startsWith('ad-') || cls.includes(' ad-')) return true;
  for (const token of cls.split(/\s+/)) if (FURNITURE_CLASSES.has(token)) return true;
  return false;
}

export type PageParts = { invisible: Element[]; furniture: Element[]; forms: Element[]; footers: Element[] };
/** One pass over the elements instead of a selector query: the attribute selectors cost as much as a scan of the page.
 *  Forms are apart: a whole page may sit in one <form> (ASP.NET), so a form goes only when the article is not inside.
 *  `footers`: the `<footer>`s and the blocks whose class or id holds "footer" or "copyright", in page order. */
export function sortElements(doc: Document): PageParts {
  const parts: PageParts = { invisible: [], furniture: [], forms: [], footers: [] };
  for (const el of Array.from(doc.getElementsByTagName('*'))) {
    if (isFooterBlock(el)) parts.footers.push(el);
    if (INVISIBLE_TAGS.has(el.tagName)) parts.invisible.push(el);
    else if (el.tagName === 'FORM') parts.forms.push(el);
    else if (isFurniture(el)) parts.furniture.push(el);
  }
  return parts;
}

function isFooterBlock(el: Element): boolean {
  if (el.tagName === 'FOOTER') return true;
  const cls = el.getAttribute('class'), id = el.getAttribute('id');
  return (cls !== null && (cls.includes('footer') || cls.includes('copyright'))) || (id !== null && (id.includes('footer') || id.includes('copyright')));
}

/** A comment list item is short; an article with a dateline and a "report" link is not one. */
const MAX_COMMENT_ITEM = 3000;
/** …and one comment (a time stamp) says at most this much. */
const MAX_COMMENT_TEXT = 400;

const INLINE = new Set(['A', 'SPAN', 'STRONG', 'B', 'EM', 'I', 'FONT', 'U', 'SUB', 'SUP', 'SMALL', 'BIG', 'CODE', 'LABEL', 'ABBR', 'CITE', 'Q', 'MARK', 'TIME', 'INS', 'DEL', 'S']);
/** Blocks whose text belongs to their parent: the paragraph's container is the candidate, as in Readability. */
const PARAGRAPH = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'DD', 'DT']);

export type PageScan = {
  /** The element holding most of the page's non-link paragraph text, outside comments and page furniture. */
  anchor?: Element;
  /** The anchor's own text pieces, whitespace removed: what a result must hold to be the article. */
  anchorTexts: string[];
  /** The texts of the anchor's sibling line `<div>`s when the body is written one `<div>` a line (see siblingLineTexts). */
  lineTexts?: string[];
  /** Short headings that open a teaser or comment block (their outermost single-text wrapper). */
  markers: Element[];
};

/** Text with its white space removed: how pieces of text are compared and measured here and in extract.ts. */
export const squash = (s: string) => s.replace(/\s+/g, '');

/** Comment lists found by structure: elements whose children repeat (same tag and class) and each carry a control and a time. */
export function findCommentLists(root: Element): Element[] {
  const flagged = new Map<Element, { control: boolean; time: boolean; times: number }>();
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.nodeValue ?? '').trim();
    if (!text || text.length > 24) continue;
    const control = COMMENT_CONTROL.test(text);
    const time = !control && COMMENT_TIME.test(text);
    if (!control && !time) continue;
    // Every ancestor learns that one of its descendants is a control or a time.
    for (let el = node.parentElement, depth = 0; el && depth < 12; el = el.parentElement, depth++) {
      const f = flagged.get(el) ?? { control: false, time: false, times: 0 };
      if (control) f.control = true; else { f.time = true; f.times++; }
      flagged.set(el, f);
    }
  }
  const lists = new Set<Element>();
  const checked = new Set<Element>();
  for (const [el, f] of flagged) {
    if (!f.control || !f.time || !el.parentElement) continue;
    const parent = el.parentElement;
    // Each parent once: its children are read in full below.
    if (checked.has(parent)) continue;
    checked.add(parent);
    const items = Array.from(parent.children).filter((c) => { const g = flagged.get(c); return g?.control && g.time; });
    if (items.length < 2) continue;
    // Repetition: at least two items of one shape (threads may alternate with their reply boxes),
    // and the items are most of what the list holds.
    const shapes = new Map<string, number>();
    for (const c of items) { const k = `${c.tagName}.${c.getAttribute('class') ?? ''}`; shapes.set(k, (shapes.get(k) ?? 0) + 1); }
    if (Math.max(...shapes.values()) < 2) continue;
    const withText = Array.from(parent.children).filter((c) => (c.textContent ?? '').trim()).length;
    if (items.length < withText / 2) continue;
    // One comment a time stamp: an article block with a dateline holds many paragraphs and far more text for its one time.
    if (items.some((c) => !commentSized(c, flagged.get(c)!.times))) continue;
    lists.add(parent);
  }
  // Only the outermost: a list of threads holds lists of replies.
  return [...lists].filter((l) => ![...lists].some((o) => o !== l && o.contains(l)));
}

function commentSized(item: Element, times: number): boolean {
  const text = (item.textContent ?? '').replace(/\s+/g, '').length;
  return text <= MAX_COMMENT_ITEM && text / times <= MAX_COMMENT_TEXT && item.getElementsByTagName('p').length / times <= 2;
}

/** One walk over the text: the anchor (paragraph containers scored by their non-link text,
 *  half to the grandparent, like Readability's candidates) and the teaser/comment headings. */
export function scanPage(doc: Document, furniture: Set<Element>): PageScan {
  const scores = new Map<Element, number>();
  const texts = new Map<Element, string[]>();
  const markers: Element[] = [];
  const memo = new Map<Element, boolean>();
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, 4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const raw = node.nodeValue ?? '';
    const text = raw.trim();
    if (!text) continue;
    if (text.length <= 16 && TRAILING_BLOCK.test(text)) markers.push(outermostWrapper(node.parentElement!, text));
    let block = node.parentElement;
    let inLink = false;
    while (block && INLINE.has(block.tagName)) { if (block.tagName === 'A') inLink = true; block = block.parentElement; }
    if (inLink || !block || text.length < 2) continue;
    if (insideAny(block, furniture, memo)) continue;
    const container = PARAGRAPH.has(block.tagName) ? block.parentElement : block;
    if (!container) continue;
    // Sentences weigh more than labels: one point a character, ten a comma or full stop.
    const score = text.length + 10 * (text.match(/[，。；！？,.]/g)?.length ?? 0);
    scores.set(container, (scores.get(container) ?? 0) + score);
    const grand = container.parentElement;
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + score / 2);
    const own = texts.get(container) ?? [];
    own.push(squash(text));
    texts.set(container, own);
  }
  let anchor: Element | undefined;
  let best = 0;
  for (const [el, score] of scores) if (score > best && texts.has(el)) { best = score; anchor = el; }
  return { anchor, anchorTexts: anchor ? sample(collectTexts(anchor, texts)) : [], lineTexts: anchor ? sample(siblingLineTexts(anchor, texts)) : [], markers: markers.slice(0, MAX_MARKERS) };
}

/** Real pages have a few dozen teaser headings at most; a page of thousands is not read heading by heading. */
const MAX_MARKERS = 100;
/** The anchor's pieces checked against a result: its first and last ones (the edges) and an even sample
 *  between, so a page of 20,000 paragraphs costs no more than a news page. */
const MAX_PIECES = 200;
function sample(pieces: string[]): string[] {
  if (pieces.length <= MAX_PIECES) return pieces;
  const edge = MAX_PIECES / 4;
  const middle = pieces.slice(edge, -edge);
  const step = middle.length / (MAX_PIECES / 2);
  return [...pieces.slice(0, edge), ...Array.from({ length: MAX_PIECES / 2 }, (_, i) => middle[Math.floor(i * step)]!), ...pieces.slice(-edge)];
}

/** A body written one `<div>` a line (a TRS editor's `<div>　　…</div>` runs) has no paragraph container: each line is
 *  its own, and the anchor is the longest line. Its sibling lines (at least two more, under a parent with no text of
 *  its own) are the same body, so the edge trim keeps a short subhead that opens it. */
function siblingLineTexts(anchor: Element, texts: Map<Element, string[]>): string[] {
  const parent = anchor.parentElement;
  if (anchor.tagName !== 'DIV' || !parent || texts.has(parent)) return [];
  const lines = Array.from(parent.children).filter((c) => c !== anchor && c.tagName === 'DIV' && texts.has(c));
  return lines.length >= 2 ? lines.flatMap((c) => texts.get(c)!) : [];
}

/** The anchor's text: its own pieces and those of the paragraph containers inside it. */
function collectTexts(anchor: Element, texts: Map<Element, string[]>): string[] {
  const out: string[] = [];
  for (const [el, pieces] of texts) if (anchor.contains(el)) out.push(...pieces);
  return out;
}

/** Whether `el` is inside one of `set`, remembered per element: most text nodes share their blocks' ancestors. */
function insideAny(el: Element, set: Set<Element>, memo: Map<Element, boolean>): boolean {
  if (!set.size) return false;
  const path: Element[] = [];
  let found = false;
  for (let e: Element | null = el; e; e = e.parentElement) {
    const known = memo.get(e);
    if (known !== undefined) { found = known; break; }
    path.push(e);
    if (set.has(e)) { found = true; break; }
  }
  for (const e of path) memo.set(e, found);
  return found;
}

/** `<p><strong>相关新闻：</strong></p>` → the <p>: the wrapper whose whole text is the heading. */
function outermostWrapper(el: Element, text: string): Element {
  let current = el;
  while (current.parentElement && current.parentElement.tagName !== 'BODY' && squash(current.parentElement.textContent ?? '') === squash(text)) current = current.parentElement;
  return current;
}

/** Share of the text that sits in links. */
export function linkDensity(el: Element): number {
  const total = squash(el.textContent ?? '').length;
  if (!total) return 0;
  let linked = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) linked += squash(a.textContent ?? '').length;
  return Math.min(1, linked / total);
}

/** What a result keeps of the anchor's text, as a share of its characters. */
export function anchorCoverage(scan: PageScan, paragraphs: string[]): number {
  const total = scan.anchorTexts.reduce((a, t) => a + t.length, 0);
  if (!total) return 1;
  const text = squash(paragraphs.join(''));
  let kept = 0;
  for (const t of scan.anchorTexts) if (text.includes(t)) kept += t.length;
  return kept / total;
}

/** A caption: short text in the image's own block, or the short block right after it. */
const MAX_CAPTION = 40;
/** …or a caption glued to the story's photo credit ("…的纸片。本文图片除特别标注外，均为某报记者 某某 图"). */
const MAX_CREDITED_CAPTION = 100;
const PHOTO_CREDIT_NOTICE = /(本文|文中|以上|以下)图片(除|如无)(特别|另外|特殊)?(标注|注明|说明)外/;
/** Remove image captions and credits: the gold body of a news page is its prose, and a caption
 *  under a photo reads as a stray sentence in the stored text. Subheadings (all bold) stay.
 *  `anchor`: where the story is. A story that captions its photos also loses the captions written as a
 *  sentence; a photo essay, whose prose sits under its pictures, keeps its lines. */
export function removeCaptions(doc: Document, anchor?: Element): void {
  for (const el of Array.from(doc.querySelectorAll('figcaption'))) el.remove();
  // Captions found (removed at the end, so that a photo essay can keep them); the story's photos that have a
  // block after them and how many of those are captioned by shape; the lines after the others that read as a
  // one-sentence caption ("禹州市人民医院。", "孩子们手写的借书登记本。").
  const found: Element[] = [];
  let pictured = 0, captioned = 0;
  const sentences: Element[] = [];
  for (const img of Array.from(doc.querySelectorAll('img'))) {
    // The image's block: the outermost wrapper that holds nothing else (<p><a><img></a></p>).
    let block: Element = img;
    while (block.parentElement && block.parentElement.tagName !== 'BODY' && holdsOnly(block.parentElement, block)) block = block.parentElement;
    const own = block.parentElement && block.parentElement.tagName !== 'BODY' ? block.parentElement : undefined;
    const inStory = anchor !== undefined && anchor.contains(block);
    // <p><img>活动现场</p>: the image's paragraph holds the caption, also under <br>s (<center><img><br><img spacer><br>爱戴领奖<br><br></center>).
    if (own && !PARAGRAPH_OR_DIV.has(block.tagName) && hasAtMostChildren(own, 3) && isCaption(own, true)) { found.push(own); if (inStory) { pictured++; captioned++; } continue; }
    const next = block.nextElementSibling;
    if (!next) continue;
    if (isNamedCaption(next)) { found.push(next); if (inStory) { pictured++; captioned++; } continue; }
    // A run of photos is captioned once, after the last.
    if (next.querySelector('img') || !squash(next.textContent ?? '')) continue;
    if (inStory) pictured++;
    if (isCaption(next, false)) { found.push(next); if (inStory) captioned++; }
    else if (inStory && isCaptionSentence(next)) sentences.push(next);
  }
  // A photo essay (a travel post: picture, two lines, picture, …) puts its prose right under its pictures, in lines
  // without commas: when such "captions" are a good part of the article's text, they are the text.
  const inAnchor = anchor ? found.filter((el) => anchor.contains(el)) : [];
  const essay = inAnchor.length >= MIN_ESSAY_LINES && inAnchor.reduce((a, el) => a + squash(el.textContent ?? '').length, 0) >= squash(anchor!.textContent ?? '').length * ESSAY_SHARE;
  for (const el of found) if (!(essay && anchor!.contains(el) && !isNamedCaption(el))) el.remove();
  // The story captions its photos: at least two, and at least half of its photos, carry a caption told by its shape.
  if (!essay && captioned >= MIN_CAPTIONED && captioned * 2 >= pictured) for (const el of sentences) el.remove();
}
const MIN_CAPTIONED = 2;
/** At least this many picture lines, holding this share of the anchor's text, make a photo essay. */
const MIN_ESSAY_LINES = 3;
const ESSAY_SHARE = 0.2;

/** A caption written as one sentence with no clause break: what the photo shows, closed by a full stop.
 *  A sentence with a comma ("方敏说，她最大的心愿是…。") is the story's, even right under a photo. */
function isCaptionSentence(el: Element): boolean {
  if (!PARAGRAPH_OR_DIV.has(el.tagName) && el.tagName !== 'SPAN') return false;
  const text = squash(el.textContent ?? '');
  if (!text || text.length > MAX_CAPTION || linkDensity(el) >= 0.5) return false;
  if (!/^[^。！？!?]+。$/.test(text) || /[，,；;：:]/.test(text)) return false;
  return !isHeading(el, text) && !opensShortLines(el);
}

/** A block the template names a caption (<p class="caption">, "pictext", "img-desc"), right after its picture: a caption
 *  even when it is a sentence ("梁振英同时遭到…质问。"), as long as it is short and holds no paragraphs. */
const CAPTION_CLASS = /caption|^pic_?text$|^img_?(desc|text)$|^photo_?(desc|text)$|^picture_?(desc|text)$/i;
const MAX_NAMED_CAPTION = 150;
function isNamedCaption(el: Element): boolean {
  if (!(el.getAttribute('class') ?? '').split(/\s+/).some((token) => CAPTION_CLASS.test(token))) return false;
  if (el.querySelector('p, div, li, table')) return false;
  const text = squash(el.textContent ?? '');
  return text.length > 0 && text.length <= MAX_NAMED_CAPTION;
}

// Sibling pointers, not childElementCount or children: jsdom recounts a live collection after every
// removal, which made a page of 15,000 pictures take minutes.
function holdsOnly(parent: Element, child: Element): boolean {
  if (child.previousElementSibling || child.nextElementSibling) return false;
  for (let node = parent.firstChild; node; node = node.nextSibling) if (node !== child && node.nodeType === 3 && (node.nodeValue ?? '').trim()) return false;
  return true;
}

/** <br>s do not count: they only lay out the picture and its line. */
function hasAtMostChildren(el: Element, n: number): boolean {
  let count = 0;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (c.tagName !== 'BR' && ++count > n) return false;
  return true;
}

const PARAGRAPH_OR_DIV = new Set(['P', 'DIV', 'SECTION', 'FIGURE', 'CENTER']);
function isCaption(el: Element, holdsImage: boolean): boolean {
  if (PARAGRAPH_OR_DIV.has(el.tagName) === false && el.tagName !== 'SPAN') return false;
  if (!holdsImage && el.querySelector('img')) return false;
  const text = squash(el.textContent ?? '');
  if (!text || linkDensity(el) >= 0.5) return false;
  if (!holdsImage && text.length <= MAX_CREDITED_CAPTION && PHOTO_CREDIT_NOTICE.test(text)) return true;
  if (text.length > MAX_CAPTION) return false;
  if (PHOTO_CREDIT_END.test(text)) return true;
  // A caption names what the photo shows: no clause break, no sentence longer than a label, not a bare section number.
  if (/[，,；;：:]/.test(text) || /^\d+$/.test(text)) return false;
  if (/[。！？!?…]["”」』]?$/.test(text) && text.length > 6) return false;
  if (isHeading(el, text)) return false;
  return !opensShortLines(el);
}
/** Posts written one short phrase per paragraph: a short line followed by another is prose, not a caption. */
function opensShortLines(el: Element): boolean {
  const after = el.nextElementSibling;
  const afterText = after ? squash(after.textContent ?? '') : '';
  return afterText !== '' && afterText.length < 20 && !after!.querySelector('img');
}
const HEADING_CLASS = /(^|[-_\s])h[1-6]($|[-_\s])|sub-?title|heading/i;
/** A line that is bold all through, or that the template calls a heading ("bjh-h3", "subtitle"), is a subheading. */
function isHeading(el: Element, text: string): boolean {
  const bold = Array.from(el.querySelectorAll('strong, b')).reduce((a, b) => a + squash(b.textContent ?? '').length, 0);
  if (bold >= text.length) return true;
  return [el, ...Array.from(el.querySelectorAll('[class]'))].some((e) => HEADING_CLASS.test(e.getAttribute('class') ?? ''));
}
/** "… 摄", "…的报道截图。", "（资料图）": the line credits or labels a picture. */
const PHOTO_CREDIT_END = /(摄|截图|资料图|供图|图源[:：]\S+)[。)）]?$/;
