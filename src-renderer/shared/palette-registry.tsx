/**
 * The command palette's registry: each view publishes the commands its current selection allows with
 * `usePaletteCommands(source, commands)`, the shell publishes tabs and settings the same way, and the
 * palette reads them all. The palette knows nothing of any view's internals, and a view needs one call.
 */
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import type { PaletteCommand } from './palette-commands';

/** Every published command, by source; subscribers hear each change. */
export class PaletteRegistry {
  private readonly sources = new Map<string, readonly PaletteCommand[]>();
  private readonly listeners = new Set<() => void>();
  private cached: readonly PaletteCommand[] | null = null;

  /** Replaces the commands one source publishes. */
  set(source: string, commands: readonly PaletteCommand[]): void {
    this.sources.set(source, commands);
    this.changed();
  }

  /** Drops a source (its view unmounted). */
  remove(source: string): void {
    if (this.sources.delete(source)) this.changed();
  }

  /** Every command, the same array until something changes (useSyncExternalStore's snapshot). */
  readonly all = (): readonly PaletteCommand[] => {
    this.cached ??= [...this.sources.values()].flat();
    return this.cached;
  };

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private changed(): void {
    this.cached = null;
    for (const l of this.listeners) l();
  }
}

const RegistryContext = createContext<PaletteRegistry | null>(null);

/** Makes a registry available to the views below (the shell). */
export function PaletteProvider({ registry, children }: { registry: PaletteRegistry; children: ReactNode }) {
  return <RegistryContext value={registry}>{children}</RegistryContext>;
}

/**
 * Publishes a source's commands as of this render (so their handlers see the current selection), and
 * withdraws them when the component unmounts. `build` runs after the render (an effect), so handlers may
 * use the view's refs. Without a provider (a view rendered alone) it does nothing.
 */
export function usePaletteCommands(source: string, build: () => readonly PaletteCommand[]): void {
  const registry = useContext(RegistryContext);
  useEffect(() => {
    registry?.set(source, build());
  });
  useEffect(() => (registry ? () => registry.remove(source) : undefined), [registry, source]);
}
