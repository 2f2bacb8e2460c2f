// Bytes → text. Charset from the per-source override, BOM, HTTP header, then <meta> or the
// XML declaration; gb2312/gbk are read as gb18030 (its superset). Invalid bytes are reported.
import { StageError } from './reasons.ts';

export type Decoded = { text: string; charset: string; from: 'override' | 'bom' | 'header' | 'meta' | 'xml' | 'default'; warnings: string[] };

const ALIASES: Record<string, string> = {
  gb2312: 'gb18030', gbk: 'gb18030', 'x-gbk': 'gb18030', gb18030: 'gb18030', cp936: 'gb18030', 'windows-936': 'gb18030',
  big5: 'big5', 'big5-hkscs': 'big5', 'x-x-big5': 'big5', cp950: 'big5',
  'utf-8': 'utf-8', utf8: 'utf-8', 'utf-16le': 'utf-16le', 'utf-16be': 'utf-16be', 'utf-16': 'utf-16le',
};

export function canonicalCharset(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const key = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (ALIASES[key]) return ALIASES[key];
  try { return new TextDecoder(key).encoding; } catch { return undefined; }
}

export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return m?.[1];
}

function sniffBom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** <meta charset>, <meta http-equiv content="...charset=">, or <?xml encoding="">, read from the first 4 KB as ASCII. */
export function sniffDeclaredCharset(bytes: Uint8Array): { charset: string; from: 'meta' | 'xml' } | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const xml = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return { charset: xml[1]!, from: 'xml' };
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  if (meta) return { charset: meta[1]!, from: 'meta' };
  return undefined;
}

export function decodeBytes(bytes: Uint8Array, contentType?: string, override?: string): Decoded {
  const warnings: string[] = [];
  const candidates: [string | undefined, Decoded['from']][] = [
    [override, 'override'],
    [sniffBom(bytes), 'bom'],
    [charsetFromContentType(contentType), 'header'],
  ];
  const declared = sniffDeclaredCharset(bytes);
  if (declared) candidates.push([declared.charset, declared.from]);
  let chosen: { charset: string; from: Decoded['from'] } = { charset: 'utf-8', from: 'default' };
  for (const [label, from] of candidates) {
    if (!label) continue;
    const charset = canonicalCharset(label);
    if (charset) { chosen = { charset, from }; break; }
    warnings.push(`unknown charset "${label}" (${from}) ignored`);
  }
  let text = tryDecode(bytes, chosen.charset);
  if (text === undefined && chosen.from !== 'override' && chosen.from !== 'bom') {
    // A header that lies is common (UTF-8 declared, GBK sent): try the other declarations and the usual suspects.
    for (const alt of [declared && canonicalCharset(declared.charset), 'utf-8', 'gb18030', 'big5']) {
      if (!alt || alt === chosen.charset) continue;
      const attempt = tryDecode(bytes, alt);
      if (attempt !== undefined) {
        warnings.push(`declared ${chosen.charset} (${chosen.from}) does not fit the bytes; decoded as ${alt}`);
        chosen = { charset: alt, from: chosen.from };
        text = attempt;
        break;
      }
    }
  }
  if (text === undefined) {
    const lossy = new TextDecoder(chosen.charset).decode(bytes);
    const bad = (lossy.match(/\uFFFD/g) ?? []).length;
    // A stray bad byte is survivable; a page that is mostly replacement characters is not.
    if (bad > 20 && bad / Math.max(1, lossy.length) > 0.02) throw new StageError('bad-encoding', `${bad} undecodable characters as ${chosen.charset}`);
    warnings.push(`bad-encoding: ${bad} undecodable byte sequence(s) as ${chosen.charset}, replaced with U+FFFD`);
    text = lossy;
  }
  return { text: text.replace(/^\uFEFF/, ''), charset: chosen.charset, from: chosen.from, warnings };
}

function tryDecode(bytes: Uint8Array, charset: string): string | undefined {
  try { return new TextDecoder(charset, { fatal: true }).decode(bytes); } catch { return undefined; }
}
