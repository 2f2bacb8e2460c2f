// Numbers given on a command line: checked before anything runs. `Number('abc')` is NaN, and a
// NaN pool size or port silently hangs or misbehaves; a wrong number is a usage error (exit 2).

/** `above`: the number must be greater than it (a minimum it may not equal). */
export type NumberRule = { min?: number; max?: number; above?: number; integer?: boolean };

/** The number a flag's text means, or why it is not acceptable (a sentence for the user). Pure. */
export function parseNumberOption(flag: string, text: string, rule: NumberRule = {}): { value: number } | { error: string } {
  const { min, max, above, integer = true } = rule;
  const trimmed = text.trim();
  // Number('') is 0 and Number('0x10') is 16: only plain decimal notation is a number here.
  const value = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  const range = min !== undefined && max !== undefined ? ` between ${min} and ${max}` : min !== undefined ? ` ≥ ${min}` : above !== undefined ? ` > ${above}` : max !== undefined ? ` ≤ ${max}` : '';
  const wanted = `${integer ? 'a whole number' : 'a number'}${range}`;
  if (!Number.isFinite(value) || (integer && !Number.isInteger(value)) || (min !== undefined && value < min) || (above !== undefined && value <= above) || (max !== undefined && value > max)) {
    return { error: `${flag} takes ${wanted}, not "${text}"` };
  }
  return { value };
}

/** For the CLIs: the number, or a message on stderr and exit 2 before anything is fetched or built. */
export function numberOption(tool: string, flag: string, text: string, rule?: NumberRule): number {
  const parsed = parseNumberOption(flag, text, rule);
  if ('error' in parsed) {
    process.stderr.write(`${tool}: ${parsed.error}\n`);
    process.exit(2);
  }
  return parsed.value;
}

export const PORT: NumberRule = { min: 0, max: 65535 };
