// `npm run sources -- import FILE.opml` / `-- export`: the command an editor runs to move a
// list between sources.yaml and a feed reader.
import { describe, it, expect, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadYamlFile, schemas } from '../../pipeline/config.ts';
import { parseOpml } from '../../pipeline/opml.ts';
import { tempContentDir } from '../helpers/temp-content.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OPML = path.join(ROOT, 'test/fixtures/opml');
const STARTER = path.join(ROOT, 'content/config/sources.yaml');
const sources = (args: string[]) => spawnSync(process.execPath, ['pipeline/cli/sources.ts', ...args], { cwd: ROOT, encoding: 'utf8' });

describe('npm run sources', () => {
  const tmp = tempContentDir('storyline-sources-');
  afterAll(() => tmp.cleanup());
  const file = path.join(tmp.dir, 'sources.yaml');

  it('import: appends the new feeds disabled, keeps every comment of the file, names what it skipped', () => {
    fs.copyFileSync(STARTER, file);
    const before = fs.readFileSync(file, 'utf8');
    const r = sources(['import', path.join(OPML, 'miniflux-shape.opml'), '--sources', file]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Added 3 source\(s\) from .*miniflux-shape\.opml to .*sources\.yaml with `enabled: false`/);
    expect(r.stdout).toMatch(/miniflux-shape\.opml:13: https:\/\/www\.ithome\.com\/rss\/ already listed as "ithome"/);
    const after = fs.readFileSync(file, 'utf8');
    expect(after.startsWith(before.trimEnd())).toBe(true);
    const listed = loadYamlFile(file, schemas.sourcesFileSchema).sources;
    expect(listed.filter((s) => s.url.includes('.example.')).map((s) => [s.id, s.enabled])).toEqual([
      ['cheping-example', false], ['xny-example', false], ['shuma-example', false],
    ]);
  });

  it('import --enabled enables what it adds; the same list twice adds nothing', () => {
    const r = sources(['import', path.join(OPML, 'feedly-shape.opml'), '--sources', file, '--enabled']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Added 3 source(s)');
    expect(r.stdout).toMatch(/feedly-shape\.opml:12: skipped: outline "a bookmark, not a feed" has no xmlUrl/);
    const enabled = loadYamlFile(file, schemas.sourcesFileSchema).sources.filter((s) => s.enabled).map((s) => s.id);
    expect(enabled).toEqual(['difang-example-news', 'difang-example-opinion', 'caijing-example']);
    const again = sources(['import', path.join(OPML, 'feedly-shape.opml'), '--sources', file]);
    expect(again.stdout).toContain('Added 0 source(s)');
  });

  it('a bad OPML file: exit 2, the file and line of the problem, sources.yaml untouched', () => {
    const before = fs.readFileSync(file, 'utf8');
    for (const [name, line] of [['unclosed-tag.opml', 8], ['bad-ampersand.opml', 5], ['not-opml.xml', 2]] as const) {
      const r = sources(['import', path.join(OPML, name), '--sources', file]);
      expect(r.status, name).toBe(2);
      expect(r.stderr, name).toContain(`${path.join(OPML, name)}:${line}: `);
    }
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it('export: OPML 2.0 on stdout with every feed source, which imports back into an empty list', () => {
    const r = sources(['export', '--sources', file]);
    expect(r.status).toBe(0);
    const exported = parseOpml(r.stdout).feeds.map((f) => f.url);
    expect(exported).toEqual(loadYamlFile(file, schemas.sourcesFileSchema).sources.map((s) => s.url));
    const opmlFile = path.join(tmp.dir, 'out.opml');
    fs.writeFileSync(opmlFile, r.stdout);
    const fresh = path.join(tmp.dir, 'fresh.yaml');
    expect(sources(['import', opmlFile, '--sources', fresh]).status).toBe(0);
    expect(loadYamlFile(fresh, schemas.sourcesFileSchema).sources.map((s) => s.url)).toEqual(exported);
    const onlyEnabled = parseOpml(sources(['export', '--sources', file, '--enabled-only']).stdout).feeds;
    expect(onlyEnabled.map((f) => f.name)).toEqual(['地方车讯', '地方车讯 · 评论', '财经早知道']);
  });

  it('no command, or an unknown one, prints the usage and exits 2', () => {
    const r = sources(['list']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage: npm run sources -- import FILE.opml');
  });
});
