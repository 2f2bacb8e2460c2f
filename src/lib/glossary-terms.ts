// Which glossary terms an article uses, so its page can explain the story's confusable terms.
import * as OpenCC from 'opencc-js';
import type { GlossaryEntry } from './story-config.ts';

const toTaiwan = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toHongKong = OpenCC.Converter({ from: 'cn', to: 'hk' });

/** A glossary term as Traditional-script outlets write it (the glossary is Simplified). */
export function traditionalForms(term: string): string[] {
  return [...new Set([toTaiwan(term), toHongKong(term)])].filter((t) => t !== term);
}

/** Entries whose term occurs in the texts (title, body), in glossary order. Traditional forms count too. */
export function glossaryTermsIn(texts: string[], glossary: readonly GlossaryEntry[]): GlossaryEntry[] {
  const all = texts.join('\n');
  return glossary.filter((g) => [g.term, ...traditionalForms(g.term)].some((t) => all.includes(t)));
}

