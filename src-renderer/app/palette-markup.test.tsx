/** The command palette's markup (react-dom/server, no DOM: effects do not run) and its registry. */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { PaletteRegistry } from '../shared/palette-registry';
import { CommandPalette } from './CommandPalette';

function registryWith(): PaletteRegistry {
  const registry = new PaletteRegistry();
  registry.set('shell', [{ id: 'palette-go-services', group: 'Go to', label: 'Go to Services', run: vi.fn() }]);
  registry.set('processes', [
    { id: 'palette-process-menu-terminate', group: 'Action', label: 'Terminate', detail: 'a.exe (PID 9)', shortcut: 'Del', run: vi.fn() },
    { id: 'palette-process-menu-resume', group: 'Action', label: 'Resume', disabledReason: 'Select a running process first', run: vi.fn() },
  ]);
  return registry;
}

describe('CommandPalette', () => {
  it('is a modal dialog with a combobox pointing at the active option of its listbox', () => {
    const html = renderToStaticMarkup(<CommandPalette registry={registryWith()} onClose={vi.fn()} />);
    expect(html).toContain('role="dialog" aria-modal="true" aria-label="Command palette"');
    const list = /role="listbox" id="([^"]+)"/.exec(html)?.[1];
    expect(list).toBeTruthy();
    expect(html).toMatch(new RegExp(`role="combobox"[^>]*aria-expanded="true" aria-controls="${list}"`));
    const activeId = /aria-activedescendant="([^"]+)"/.exec(html)?.[1];
    expect(html).toMatch(new RegExp(`<li id="${activeId}" role="option" class="palette__option" aria-selected="true" data-testid="palette-process-menu-terminate"`));
  });

  it('lists actions first, shows what they act on and their key, and disabled ones last with why', () => {
    const html = renderToStaticMarkup(<CommandPalette registry={registryWith()} onClose={vi.fn()} />);
    const order = [...html.matchAll(/data-testid="(palette-[a-z-]+)"/g)].map((m) => m[1]).filter((id) => id !== 'palette-input');
    expect(order).toEqual(['palette-process-menu-terminate', 'palette-go-services', 'palette-process-menu-resume']);
    expect(html).toContain('a.exe (PID 9)');
    expect(html).toContain('<kbd class="palette__shortcut">Del</kbd>');
    expect(html).toMatch(/aria-selected="false" aria-disabled="true" data-testid="palette-process-menu-resume"/);
    expect(html).toContain('Select a running process first');
  });
});

describe('PaletteRegistry', () => {
  it('keeps one list per source, the same array until a change, and tells subscribers', () => {
    const registry = registryWith();
    const first = registry.all();
    expect(first).toHaveLength(3);
    expect(registry.all()).toBe(first);
    const heard = vi.fn();
    const unsubscribe = registry.subscribe(heard);
    registry.set('processes', []);
    expect(heard).toHaveBeenCalledOnce();
    expect(registry.all().map((c) => c.id)).toEqual(['palette-go-services']);
    registry.remove('processes');
    registry.remove('processes');
    expect(heard).toHaveBeenCalledTimes(2);
    unsubscribe();
    registry.remove('shell');
    expect(heard).toHaveBeenCalledTimes(2);
  });
});
