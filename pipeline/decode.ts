// Bytes → text. Charset from the per-source override, BOM, HTTP header, then <meta> or the
// XML declaration; gb2312/gbk are read as gb18030 (its superset). Invalid bytes are reported.
import iconv from 'iconv-lite';
import { StageError } from './reasons.ts';

/** `pattern`: no BOM, but the first bytes can only be "<" or "<?xml" in UTF-16 or UTF-32 (XML 1.0 Appendix F). */
export type Decoded = { text: string; charset: string; from: 'override' | 'bom' | 'pattern' | 'header' | 'meta' | 'xml' | 'default'; warnings: string[] };

// A Map, not an object literal: a header saying charset=constructor or __proto__ must not find Object's own properties.
const ALIASES = new Map<string, string>(Object.entries({
  gb2312: 'gb18030', gbk: 'gb18030', 'x-gbk': 'gb18030', gb18030: 'gb18030', cp936: 'gb18030', 'windows-936': 'gb18030',
  big5: 'big5', 'big5-hkscs': 'big5', 'x-x-big5': 'big5', cp950: 'big5',
  'utf-8': 'utf-8', utf8: 'utf-8', 'utf-16le': 'utf-16le', 'utf-16be': 'utf-16be', 'utf-16': 'utf-16le',
  // TextDecoder has no UTF-32: decodeUtf32 below reads it.
  'utf-32le': 'utf-32le', 'utf-32be': 'utf-32be', 'utf-32': 'utf-32be', 'ucs-4': 'utf-32be', 'iso-10646-ucs-4': 'utf-32be',
}));

export function canonicalCharset(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const key = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  const alias = ALIASES.get(key);
  if (alias) return alias;
  try { return new TextDecoder(key).encoding; } catch { /* not a web label: maybe an older code page */ }
  // Code pages the web never adopted (cp437, 850, cp856, cp1125, Mac encodings…) but older feed
  // tools still declare: read by iconv-lite. Before, the label was ignored and the bytes guessed,
  // so a declared cp437 "\x80" came out as GB18030's "€" instead of "Ç". Codecs that are no
  // charset (base64, hex), UTF-7 (which browsers refuse) and ones without a table are not taken.
  if (!NOT_CHARSETS.test(key) && iconv.encodingExists(key)) return key;
  return undefined;
}
const NOT_CHARSETS = /^(base64|base64url|hex|binary|ucs-?2|utf-?7.*|cesu-?8|utf-?16.*|utf-?32.*)$/;
/** A charset TextDecoder knows (every canonical name but UTF-32 and iconv-lite's older code pages). */
function webCharset(charset: string): boolean {
  try { new TextDecoder(charset); return true; } catch { return false; }
}

export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return m?.[1];
}

function sniffBom(bytes: Uint8Array): string | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return 'utf-8';
  // FF FE 00 00 is UTF-32LE's BOM, and also UTF-16LE's followed by U+0000, which no text starts with.
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return 'utf-32le';
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return 'utf-32be';
  if (a === 0xff && b === 0xfe) return 'utf-16le';
  if (a === 0xfe && b === 0xff) return 'utf-16be';
  return undefined;
}

/** The bytes open with "<" (after any white space) followed by a non-zero byte: an ASCII-compatible encoding. */
function asciiStart(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x3c && i + 1 < bytes.length && bytes[i + 1] !== 0;
}

/** XML 1.0 Appendix F without a BOM: a document starts with "<" (or white space), and the
 *  zero bytes around it give the encoding away. ASCII-compatible encodings are left to the
 *  declaration; only UTF-16 and UTF-32, whose declaration cannot be read as ASCII, are found here. */
