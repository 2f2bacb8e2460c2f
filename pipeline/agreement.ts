// Two annotators' labels of the same items, compared: how often they agree on relevance (and
// Cohen's κ, which discounts the agreement chance alone would give), on the items neither
// hesitated over, and how far their topics agree where both call an item the story. And the
// blind id an item is shown under to a second annotator, so that ids carry no hint (a source
// prefix, a date) and the labels can be matched back. Pure; `npm run agreement` and
// `npm run blind-kit` are its command lines.
import { createHash } from 'node:crypto';

export type Labels = { id: string; relevant: boolean; topics: readonly string[]; borderline?: boolean };

export type Agreement = {
  /** Items both annotators labelled. */
  items: number;
  relevanceAgreement: number;
  kappa: number;
  /** Agreement on the items neither marked borderline, as agreeing/count. */
  clear: { agreeing: number; items: number };
  storyToFirstOnly: number;
  storyToSecondOnly: number;
  bothStory: number;
  identicalTopicSets: number;
  /** Per topic, on the items both call the story: F1 of one annotator's topics against the other's. */
  topicF1: { topic: string; f1: number | null; both: number; firstOnly: number; secondOnly: number }[];
  /** Ids of the second annotator that name no item of the first. */
  unknown: string[];
};

/** The id an item is shown under to a blind annotator: a hash of its own id, nothing else. */
export function blindId(id: string): string {
  return `x-${createHash('sha1').update(id).digest('hex').slice(0, 8)}`;
}

/** `second` may use the first's ids or their blind ids. */
export function compareLabels(first: readonly Labels[], second: readonly Labels[], topicIds: readonly string[]): Agreement {
  const byId = new Map(first.map((f) => [f.id, f]));
  const byBlind = new Map(first.map((f) => [blindId(f.id), f]));
  let agree = 0, a11 = 0, a10 = 0, a01 = 0, a00 = 0, clearN = 0, clearAgree = 0, identical = 0;
  const counts = new Map(topicIds.map((t) => [t, { both: 0, firstOnly: 0, secondOnly: 0 }]));
  const unknown: string[] = [];
  const seen = new Set<string>();
  for (const s of second) {
    const f = byId.get(s.id) ?? byBlind.get(s.id);
    if (!f) { unknown.push(s.id); continue; }
    if (seen.has(f.id)) continue;
    seen.add(f.id);
    agree += +(f.relevant === s.relevant);
    if (!f.borderline && !s.borderline) { clearN++; clearAgree += +(f.relevant === s.relevant); }
    if (f.relevant && s.relevant) a11++; else if (f.relevant) a10++; else if (s.relevant) a01++; else a00++;
    if (!(f.relevant && s.relevant)) continue;
    const [a, b] = [new Set(f.topics), new Set(s.topics)];
    identical += +(a.size === b.size && [...a].every((t) => b.has(t)));
    for (const [t, c] of counts) {
      if (a.has(t) && b.has(t)) c.both++; else if (a.has(t)) c.firstOnly++; else if (b.has(t)) c.secondOnly++;
    }
  }
  const n = seen.size;
  const observed = n ? agree / n : 0;
  // Chance agreement from each annotator's own share of story items.
  const chance = n ? ((a11 + a10) * (a11 + a01) + (a01 + a00) * (a10 + a00)) / (n * n) : 0;
  return {
    items: n,
    relevanceAgreement: observed,
    kappa: chance < 1 ? (observed - chance) / (1 - chance) : 1,
    clear: { agreeing: clearAgree, items: clearN },
    storyToFirstOnly: a10,
    storyToSecondOnly: a01,
    bothStory: a11,
    identicalTopicSets: identical,
    topicF1: [...counts].map(([topic, c]) => ({ topic, ...c, f1: c.both + c.firstOnly + c.secondOnly ? (2 * c.both) / (2 * c.both + c.firstOnly + c.secondOnly) : null })),
    unknown,
  };
}
