// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';

// The reader's site: a static build of content/ (or STORYLINE_CONTENT).
export default defineConfig({
  site: process.env.STORYLINE_SITE ?? 'https://storyline.example',
  output: 'static',
  trailingSlash: 'always',
  // Pages render while earlier ones are written: one at a time, the build waited on the disk
  // a third of its time (docs/performance.md).
  build: { format: 'directory', concurrency: 4 },
  integrations: [sitemap()],
  devToolbar: { enabled: false },
});
