// Reads stdin line by line (JSON Lines tools): memory stays flat however long the input.
import readline from 'node:readline';

export async function* stdinLines(): AsyncGenerator<string> {
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  let first = true;
  for await (const line of rl) {
    // A byte-order mark opens files saved by Windows editors and PowerShell pipes: not part of the first line.
    yield first && line.startsWith('\uFEFF') ? line.slice(1) : line;
    first = false;
  }
}

/** Write respecting back-pressure, so piping into `head` or a slow consumer works. */
export async function writeOut(text: string): Promise<void> {
  if (!process.stdout.write(text)) await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
}

export function exitOnBrokenPipe(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); throw e; });
}