export function sniffXmlPattern(bytes: Uint8Array): string | undefined {
  if (bytes.length < 4) return undefined;
  const [a, b, c, d] = bytes as unknown as [number, number, number, number];
  const opener = (x: number) => x === 0x3c || x === 0x20 || x === 0x09 || x === 0x0a || x === 0x0d;
  if (a === 0 && b === 0 && c === 0 && opener(d)) return 'utf-32be';
  if (opener(a) && b === 0 && c === 0 && d === 0) return 'utf-32le';
  if (a === 0 && opener(b) && c === 0 && d !== 0) return 'utf-16be';
  if (opener(a) && b === 0 && c !== 0 && d === 0) return 'utf-16le';
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
    [sniffXmlPattern(bytes), 'pattern'],
    [charsetFromContentType(contentType), 'header'],
  ];
  const declared = sniffDeclaredCharset(bytes);
  if (declared) candidates.push([declared.charset, declared.from]);
  let chosen: { charset: string; from: Decoded['from'] } = { charset: 'utf-8', from: 'default' };
  for (const [label, from] of candidates) {
    if (!label) continue;
    const charset = canonicalCharset(label);
    // A declared UTF-16/32 on bytes that begin with an ASCII "<": the declaration is wrong (the
    // bytes of "<" in UTF-16 or UTF-32 hold zeros), and decoding by it would turn every pair of
    // bytes into one rare character.
    if (charset && /^utf-(16|32)/.test(charset) && from !== 'bom' && asciiStart(bytes)) {
      warnings.push(`declared ${charset} (${from}) does not fit the bytes, which start as ASCII; ignored`);
      continue;
    }
    if (charset) { chosen = { charset, from }; break; }
    warnings.push(`unknown charset "${label}" (${from}) ignored`);
  }
  // A code page only iconv-lite knows (a browser ignores the label) on bytes that are valid UTF-8
  // with text beyond ASCII: single-byte tables read any bytes, so the label would win over the
  // UTF-8 a browser shows. Such labels come from old feed tools; their bytes are not UTF-8.
  if (!webCharset(chosen.charset) && !chosen.charset.startsWith('utf-') && chosen.from !== 'override' && !asciiOnly(bytes)) {
    const utf8 = tryDecode(bytes, 'utf-8');
    if (utf8 !== undefined) {
      warnings.push(`declared ${chosen.charset} (${chosen.from}), but the bytes are UTF-8; decoded as utf-8`);
      chosen = { charset: 'utf-8', from: chosen.from };
    }
  }
  let text = tryDecode(bytes, chosen.charset);
  // GBK and Big5 bytes each decode without error as the other, into rare characters: a label naming
  // the wrong one of the two (a Hong Kong or Taiwan template on a GBK page, or the reverse) gave
  // mojibake without a word. When the other reading is plainly Chinese prose and this one is not,
  // the other is taken and the label reported. The user's override is never second-guessed.
  const swapped = chosen.charset === 'gb18030' ? 'big5' : chosen.charset === 'big5' ? 'gb18030' : undefined;
  if (text !== undefined && swapped && chosen.from !== 'override') {
    const other = tryDecode(bytes, swapped);
    if (other !== undefined && commonness(other) >= 2 * commonness(text) + 5) {
      warnings.push(`declared ${chosen.charset} (${chosen.from}) reads as rare characters; decoded as ${swapped}`);
      chosen = { charset: swapped, from: chosen.from };
      text = other;
    }
  }
  if (text === undefined && chosen.from !== 'override' && chosen.from !== 'bom' && chosen.from !== 'pattern') {
    // A header that lies is common (UTF-8 declared, GBK sent): try the other declarations and the usual suspects.
    const declaredAlt = declared && canonicalCharset(declared.charset);
    for (const alt of [declaredAlt, 'utf-8', 'gb18030', 'big5', 'windows-1252']) {
      if (!alt || alt === chosen.charset) continue;
      // Every byte is a windows-1252 character, so it is only a guess for bytes shaped like it.
      if (alt === 'windows-1252' && alt !== declaredAlt && !singleByteShape(bytes)) continue;
      let charset = alt;
      let attempt = tryDecode(bytes, alt);
      if (attempt === undefined) continue;
      // Big5 bytes usually also decode as GB18030 (into rare characters), and the reverse:
      // when guessing between the two, keep the reading that looks like Chinese prose.
      const other = alt === 'gb18030' ? 'big5' : alt === 'big5' ? 'gb18030' : undefined;
      if (other && alt !== declaredAlt && other !== chosen.charset) {
        const second = tryDecode(bytes, other);
        if (second !== undefined && commonness(second) > commonness(attempt)) { charset = other; attempt = second; }
      }
      // Japanese in Shift_JIS also decodes as GB18030, into rare characters; read as Shift_JIS it
      // has kana, which Chinese text never has. Kana must outnumber the common Chinese characters.
      if (other && alt !== declaredAlt) {
        const japanese = tryDecode(bytes, 'shift_jis');
        const kanaCount = japanese === undefined ? 0 : kana(japanese);
        if (japanese !== undefined && kanaCount >= 5 && kanaCount > commonness(attempt)) { charset = 'shift_jis'; attempt = japanese; }
      }
      warnings.push(chosen.from === 'default'
        ? `no charset declared and the bytes are not UTF-8; decoded as ${charset}`
        : `declared ${chosen.charset} (${chosen.from}) does not fit the bytes; decoded as ${charset}`);
      chosen = { charset, from: chosen.from };
      text = attempt;
      break;
    }
  }
  if (text === undefined) {
    const lossy = decodeLossy(bytes, chosen.charset);
    const bad = (lossy.match(/\uFFFD/g) ?? []).length;
    // A stray bad byte is survivable; a page that is mostly replacement characters is not.
    if (bad > 20 && bad / Math.max(1, lossy.length) > 0.02) throw new StageError('bad-encoding', `${bad} undecodable characters as ${chosen.charset}`);
    warnings.push(`bad-encoding: ${bad} undecodable byte sequence(s) as ${chosen.charset}, replaced with U+FFFD`);
    text = lossy;
  }
  return { text: text.replace(/^\uFEFF/, ''), charset: chosen.charset, from: chosen.from, warnings };
}

