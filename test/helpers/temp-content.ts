// A throwaway content/ directory per test, so tests never touch the real one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function tempContentDir(prefix = 'storyline-'): { dir: string; cleanup(): void; articleFiles(): string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    dir,
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
    articleFiles: () => {
      const root = path.join(dir, 'articles');
      if (!fs.existsSync(root)) return [];
      return fs.readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && e.name.endsWith('.md')).map((e) => path.join(e.parentPath, e.name)).sort();
    },
  };
}
