/**
 * The change-signalling half of the console's live stores (processes, services). Their rows are mutated
 * in place tick to tick, so React cannot see a change by identity; a version counter it reads through
 * useSyncExternalStore says "something changed" instead. Pure TypeScript, no React.
 */

/** A store React watches by version: subscribe and getVersion are useSyncExternalStore's two arguments. */
export abstract class VersionedStore {
  /** Bumps on every change (numbers in place included); React re-renders on it. */
  version = 0;

  private readonly listeners = new Set<() => void>();

  /**
   * Subscribes to changes; returns the unsubscribe function (useSyncExternalStore's shape). An arrow
   * property, so it can be passed unbound.
   */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** The change counter (useSyncExternalStore's getSnapshot). */
  readonly getVersion = (): number => this.version;

  /** Bumps the version and tells every subscriber; the subclass calls it once per applied change. */
  protected notifyChanged(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
