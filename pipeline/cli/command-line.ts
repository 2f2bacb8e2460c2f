// Options on a command line, read with node:util's parseArgs. A mistyped flag is a usage error
// (the tool's name, what was wrong, its usage line; exit 2) rather than a stack trace, and
// --help (or -h) prints the usage line and exits 0, before anything is read or fetched.
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** The usage line with `usage: ` before it (kept in one place so every tool says it the same way). */
export function usageText(usage: string): string {
  return `usage: ${usage}\n`;
}

/** Was help asked for: --help or -h before any `--` that ends the options. Pure. */
export function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/**
 * The parsed options (of `config.args`, else of `process.argv`), or, for --help, the usage on stdout and exit 0,
 * and for an unknown flag, a flag without its value or a stray argument, the problem and the
 * usage on stderr and exit 2.
 */
export function parseCommandLine<T extends ParseArgsConfig>(tool: string, usage: string, config: T): ReturnType<typeof parseArgs<T>> {
  const args = config.args ?? process.argv.slice(2);
  if (asksForHelp(args)) {
    process.stdout.write(usageText(usage));
    process.exit(0);
  }
  try {
    return parseArgs(config);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) throw e;
    process.stderr.write(`${tool}: ${(e as Error).message}\n${usageText(usage)}`);
    process.exit(2);
  }
}
