import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { siteData } from '../data/site.ts';
import { feedItems } from '../lib/feed-items.ts';
import { paths } from '../lib/paths.ts';

export async function GET(context: APIContext) {
  const { story, articles, topicLabel } = await siteData();
  return rss({
    title: story.title,
    description: story.description || story.subtitle || story.title,
    site: context.site ?? 'https://storyline.example',
    items: feedItems(articles, paths.article, topicLabel),
    customData: '<language>zh-cn</language>',
    trailingSlash: true,
  });
}
