// What the site is built from, as one fingerprint: every file under the story's folders with
// its size and modification time. `--watch` rebuilds when it moves, and only then: a run that
// re-applied a correction to a file already carrying it wrote nothing, so nothing moved. The
// store writes a file only when its bytes differ, which is what makes mtimes a fair signal.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';

/** Run reports and the ingest's own state are not read by the site; dot-files are temp files, locks, .gitkeep. */
const NOT_STORY = new Set(['runs']);

export type FileStamp = { file: string; size: number; mtimeMs: number };

/** Pure: the same files with the same sizes and times give the same fingerprint, in any order. */
export function fingerprintOf(stamps: FileStamp[]): string {
  const hash = createHash('sha1');
  for (const s of [...stamps].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) hash.update(`${s.file}\t${s.size}\t${s.mtimeMs}\n`);
  return hash.digest('hex');
}

/** The fingerprint of the story's files under each root (a root inside another is counted once). */
export function storyFingerprint(roots: string[]): string {
  const stamps = new Map<string, FileStamp>();
  for (const root of roots) for (const stamp of listStamps(root)) stamps.set(stamp.file, stamp);
  return fingerprintOf([...stamps.values()]);
}

function listStamps(root: string): FileStamp[] {
  const out: FileStamp[] = [];
  const walk = (dir: string, top: boolean) => {
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; /* not there (yet): no files */ }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || (top && NOT_STORY.has(entry.name))) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full, false);
      else if (entry.isFile()) {
        try { const st = fs.statSync(full); out.push({ file: path.resolve(full), size: st.size, mtimeMs: st.mtimeMs }); } catch { /* removed meanwhile */ }
      }
    }
  };
  walk(root, true);
  return out;
}
