import { DEFAULT_PAGE_SIZE, type Page } from '@mailroute/shared/contracts';
import type { PageQuery } from './page-query.dto';

/** The resolved page of a `PageQuery`: what a repository needs to `LIMIT`/`OFFSET`. */
export interface PageWindow {
  page: number;
  pageSize: number;
  /** Rows to skip. */
  offset: number;
}

export function pageWindow(query: PageQuery): PageWindow {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  return { page, pageSize, offset: (page - 1) * pageSize };
}

export function toPage<T>(items: T[], total: number, window: PageWindow): Page<T> {
  return { items, total, page: window.page, pageSize: window.pageSize };
}
