// Chinese word segmentation with nodejieba and the story's domain dictionary. The
// dictionary loads once per process (or worker); cut(text, true) keeps "SU7" and "88898" whole.
import { readFileSync } from 'node:fs';
import nodejieba from 'nodejieba';

let loadedDict: string | undefined;
/** Dictionary words with a space ("SU7 Ultra"): jieba cannot hold them, so tokens are re-joined. */
let spacedWords: string[][] = [];

export function loadSegmenter(userDict: string): void {
  if (loadedDict === userDict) return;
  if (loadedDict !== undefined) throw new Error(`segmenter already loaded with ${loadedDict}; one dictionary per process`);
  nodejieba.load({ userDict });
  loadedDict = userDict;
  spacedWords = readFileSync(userDict, 'utf8').split('\n')
    .map((line) => line.trim().replace(/\s+\d+(\s+\w+)?$/, ''))
    .filter((word) => word.includes(' '))
    .map((word) => word.split(/\s+/));
}

/** Whether loadSegmenter has run in this thread. */
export function segmenterLoaded(): boolean {
  return loadedDict !== undefined;
}

export function segment(text: string): string[] {
  if (loadedDict === undefined) throw new Error('loadSegmenter(userDict) must run before segment()');
  return joinSpacedWords(nodejieba.cut(text, true).filter((t) => t.trim() !== ''));
}

function joinSpacedWords(tokens: string[]): string[] {
  if (!spacedWords.length) return tokens;
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const match = spacedWords.find((parts) => parts.every((part, k) => tokens[i + k] === part));
    if (match) { out.push(match.join(' ')); i += match.length - 1; } else out.push(tokens[i]!);
  }
  return out;
}

/** TF-IDF keywords from jieba's extractor (domain words come from the user dictionary). */
export function extractKeywords(text: string, topN: number): string[] {
  if (loadedDict === undefined) throw new Error('loadSegmenter(userDict) must run before extractKeywords()');
  return nodejieba.extract(text, topN * 3).map((k) => k.word)
    .filter((w) => w.length >= 2 && !/^[\d.]+$/.test(w) && !STOP.has(w))
    .slice(0, topN);
}

const STOP = new Set(['记者', '表示', '目前', '消费者', '没有', '已经', '可以', '进行', '相关', '方面', '一个', '我们', '他们', '这个', '因为', '如果', '但是', '还是', '其中', '以及', '对于', '今天', '昨日', '今年']);
