import { InjectionToken } from '@angular/core';

/**
 * The storage that keeps the session and the chosen language between visits.
 * A token rather than the `localStorage` global so tests can hand in a fresh one.
 */
export const WEB_STORAGE = new InjectionToken<Storage>('WEB_STORAGE', {
  providedIn: 'root',
  factory: () => localStorage,
});

/** The current time in epoch milliseconds; a token so expiry can be tested without waiting. */
export const NOW = new InjectionToken<() => number>('NOW', {
  providedIn: 'root',
  factory: () => () => Date.now(),
});

/** Reads a stored value; private browsing modes may throw on storage access, which counts as "nothing stored". */
export function readStorage(storage: Storage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

export function writeStorage(storage: Storage, key: string, value: string | null): void {
  try {
    if (value === null) {
      storage.removeItem(key);
    } else {
      storage.setItem(key, value);
    }
  } catch {
    // Storage full or disabled: the value lives for this page only.
  }
}
