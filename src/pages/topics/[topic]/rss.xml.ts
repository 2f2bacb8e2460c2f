import rss from '@astrojs/rss';
import type { APIContext, GetStaticPaths } from 'astro';
import { siteData } from '../../../data/site.ts';
import { feedItems } from '../../../lib/feed-items.ts';
import { paths } from '../../../lib/paths.ts';

export const getStaticPaths = (async () => {
  const { topics } = await siteData();
  return topics.map((topic) => ({ params: { topic: topic.id } }));
}) satisfies GetStaticPaths;

export async function GET(context: APIContext) {
  const { story, topics, articlesInTopic, topicLabel } = await siteData();
  const topic = topics.find((t) => t.id === context.params.topic)!;
  return rss({
    title: `${story.title} · ${topic.label}`,
    description: topic.description || story.description || story.title,
    site: context.site ?? 'https://storyline.example',
    items: feedItems(articlesInTopic(topic.id), paths.article, topicLabel),
    customData: '<language>zh-cn</language>',
    trailingSlash: true,
  });
}
