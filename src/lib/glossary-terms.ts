// Which glossary terms an article uses, so its page can tell 定金 from 订金, 大定 from 锁单.
import type { GlossaryEntry } from './story-config.ts';

/** Entries whose term occurs in the texts (title, body), in glossary order. Traditional forms count too. */
export function glossaryTermsIn(texts: string[], glossary: readonly GlossaryEntry[], variants: Record<string, string[]> = TRADITIONAL_FORMS): GlossaryEntry[] {
  const all = texts.join('\n');
  return glossary.filter((g) => [g.term, ...(variants[g.term] ?? [])].some((t) => all.includes(t)));
}

const TRADITIONAL_FORMS: Record<string, string[]> = { 订金: ['訂金'], 锁单: ['鎖單'], 犹豫期: ['猶豫期'] };
