// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';

// The reader's site: a static build of content/ (or STORYLINE_CONTENT).
export default defineConfig({
  site: process.env.STORYLINE_SITE ?? 'https://storyline.example',
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [sitemap()],
  devToolbar: { enabled: false },
});
