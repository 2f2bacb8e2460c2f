// The file system edge: article files, the seen-state, the run lock. Every write is atomic
// (temp file, fsync, rename, directory fsync), and content files are written before the
// seen-state that records them, so a crash at any point loses nothing and a rerun finishes.
import fs from 'node:fs';
import path from 'node:path';
import { stringify, parse } from 'yaml';
import { articleSchema, type Article } from '../src/schema/article.ts';
import { storyYearMonth } from './dates.ts';
import { unescapeBody } from '../src/lib/paragraphs.ts';
import { StageError } from './reasons.ts';
import { stripTags } from './sanitize.ts';

export type PageState = {
  etag?: string;
  lastModified?: string;
  status: 'stored' | 'rejected' | 'failed';
  articleId: string;
  contentHash?: string;
  reason?: string;
  /** The analysis rules (rules-signature.ts) the page was last analysed with: other rules → analysed again. */
  rules?: string;
};
export type ArticleState = { path: string; published: string; fingerprint: string; outletId: string; url: string; reprintOf?: string; nearDuplicates?: string[] };
export type SeenState = {
  version: 1;
  feeds: Record<string, { etag?: string; lastModified?: string }>;
  pages: Record<string, PageState>;
  articles: Record<string, ArticleState>;
  /** Correction signature per article id, so a changed or removed correction re-processes it. */
  corrected?: Record<string, string>;
  /** Hash of what the last completed reprint grouping read; equal next run → nothing to regroup. */
  dedupeInput?: string;
};

export function emptyState(): SeenState {
  return { version: 1, feeds: {}, pages: {}, articles: {} };
}

/** Write-then-rename with fsyncs: readers see the old file or the new one, never half of one. */
export function writeFileAtomic(file: string, data: string | Buffer): void {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | undefined;
  try {
    // Inside the try: a folder that cannot be made (its parent is a file, the disk is
    // read-only) is a write failure like any other, not an unexplained crash.
    fs.mkdirSync(dir, { recursive: true });
    fd = fs.openSync(tmp, 'wx', 0o644);
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, file);
  } catch (e) {
    if (fd !== undefined) try { fs.closeSync(fd); } catch { /* already failing */ }
    try { fs.unlinkSync(tmp); } catch { /* may not exist */ }
    throw new StageError('write-failed', `cannot write ${file}: ${(e as Error).message}`, { cause: e });
  }
  fsyncDir(dir);
}

function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try { fd = fs.openSync(dir, 'r'); fs.fsyncSync(fd); } catch { /* not supported on every file system */ } finally { if (fd !== undefined) fs.closeSync(fd); }
}

// Astro parses the body as Markdown; the site renders it as text. Escaping the three HTML
// characters means no raw HTML can exist in a body whichever way it is rendered
// (src/lib/paragraphs.ts `unescapeBody` is the inverse, used by the site and by readArticle).
export function escapeBody(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function serializeArticle(article: Article, paragraphs: string[]): string {
  const front = stringify(stripUndefined(article), { lineWidth: 0 });
  const body = paragraphs.map((p) => escapeBody(p).replace(/^(\s*)([#>*+\-=`|]|\d+\.)/, '$1\\$2')).join('\n\n');
  return `---\n${front}---\n\n${body}\n`;
}

export function parseArticleFile(text: string, file: string): { article: Article; paragraphs: string[] } {
  const m = /^---\n([\s\S]*?)\n---\n\n?([\s\S]*)$/.exec(text);
  if (!m) throw new StageError('invalid-content', `${file}: no front matter`);
  const result = articleSchema.safeParse(parse(m[1]!));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new StageError('invalid-content', `${file}: ${issue.path.join('.') || 'front matter'}: ${issue.message}`);
  }
  const paragraphs = m[2]!.split(/\n{2,}/).map((p) => unescapeBody(p.trim())).filter(Boolean);
  return { article: result.data, paragraphs };
}

/** Every string in a record with tag-shaped text removed (the body is escaped separately). */
function withoutMarkup<T>(value: T): T {
  if (typeof value === 'string') return stripTags(value) as T;
  if (Array.isArray(value)) return value.map(withoutMarkup) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutMarkup(v)])) as T;
  return value;
}

function stripUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export class ContentStore {
  readonly root: string;
  readonly articlesDir: string;
  readonly stateFile: string;
  /** The story's zone: an article's folder is the year and month of its date there. */
  readonly timeZone: string;
  constructor(root: string, timeZone: string) {
    this.root = root;
    this.timeZone = timeZone;
    this.articlesDir = path.join(root, 'articles');
    this.stateFile = path.join(root, '.state', 'seen.json');
  }

  articlePath(article: Pick<Article, 'id' | 'published'>): string {
    const [year, month] = storyYearMonth(article.published, this.timeZone);
    return path.join(this.articlesDir, year, month, `${article.id}.md`);
  }

  loadState(): SeenState {
    try {
      const state = JSON.parse(fs.readFileSync(this.stateFile, 'utf8')) as SeenState;
      return state.version === 1 ? state : emptyState();
    } catch (e) {
      // No state but articles on disk (the state was lost, or a run was killed before its first
      // save): rebuild, so the stored articles are recognised rather than reported new again.
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return this.listArticleFiles().next().done ? emptyState() : this.rebuildStateFromArticles();
      // A corrupt state costs a full re-fetch, never content: the articles are the truth.
      return this.rebuildStateFromArticles();
    }
  }

  saveState(state: SeenState): void {
    writeFileAtomic(this.stateFile, JSON.stringify(state));
  }

  /** Validate, then write only if the bytes differ. Returns whether anything was written. */
  writeArticle(article: Article, paragraphs: string[], previousPath?: string): { written: boolean; path: string } {
    // The last gate before content/: whoever built the record, no front-matter string holds a tag.
    const checked = articleSchema.safeParse(withoutMarkup(article));
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      throw new StageError('invalid-content', `article ${article.id}: ${issue.path.join('.')}: ${issue.message}`);
    }
    const file = this.articlePath(article);
    const text = serializeArticle(checked.data, paragraphs.map(stripTags));
    let existing: string | undefined;
    try { existing = fs.readFileSync(file, 'utf8'); } catch { existing = undefined; }
    if (existing !== text) writeFileAtomic(file, text);
    // The published date moved (a correction): the old file goes only after the new one exists.
    if (previousPath && path.resolve(previousPath) !== path.resolve(file)) removeQuietly(previousPath);
    return { written: existing !== text, path: file };
  }

  readArticle(file: string): { article: Article; paragraphs: string[] } {
    return parseArticleFile(fs.readFileSync(file, 'utf8'), file);
  }

  removeArticle(file: string): void {
    removeQuietly(file);
  }

  *listArticleFiles(): Generator<string> {
    if (!fs.existsSync(this.articlesDir)) return;
    for (const entry of fs.readdirSync(this.articlesDir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.md')) yield path.join(entry.parentPath, entry.name);
    }
  }

  rebuildStateFromArticles(): SeenState {
    const state = emptyState();
    for (const file of this.listArticleFiles()) {
      try {
        const { article } = this.readArticle(file);
        state.pages[article.url] = { status: 'stored', articleId: article.id, contentHash: article.contentHash };
        state.articles[article.id] = { path: file, published: article.published, fingerprint: '', outletId: article.outlet.id, url: article.url };
      } catch { /* a broken file is reported by the build, not here */ }
    }
    return state;
  }

  /** Leftover temp files from a crash mid-write: safe to delete, the rename never happened. */
  cleanTempFiles(): number {
    let removed = 0;
    for (const dir of [this.articlesDir, path.dirname(this.stateFile)]) {
      if (!fs.existsSync(dir)) continue;
      for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
        if (entry.isFile() && entry.name.startsWith('.') && entry.name.endsWith('.tmp')) {
          removeQuietly(path.join(entry.parentPath, entry.name));
          removed++;
        }
      }
    }
    return removed;
  }
}

