import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema, eventSchema } from './schema/article.ts';
import { contentRoot } from './lib/content-root.ts';

const root = contentRoot();

export const collections = {
  articles: defineCollection({ loader: glob({ pattern: '**/*.md', base: `${root}/articles` }), schema: articleSchema }),
  events: defineCollection({ loader: glob({ pattern: '*.md', base: `${root}/events` }), schema: eventSchema }),
};
