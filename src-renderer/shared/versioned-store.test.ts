import { describe, expect, it } from 'vitest';
import { VersionedStore } from './versioned-store';

class Counter extends VersionedStore {
  bump(): void {
    this.notifyChanged();
  }
}

describe('VersionedStore', () => {
  it('bumps the version before telling subscribers, and stops telling after unsubscribe', () => {
    const store = new Counter();
    const seen: number[] = [];
    const unsubscribe = store.subscribe(() => seen.push(store.getVersion()));
    store.bump();
    store.bump();
    unsubscribe();
    store.bump();
    expect(seen).toEqual([1, 2]);
    expect(store.version).toBe(3);
  });

  it('hands out subscribe and getVersion unbound, as useSyncExternalStore calls them', () => {
    const store = new Counter();
    const { subscribe, getVersion } = store;
    let calls = 0;
    subscribe(() => calls++);
    store.bump();
    expect(calls).toBe(1);
    expect(getVersion()).toBe(1);
  });
});
