// Who claims a figure (官方, 企业负责人, 网传, 媒体估算, 法院, 投诉平台 …), told from the figure's
// sentence by cue words from content/config/claimants.yaml. Pure.
import { parse } from 'yaml';
import { z } from 'zod';

const claimantRule = z.object({ id: z.string().min(1), label: z.string().min(1), cues: z.array(z.string().min(1)).min(1), refutable: z.boolean().default(false) }).strict();
export const claimantsConfigSchema = z.object({
  claimants: z.array(claimantRule),
  fallback: z.object({ id: z.string().min(1), label: z.string().min(1) }).strict(),
  refutation: z.array(z.string().min(1)).default([]),
  sameTimeDays: z.number().positive().default(7),
  /** A cue after the figure counts only when fewer than this many characters follow the figure before it; one before always counts. */
  afterWithin: z.number().int().nonnegative().default(15),
}).strict();
export type ClaimantsConfig = z.infer<typeof claimantsConfigSchema>;

export interface Claimant { id: string; label: string; refutable: boolean }

export function parseClaimantsConfig(text: string, file = 'claimants.yaml'): ClaimantsConfig {
  const result = claimantsConfigSchema.safeParse(parse(text));
  if (!result.success) throw new Error(`${file}: ${z.prettifyError(result.error)}`);
  return result.data;
}

/**
 * The claimant whose cue sits nearest before the figure in its sentence (Chinese names the
 * speaker first: "公司方面称……469位"); else a cue just after it ("……3000位的说法在自媒体间流传");
 * else the fallback. `sentence` and `figureText` in the same script (Simplified for matching).
 */
export function detectClaimant(sentence: string, figureText: string, config: ClaimantsConfig): Claimant {
  const at = Math.max(0, sentence.indexOf(figureText));
  let before: { c: Claimant; d: number } | undefined;
  let after: { c: Claimant; d: number } | undefined;
  for (const rule of config.claimants) {
    for (const cue of rule.cues) {
      for (let i = sentence.indexOf(cue); i >= 0; i = sentence.indexOf(cue, i + 1)) {
        const c = { id: rule.id, label: rule.label, refutable: rule.refutable };
        if (i < at) { const d = at - (i + cue.length); if (!before || d < before.d) before = { c, d }; }
        else if (i >= at + figureText.length) { const d = i - (at + figureText.length); if (d < config.afterWithin && (!after || d < after.d)) after = { c, d }; }
      }
    }
  }
  return before?.c ?? after?.c ?? { ...config.fallback, refutable: false };
}

/** The article carries a denial ("实际为", "辟谣" …) of what it reports. */
export function isRefutedIn(articleText: string, config: ClaimantsConfig): boolean {
  return config.refutation.some((w) => articleText.includes(w));
}
