// Find each topic's evidence sentence in the article's paragraphs and cut the
// paragraphs into plain and marked segments. Rendering is left to the page, which
// escapes every segment as text, so nothing here produces HTML.

export interface EvidenceLike { topic: string; sentence: string }

export interface Segment {
  text: string;
  /** Topics whose evidence covers this segment (empty for plain text). */
  topics: string[];
  /** Set on the first segment of a marked range: an anchor id for links. */
  anchor?: string;
}

export interface Highlighted {
  paragraphs: Segment[][];
  /** For each evidence item (same order as input): the anchor id, or null when its sentence was not found. */
  anchors: (string | null)[];
}

const TRAILING_PUNCT = /[。！？!?；;，,、…\s]+$/u;

function locate(paragraphs: readonly string[], sentence: string): { p: number; start: number; end: number } | null {
  const candidates = [sentence.trim(), sentence.trim().replace(TRAILING_PUNCT, '')].filter((s) => s.length >= 2);
  for (const needle of candidates) {
    for (let p = 0; p < paragraphs.length; p++) {
      const start = paragraphs[p]!.indexOf(needle);
      if (start >= 0) return { p, start, end: start + needle.length };
    }
  }
  return null;
}

interface Range { start: number; end: number; topics: string[]; anchor: string }

export function highlightEvidence(paragraphs: readonly string[], evidence: readonly EvidenceLike[]): Highlighted {
  const rangesByParagraph = new Map<number, Range[]>();
  const anchors: (string | null)[] = [];
  evidence.forEach((ev, i) => {
    const hit = locate(paragraphs, ev.sentence);
    if (!hit) { anchors.push(null); return; }
    const list = rangesByParagraph.get(hit.p) ?? [];
    list.push({ start: hit.start, end: hit.end, topics: [ev.topic], anchor: `evidence-${i + 1}` });
    rangesByParagraph.set(hit.p, list);
    anchors.push(`evidence-${i + 1}`);
  });

  // Merge overlapping ranges; evidence merged into another range shares its anchor.
  const anchorAlias = new Map<string, string>();
  const merged = new Map<number, Range[]>();
  for (const [p, ranges] of rangesByParagraph) {
    ranges.sort((a, b) => a.start - b.start || b.end - a.end);
    const out: Range[] = [];
    for (const r of ranges) {
      const last = out.at(-1);
      if (last && r.start < last.end) {
        last.end = Math.max(last.end, r.end);
        for (const t of r.topics) if (!last.topics.includes(t)) last.topics.push(t);
        anchorAlias.set(r.anchor, last.anchor);
      } else {
        out.push({ ...r, topics: [...r.topics] });
      }
    }
    merged.set(p, out);
  }

  const result: Segment[][] = paragraphs.map((text, p) => {
    const ranges = merged.get(p);
    if (!ranges) return [{ text, topics: [] }];
    const segments: Segment[] = [];
    let pos = 0;
    for (const r of ranges) {
      if (r.start > pos) segments.push({ text: text.slice(pos, r.start), topics: [] });
      segments.push({ text: text.slice(r.start, r.end), topics: r.topics, anchor: r.anchor });
      pos = r.end;
    }
    if (pos < text.length) segments.push({ text: text.slice(pos), topics: [] });
    return segments;
  });

  return { paragraphs: result, anchors: anchors.map((a) => (a ? anchorAlias.get(a) ?? a : null)) };
}