function removeQuietly(file: string): void {
  try { fs.unlinkSync(file); } catch { /* already gone */ }
}

/** One run at a time. A lock left by a dead process is taken over; a live one stops us.
 *  The lock file appears whole (written aside, then hard-linked into place, which fails if a
 *  lock exists), so another process never reads a half-written lock and mistakes it for stale.
 *  A stale lock is renamed aside before it is deleted, and only if it is still the one judged
 *  stale: two runs finding the same dead lock cannot both take over. */
export class RunLock {
  readonly file: string;
  constructor(root: string) {
    this.file = path.join(root, '.state', 'ingest.lock');
  }

  acquire(): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const mine = `${this.file}.${process.pid}.new`;
    fs.writeFileSync(mine, JSON.stringify({ pid: process.pid, started: new Date().toISOString() }));
    try {
      for (let attempt = 0; attempt < 5; attempt++) {
        try {
          placeExclusive(mine, this.file);
          return;
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        }
        const seen = readQuietly(this.file);
        if (seen === undefined) continue; // released meanwhile: try again
        const holder = parseHolder(seen);
        if (holder && isAlive(holder.pid)) {
          throw new Error(`another ingest run (pid ${holder.pid}, started ${holder.started}) holds ${this.file}; wait for it or stop it (if no ingest is running, delete the file)`);
        }
        // Stale (its process is gone, or the file is not a lock we wrote): move it aside and
        // check that what moved is what was judged; if another run took over meanwhile, put its lock back.
        const aside = `${this.file}.${process.pid}.stale`;
        try { fs.renameSync(this.file, aside); } catch { continue; }
        if (readQuietly(aside) !== seen) {
          try { placeExclusive(aside, this.file); } catch { /* a third run holds it now */ }
        }
        removeQuietly(aside);
      }
      throw new Error(`could not take the lock ${this.file} (other runs keep taking it)`);
    } finally {
      removeQuietly(mine);
    }
  }

  release(): void {
    const holder = parseHolder(readQuietly(this.file));
    if (holder?.pid === process.pid) removeQuietly(this.file);
  }
}

/** Make `target` a copy of `source`, failing with EEXIST if `target` exists: a hard link (whole at
 *  once), or on file systems without links an exclusive copy. */
function placeExclusive(source: string, target: string): void {
  try {
    fs.linkSync(source, target);
  } catch (e) {
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes((e as NodeJS.ErrnoException).code ?? '')) throw e;
    fs.copyFileSync(source, target, fs.constants.COPYFILE_EXCL);
  }
}

function readQuietly(file: string): string | undefined {
  try { return fs.readFileSync(file, 'utf8'); } catch { return undefined; }
}

function parseHolder(text: string | undefined): { pid: number; started: string } | undefined {
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as { pid?: unknown; started?: unknown };
    return Number.isInteger(value.pid) && (value.pid as number) > 0 ? { pid: value.pid as number, started: String(value.started ?? '?') } : undefined;
  } catch { return undefined; }
}

function isAlive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}
