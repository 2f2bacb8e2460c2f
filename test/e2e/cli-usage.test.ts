// Every command answers --help with its usage, and a mistyped flag with the tool's name, what
// was wrong and the usage (exit 2), not a Node stack trace; nothing is written either way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asksForHelp } from '../../pipeline/cli/command-line.ts';
import { runChild } from '../hostile/support.ts';

describe('asksForHelp', () => {
  it.each([
    [['--help'], true], [['-h'], true], [['--story', 'x', '--help'], true],
    [[], false], [['--helpful'], false], [['--', '--help'], false], [['FILE', '--', '-h'], false],
  ])('%j → %s', (args, expected) => {
    expect(asksForHelp(args)).toBe(expected);
  });
});

const COMMANDS: [tool: string, script: string][] = [
  ['analyze', 'pipeline/cli/analyze.ts'],
  ['agreement', 'pipeline/cli/agreement.ts'],
  ['audit-rules', 'pipeline/cli/audit-rules.ts'],
  ['blind-kit', 'pipeline/cli/blind-kit.ts'],
  ['build', 'pipeline/cli/build.ts'],
  ['demo', 'pipeline/cli/demo.ts'],
  ['eval', 'pipeline/cli/eval.ts'],
  ['eval:extract', 'pipeline/cli/eval-extract.ts'],
  ['explain', 'pipeline/cli/explain.ts'],
  ['extract', 'pipeline/cli/extract.ts'],
  ['ingest', 'pipeline/cli/ingest.ts'],
  ['search-index', 'pipeline/cli/search-index.ts'],
  ['segment', 'pipeline/cli/segment.ts'],
  ['serve', 'pipeline/cli/serve.ts'],
  ['sources', 'pipeline/cli/sources.ts'],
  ['bench', 'pipeline/bench/bench.ts'],
];
const STACK_LINE = /^\s+at /m;

describe('the command lines, asked for help or given a wrong flag', () => {
  let dir: string;
  let content: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storyline-cli-usage-'));
    content = path.join(dir, 'content');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(COMMANDS)('%s --help: its usage on stdout, exit 0', async (_tool, script) => {
    const r = await runChild(script, ['--help'], 60_000, { STORYLINE_CONTENT: content });
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: (npm run|node) /);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(fs.existsSync(content)).toBe(false);
  });

  it.each(COMMANDS)('%s --no-such-flag: the tool, the flag and the usage on stderr, exit 2', async (tool, script) => {
    const r = await runChild(script, ['--no-such-flag'], 60_000, { STORYLINE_CONTENT: content });
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${tool}: Unknown option '--no-such-flag'`);
    expect(r.stderr).toMatch(/^usage: /m);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(fs.existsSync(content)).toBe(false);
  });

  it('a flag without its value is named as such', async () => {
    const r = await runChild('pipeline/cli/eval.ts', ['--story'], 60_000);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("eval: Option '--story <value>' argument missing");
  });

  it('a stray argument to a command that takes none is named as such', async () => {
    const r = await runChild('pipeline/cli/build.ts', ['stray'], 60_000, { STORYLINE_CONTENT: content });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("build: Unexpected argument 'stray'");
    expect(fs.existsSync(content)).toBe(false);
  });
});
