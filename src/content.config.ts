import { defineCollection } from 'astro:content';
import { articleSchema, eventSchema } from './schema/article.ts';
import { contentRoot } from './lib/content-root.ts';
import { frontMatterLoader } from './lib/front-matter-loader.ts';

const root = contentRoot();

// Front matter and raw bodies only: the site renders bodies itself, as text (see the loader).
export const collections = {
  articles: defineCollection({ loader: frontMatterLoader({ base: `${root}/articles` }), schema: articleSchema }),
  events: defineCollection({ loader: frontMatterLoader({ base: `${root}/events`, recursive: false }), schema: eventSchema }),
};
