// Split a list into numbered pages and name their URLs: page 1 is the base path,
// page n is `${base}${n}/`.

export interface Page<T> {
  /** 1-based. */
  page: number;
  pageCount: number;
  items: T[];
  /** Index of the first item in the whole list (0-based). */
  start: number;
  total: number;
}

export function paginate<T>(items: readonly T[], size: number): Page<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`page size must be a positive integer: ${size}`);
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const pages: Page<T>[] = [];
  for (let i = 0; i < pageCount; i++) {
    pages.push({ page: i + 1, pageCount, items: items.slice(i * size, (i + 1) * size), start: i * size, total: items.length });
  }
  return pages;
}

/** `base` ends with '/': pagePath('/topics/sales/', 2) = '/topics/sales/2/'. */
export function pagePath(base: string, page: number): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return page <= 1 ? b : `${b}${page}/`;
}