/** Non-ASCII bytes alone or in pairs between ASCII ones ("Not\xedcias", "inten\xe7\xe3o"): the mark
 *  of a single-byte Western encoding. Chinese in GBK or Big5 (two bytes a character) or UTF-8
 *  (three) comes in longer runs, since its characters follow each other. */
function singleByteShape(bytes: Uint8Array): boolean {
  let high = 0, alone = 0, run = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i]! >= 0x80) { run++; continue; }
    if (run > 3) return false;
    high += run;
    if (run === 1) alone++;
    run = 0;
  }
  return high > 0 && alone / high >= 0.5;
}

function asciiOnly(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return false;
  return true;
}

function tryDecode(bytes: Uint8Array, charset: string): string | undefined {
  if (charset.startsWith('utf-32')) return decodeUtf32(bytes, charset === 'utf-32le', true);
  if (!webCharset(charset)) {
    // iconv-lite never throws: a byte its table lacks becomes U+FFFD, which is fatal here as in TextDecoder.
    const text = iconv.decode(Buffer.from(bytes), charset);
    return text.includes('\uFFFD') ? undefined : text;
  }
  try { return new TextDecoder(charset, { fatal: true }).decode(bytes); } catch { return undefined; }
}

function decodeLossy(bytes: Uint8Array, charset: string): string {
  if (charset.startsWith('utf-32')) return decodeUtf32(bytes, charset === 'utf-32le', false)!;
  if (!webCharset(charset)) return iconv.decode(Buffer.from(bytes), charset);
  return new TextDecoder(charset).decode(bytes);
}

