// Each topic's colour as CSS, from the story's topics.yaml: a new topic gets its colour (its
// own, or the next of a palette readable on both backgrounds) with no stylesheet edit.
import type { TopicInfo } from './story-config.ts';

// Pairs (light background, dark background) with at least 4.5:1 contrast on the site's backgrounds.
const PALETTE: readonly { light: string; dark: string }[] = [
  { light: '#1f6fb2', dark: '#6fb0f0' },
  { light: '#9a5200', dark: '#f0a550' },
  { light: '#7b3fa6', dark: '#c89cf0' },
  { light: '#b3261e', dark: '#ff8a7a' },
  { light: '#2e7d32', dark: '#7fd184' },
  { light: '#00697a', dark: '#5fd0e0' },
  { light: '#8a4b08', dark: '#e8b26a' },
  { light: '#5c4fa3', dark: '#a99cf2' },
];

export function topicColor(topics: readonly TopicInfo[], i: number): { light: string; dark: string } {
  return topics[i]!.color ?? PALETTE[i % PALETTE.length]!;
}

/** Custom properties per topic (light, then dark), and the classes that use them. */
export function topicStyles(topics: readonly TopicInfo[]): string {
  const vars = (scheme: 'light' | 'dark') => topics.map((t, i) => `--t-${t.id}: ${topicColor(topics, i)[scheme]};`).join(' ');
  return [
    `:root { ${vars('light')} }`,
    `@media (prefers-color-scheme: dark) { :root { ${vars('dark')} } }`,
    ...topics.map((t) => `.t-${t.id}, a.chip.t-${t.id}:visited { color: var(--t-${t.id}); } .volume .bar-${t.id} { fill: var(--t-${t.id}); }`),
  ].join('\n');
}
