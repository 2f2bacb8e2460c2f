// A page's canonical link, accepted only when it is a clean http(s) URL on the page's own host.
// A canonical link decides which URL an article is stored and deduplicated under, so a hostile
// one ("\u2028javascript:…", markup, a relative path full of quotes) must never become it.

/** White space of every kind (U+2028, U+3000, NBSP…), control and format characters. */
const UNICODE_SPACE_AT_ENDS = /^[\s\p{White_Space}\p{Cc}\p{Cf}]+|[\s\p{White_Space}\p{Cc}\p{Cf}]+$/gu;
/** What a clean URL never holds once its escapes are decoded. */
const UNCLEAN = /[\s\p{White_Space}\p{Cc}\p{Cf}<>"`]|(?:javascript|vbscript|data|livescript)\s*:/iu;

/** For the extractor: the href of <link rel="canonical"> trimmed of white space of every kind
 *  and resolved against the page; whether it may be used is acceptCanonical's call. */
export function resolveCanonicalHref(href: string | null | undefined, pageUrl: string): string | undefined {
  if (!href) return undefined;
  try { return new URL(href.replace(UNICODE_SPACE_AT_ENDS, ''), pageUrl).toString(); } catch { return undefined; }
}

/** The href, trimmed, resolved and accepted only when clean (acceptCanonical). */
export function canonicalFromHref(href: string | null | undefined, pageUrl: string): string | undefined {
  const resolved = resolveCanonicalHref(href, pageUrl);
  if (!resolved) return undefined;
  const checked = acceptCanonical(resolved, pageUrl);
  return checked.rejected ? undefined : checked.url;
}

/** The URL to store an article under: the canonical link if it is clean, else the fetched URL
 *  (with the reason the link was not used, for the article's messages). Pure. */
export function acceptCanonical(candidate: string | undefined, pageUrl: string): { url: string; rejected?: string } {
  if (!candidate) return { url: pageUrl };
  const reject = (why: string) => ({ url: pageUrl, rejected: `canonical link ignored (${why}): ${candidate.slice(0, 120)}` });
  let url: URL;
  let page: URL;
  try { url = new URL(candidate); page = new URL(pageUrl); } catch { return reject('not a URL'); }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return reject('not http or https');
  if (url.host !== page.host) return reject('another host');
  if (url.username || url.password) return reject('credentials in the URL');
  if (UNCLEAN.test(decodeEscapes(`${url.pathname}${url.search}${url.hash}`))) {
    // An href that began with white space (U+2028, U+3000…) was resolved as a relative path,
    // the white space escaped into it: what follows is the href itself, trimmed and checked again.
    const href = hrefBehindLeadingSpace(url.toString(), pageUrl);
    const recovered = href === undefined ? undefined : canonicalFromHref(href, pageUrl);
    return recovered ? { url: recovered } : reject('white space, markup or a script scheme in it');
  }
  return { url: url.toString() };
}

/** The href as written, when the URL is the page's folder followed by escaped white space. */
function hrefBehindLeadingSpace(resolved: string, pageUrl: string): string | undefined {
  const folder = new URL('.', pageUrl).toString();
  if (!resolved.startsWith(folder)) return undefined;
  const rest = decodeEscapes(resolved.slice(folder.length));
  return /^[\s\p{White_Space}\p{Cc}\p{Cf}]/u.test(rest) ? rest : undefined;
}

/** %XX escapes decoded where they form UTF-8; a broken escape is left as it is. */
function decodeEscapes(text: string): string {
  return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => { try { return decodeURIComponent(run); } catch { return run; } });
}
