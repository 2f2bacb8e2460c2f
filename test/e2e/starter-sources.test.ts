// A fresh clone: the shipped sources.yaml is a checked-by-nobody starter list, so `npm run
// ingest` must say that nothing is enabled and what to do; a missing file says what it is for.
import { describe, it, expect, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadYamlFile, schemas } from '../../pipeline/config.ts';
import { nothingToIngest } from '../../pipeline/sources-file.ts';
import { tempContentDir } from '../helpers/temp-content.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const STARTER = path.join(ROOT, 'content/config/sources.yaml');
const ingest = (args: string[], contentDir: string) => spawnSync(process.execPath, ['pipeline/cli/ingest.ts', ...args], {
  cwd: ROOT, encoding: 'utf8', env: { ...process.env, STORYLINE_CONTENT: contentDir },
});

describe('the starter sources.yaml', () => {
  it('is valid, lists real outlets over https, and enables none of them', () => {
    const { sources } = loadYamlFile(STARTER, schemas.sourcesFileSchema);
    expect(sources.length).toBeGreaterThanOrEqual(8);
    for (const s of sources) {
      expect(s.enabled, s.id).toBe(false);
      expect(new URL(s.url).protocol, s.id).toBe('https:');
      expect(s.allowPrivateNetwork, s.id).toBe(false);
      expect(s.kind === 'rss' || s.kind === 'atom', s.id).toBe(true);
    }
  });

  it('says, right above every entry, what the outlet carries', () => {
    const lines = fs.readFileSync(STARTER, 'utf8').split('\n');
    const entries = lines.map((l, i) => [l, i] as const).filter(([l]) => /^\s*- id:/.test(l));
    expect(entries.length).toBe(loadYamlFile(STARTER, schemas.sourcesFileSchema).sources.length);
    for (const [line, i] of entries) {
      const above = lines[i - 1] ?? '';
      // A sentence after the outlet's name, not a bare heading.
      expect(above, line).toMatch(/^\s*# \S.{20,}/);
    }
  });
});

describe('npm run ingest on a fresh clone', () => {
  const content = tempContentDir();
  afterAll(() => content.cleanup());

  it('with the starter list: says no source is enabled and how to enable one, fetches nothing, exits 2', () => {
    const r = ingest(['--sources', STARTER], content.dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no source is enabled in .*sources\.yaml \(\d+ listed, all with `enabled: false`\)/);
    expect(r.stderr).toContain('set `enabled: true`');
    expect(fs.existsSync(path.join(content.dir, 'runs'))).toBe(false);
  });

  it('with no sources file: says what the file is for and how to get one, never ENOENT', () => {
    const missing = path.join(content.dir, 'config', 'sources.yaml');
    const r = ingest(['--sources', missing], content.dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${missing}: no such file`);
    expect(r.stderr).toContain('npm run sources -- import FILE.opml');
    expect(r.stderr).toContain('git checkout -- content/config/sources.yaml');
    expect(r.stderr).not.toMatch(/ENOENT/);
  });

  it('an empty list gets its own hint, and one enabled source is enough to run', () => {
    const source = { id: 'a', name: 'A', kind: 'rss' as const, url: 'https://a.example/feed', allowPrivateNetwork: false, fullText: false, fictional: false };
    expect(nothingToIngest([], 'sources.yaml')).toMatch(/no source is listed in sources\.yaml.*import/);
    expect(nothingToIngest([{ ...source, enabled: false }, { ...source, id: 'b', enabled: true }], 'sources.yaml')).toBeUndefined();
  });
});
