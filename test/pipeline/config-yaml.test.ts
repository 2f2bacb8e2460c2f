// config.ts reads a valid file with js-yaml (YAML 1.2 core schema) and falls back to `yaml` for
// the line of an error: both must give the same values on every config file the project has,
// and a broken file must still be reported at its line.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { load, CORE_SCHEMA } from 'js-yaml';
import { ConfigError, parseYamlText, schemas } from '../../pipeline/config.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? yamlFiles(file) : /\.ya?ml$/.test(name) ? [file] : [];
  });
}

describe('reading YAML config', () => {
  const files = ['content/config', 'examples', 'test/fixtures'].flatMap((d) => yamlFiles(path.join(ROOT, d)));

  it('gives the same values with js-yaml as with yaml on every YAML file of the project', () => {
    expect(files.length).toBeGreaterThan(10);
    const differing = files.filter((file) => {
      const text = readFileSync(file, 'utf8');
      const doc = parseDocument(text, { prettyErrors: false });
      if (doc.errors.length) return false; // broken on purpose: the careful path reports it
      return !isDeepStrictEqual(load(text, { schema: CORE_SCHEMA }), doc.toJS());
    });
    expect(differing).toEqual([]);
  });

  it('keeps dates, numbers that look like versions and yes/no as the YAML 1.2 core schema reads them', () => {
    const text = 'since: 2024-03-28\nversion: 1.10\nanswer: yes\nflag: true\nnothing: ~\noctal: 0o17\n';
    expect(load(text, { schema: CORE_SCHEMA })).toEqual(parseDocument(text).toJS());
  });

  it('still names the line of a syntax error and of a wrong value', () => {
    expect(() => parseYamlText('corrections.yaml', 'corrections:\n  - article: a\n    note: [unclosed\n', schemas.correctionsFileSchema)).toThrow(ConfigError);
    try {
      parseYamlText('corrections.yaml', 'corrections:\n  - article: a\n    relevant: maybe\n    note: why\n', schemas.correctionsFileSchema);
      expect.unreachable();
    } catch (e) {
      expect((e as ConfigError).line).toBe(3);
    }
  });
});
