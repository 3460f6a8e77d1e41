/** One page of a list, as every list endpoint answers it (`?page=1&pageSize=25`, 1-based). */
export interface Page<T> {
  items: T[];
  /** Items across every page, with the same filters. */
  total: number;
  page: number;
  pageSize: number;
}

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;