/** UTF-32 (which TextDecoder does not know): four bytes a code point. `fatal`: undefined on a
 *  value that is no code point (or a trailing partial unit), else U+FFFD for it. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean, fatal: boolean): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let chunk: number[] = [];
  const units = Math.floor(bytes.length / 4);
  if (fatal && units * 4 !== bytes.length) return undefined;
  for (let i = 0; i < units; i++) {
    const cp = view.getUint32(i * 4, littleEndian);
    const valid = cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff);
    if (!valid && fatal) return undefined;
    chunk.push(valid ? cp : 0xfffd);
    if (chunk.length === 8192) { parts.push(String.fromCodePoint(...chunk)); chunk = []; }
  }
  parts.push(String.fromCodePoint(...chunk));
  if (units * 4 !== bytes.length) parts.push('\uFFFD');
  return parts.join('');
}

// Frequent characters of Chinese news text in both scripts. A GB18030 reading of Big5 bytes
// (or the reverse) decodes without error but into rare characters, so it scores low here.
const COMMON = new Set(Array.from(
  '的一是不了在人有我他这這个個们們中来來上大为為和国國地到以说說时時要就出会會可也你对對生能而子那得于於着著下自之年过過发發后後作里裡用道行所然家种種事成方多经經么麼去法学學如都同现現当當没沒动動面起看定天分还還进進好小部其些主样樣理心本前开開但因只从從想实實日者意无無力与與长長把机機民第公此已工使情明性知全三又关關点點正业業外将將两兩高间間由问問很最重并並物手应應向头頭文体體政美相见見被利等产產或新制身果加月话話合回特代内內信表化老给給位次度门門任常先通教原东東声聲提立及比员員解水名真论論处處走各入口认認条條平系气氣题題活更别別打变變总總何电電数數安少报報才结結反受目量再感建务務做接必场場件计計管期市直资資命金指许許统統区區保至形社便空决決治展科司基书書非则則界达達光放强強即难難权權思完设設式路记記南品住告类類求据據程北边邊张張该該交规規万萬取格望术術领領共确確传傳清今切院让讓识識带帶导導争爭运運步改收根造言联聯持组組每济濟车車亲親极極服快办辦议議往元士证證近失转轉令准布始存未远遠台单單影具字爱愛流备備连連调調深商算质質团團集百需价價花华華城级級整府离離况況请請技际際约約示复復息究线線似官断斷满滿支视視消越容照须須增研写寫称稱企功包片史委查轻輕易早曾除农農找装裝广廣显顯引首医醫局专專费費号號另周较較注语語仅僅考落随隨选選列红紅响響虽雖推势勢参參众眾构構房半节節投某案维維致陈陳律足态態护護兴興验驗责責营營够夠章跟站严嚴例防供效续續施留讲講型料终終答紧緊绝絕察京段依群项項按围圍江害双雙境客纪紀采举舉攻苏蘇低朝友诉訴止细細千值仍钱錢网網热熱助育属屬限职職速刻否刚剛率独獨普创創假久错錯承印股预預谁誰益若微继繼送急伤傷适適初卫衛险險待述习習置居劳勞财財环環排获獲充负負停游层層略范竟策简簡罪判担擔退既积積余检檢差协協配修胜勝降阶階审審坚堅善读讀超免压壓银銀买買养養执執副抗追帮幫宣航优優著税稅份穿背概款靠评評版释釋顾顧登货貨互付换換闻聞危核介讨討序升监監临臨域括误誤减減编編测測败敗封救贵貴缺县縣移短恐遗遺固席谢謝遇康虑慮均销銷损損旧舊端探录錄附港额額含顺順输輸招补補督油材词詞择擇厂廠授诺諾卖賣载載健借禁园園谋謀避荣榮束顶頂镇鎮练練迫篇遍础礎纸紙训訓私访訪软軟典盘盤扩擴盖蓋稳穩亿億拥擁赛賽购購替侵刑途贸貿库庫迹跡竞競促延弃棄缓緩售针針络絡抵纯純页頁筑築折尊混振盛措诚誠宽寬摆擺毁毀盟末暂暫订訂锁鎖退款辆輛汽'
));
function kana(text: string): number {
  return (text.slice(0, 20_000).match(/[\u3041-\u3096\u30A1-\u30FA]/g) ?? []).length;
}
function commonness(text: string): number {
  let n = 0;
  for (const ch of text.slice(0, 20_000)) if (COMMON.has(ch)) n++;
  return n;
}
