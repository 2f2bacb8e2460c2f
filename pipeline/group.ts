// Coverage grouped by development: different outlets' reports of the same development (a
// ruling, a launch, a company response) form one group, so a reader sees one headline and
// "N 家媒体报道" instead of five entries over nine days. Pure: article features in, groups out.
// Reprints are not grouped here: they already fold under their original (dedupe.ts).

export type GroupItem = {
  id: string;
  published: string;
  outletId: string;
  /** The title in Simplified script, half-width (normalize.ts). */
  title: string;
  keywords: string[];
};

export type GroupEdits = {
  /** Article id → article id: put the first in the second's development (editor's merge). */
  sameAs: Map<string, string>;
  /** Articles that start a new development (editor's split); later reports join whichever development fits them best. */
  startsNew: Set<string>;
};

export type Development = {
  /** The earliest report's id: stable while no earlier report joins. */
  id: string;
  /** Report ids, earliest first. */
  articles: string[];
};

export type GroupOptions = {
  /** A report joins a development only within this many days of its first report. */
  windowDays: number;
  /** Minimum share of the lighter report's weighted features that the two share. */
  threshold: number;
};

// Chosen on the demo and checked on 129 real headlines (test/pipeline/group-real.test.ts prints
// the figures: 116 developments, 12 of two or more, largest 3, none held together by the brand's name alone).
export const DEFAULT_GROUP_OPTIONS: GroupOptions = { windowDays: 10, threshold: 0.25 };

const DAY = 86_400_000;

/** Title character pairs and keywords, the features two reports of one development share. */
export function featuresOf(item: Pick<GroupItem, 'title' | 'keywords'>): Set<string> {
  const out = new Set<string>(item.keywords.map((k) => `k:${k.toLowerCase()}`));
  const chars = [...item.title.replace(/[\s\p{P}\p{S}]/gu, '').toLowerCase()];
  for (let i = 0; i + 1 < chars.length; i++) {
    const pair = `${chars[i]}${chars[i + 1]}`;
    // A pair with a digit in it ("00", "0台") says nothing about which development it is.
    if (!/\d/.test(pair)) out.add(`t:${pair}`);
  }
  return out;
}

/**
 * Greedy, in time order: each report joins the most similar open development (one whose first
 * report is at most `windowDays` older) when its average similarity to the development's reports
 * reaches `threshold`, else starts its own. Anchoring the window at the first report keeps a long-running theme from chaining into
 * one group. Features are weighted by rarity (idf): that every report names the company says
 * nothing; that two name 双倍返还 in the same week says a lot.
 */
export function groupDevelopments(items: readonly GroupItem[], edits: GroupEdits = { sameAs: new Map(), startsNew: new Set() }, options: GroupOptions = DEFAULT_GROUP_OPTIONS): Development[] {
  const sorted = [...items].sort((a, b) => Date.parse(a.published) - Date.parse(b.published) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const features = new Map(sorted.map((i) => [i.id, featuresOf(i)] as const));
  const outletOf = new Map(sorted.map((i) => [i.id, i.outletId] as const));
  const df = new Map<string, number>();
  for (const f of features.values()) for (const x of f) df.set(x, (df.get(x) ?? 0) + 1);
  const n = Math.max(1, sorted.length);
  // Smoothed, so that in a small corpus a word most reports share still counts for something.
  // A feature in a third or more of all reports (the company's name, the car's) is no evidence of a
  // shared development: it weighs nothing. Only in a corpus big enough for that share to mean it.
  const common = (x: string) => n >= 20 && (df.get(x) ?? 0) / n >= 0.3;
  const idf = (x: string) => (common(x) ? 0 : Math.log(1 + n / (df.get(x) ?? 1)));
  const weights = new Map([...features].map(([id, f]) => [id, [...f].reduce((s, x) => s + idf(x), 0)] as const));

  const similarity = (a: string, b: string): number => {
    const fa = features.get(a)!, fb = features.get(b)!;
    let shared = 0;
    for (const x of fa) if (fb.has(x)) shared += idf(x);
    const lighter = Math.min(weights.get(a)!, weights.get(b)!);
    return lighter > 0 ? shared / lighter : 0;
  };

  type Open = { first: number; members: string[] };
  const groups: Open[] = [];
  const groupOf = new Map<string, Open>();
  for (const item of sorted) {
    const t = Date.parse(item.published);
    let best: Open | undefined;
    let bestScore = options.threshold;
    if (!edits.startsNew.has(item.id) && !edits.sameAs.has(item.id)) {
      // Groups open in time order: walk back from the newest and stop at the first too old.
      for (let k = groups.length - 1; k >= 0; k--) {
        const g = groups[k]!;
        if (t - g.first > options.windowDays * DAY) break;
        // Coverage is different outlets reporting one development: an outlet's follow-up to its
        // own story joins only a development others reported too.
        if (g.members.every((m) => outletOf.get(m) === item.outletId)) continue;
        // Average link: a report must resemble the development as a whole, not one member of it
        // ("某公司回应提车日期" shares 回应 with one report of another development, not with the others).
        const score = g.members.reduce((sum, m) => sum + similarity(item.id, m), 0) / g.members.length;
        if (score >= bestScore) { best = g; bestScore = score; }
      }
    }
    if (best) best.members.push(item.id);
    else { best = { first: t, members: [item.id] }; groups.push(best); }
    groupOf.set(item.id, best);
  }

  // The editor's word last: merges move an article (and nothing else) into another's group.
  for (const [id, target] of edits.sameAs) {
    const from = groupOf.get(id), to = groupOf.get(target);
    if (!from || !to || from === to) continue;
    from.members = from.members.filter((m) => m !== id);
    to.members.push(id);
    groupOf.set(id, to);
  }
  const order = new Map(sorted.map((i, k) => [i.id, k] as const));
  return groups
    .filter((g) => g.members.length > 0)
    .map((g) => {
      const articles = [...g.members].sort((a, b) => order.get(a)! - order.get(b)!);
      return { id: articles[0]!, articles };
    })
    .sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}
