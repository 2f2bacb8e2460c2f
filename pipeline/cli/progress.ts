// Progress for long runs: one updating line on a terminal, plain lines (every 10%) otherwise.
export function progressPrinter(stream: NodeJS.WriteStream = process.stderr) {
  const tty = stream.isTTY;
  const lastDecile = new Map<string, number>();
  return {
    update({ source, done, total }: { source: string; done: number; total: number }): void {
      if (tty) {
        stream.write(`\r\x1b[2K  ${source}: ${done}/${total}`);
        return;
      }
      const decile = Math.floor((done / Math.max(1, total)) * 10);
      if (decile === lastDecile.get(source) && done !== total) return;
      lastDecile.set(source, decile);
      stream.write(`  ${source}: ${done}/${total}\n`);
    },
    done(): void { if (tty) stream.write('\r\x1b[2K'); },
  };
}
