import { describe, expect, test } from 'vitest';
import { dependencyCycle, dependentsByService, stopOrder, unknownDependencies } from './dependency-cycles';

/** A lookup over a fixed graph, case-insensitive like the SCM; unknown services give undefined. */
function graph(edges: Record<string, string[]>) {
  const byKey = new Map(Object.entries(edges).map(([k, v]) => [k.toLowerCase(), v]));
  return (name: string) => byKey.get(name.toLowerCase());
}

describe('dependencyCycle', () => {
  test('reports the cycle from the service back to itself', () => {
    const of = graph({ A: [], B: ['C'], C: ['A'] });
    expect(dependencyCycle('A', ['B'], of)).toEqual(['A', 'B', 'C', 'A']);
  });

  test('no cycle through a chain, a diamond, unknown services or load-order groups', () => {
    const of = graph({ A: [], B: ['C', '+NetworkProvider'], C: ['RpcSs'], D: ['B', 'C'], RpcSs: [] });
    expect(dependencyCycle('A', ['B', 'D', 'Ghost'], of)).toBeNull();
    expect(dependencyCycle('New', ['B'], of)).toBeNull();
    expect(dependencyCycle('A', [], of)).toBeNull();
  });

  test('a service depending on itself is a cycle, in any case', () => {
    expect(dependencyCycle('MySvc', ['mysvc'], graph({}))).toEqual(['MySvc', 'MySvc']);
  });

  test('names compare case-insensitively, as the SCM does', () => {
    const of = graph({ b: ['C'], c: ['a'] });
    expect(dependencyCycle('A', ['B'], of)).toEqual(['A', 'B', 'C', 'A']);
  });

  test("the service's current dependencies are replaced by the new ones", () => {
    // A currently needs X, and X needs... nothing that leads back; but B -> A -> (new) B is a cycle.
    const of = graph({ A: ['X'], X: [], B: ['A'] });
    expect(dependencyCycle('A', ['B'], of)).toEqual(['A', 'B', 'A']);
    // The old A -> B edge must not count once it is removed.
    expect(dependencyCycle('A', ['X'], graph({ A: ['B'], B: ['A'], X: [] }))).toBeNull();
  });

  test('groups are not followed even when named like a service', () => {
    expect(dependencyCycle('A', ['+A'], graph({}))).toBeNull();
    expect(dependencyCycle('A', ['B'], graph({ B: ['+A'] }))).toBeNull();
  });

  test('finds a shortest cycle and ends on graphs with other cycles', () => {
    const of = graph({ B: ['C', 'A'], C: ['D'], D: ['C', 'A'], E: ['E'] });
    expect(dependencyCycle('A', ['E', 'B'], of)).toEqual(['A', 'B', 'A']);
    expect(dependencyCycle('A', ['E'], of)).toBeNull();
  });
});

describe('unknownDependencies', () => {
  test('lists the names no service has, once each, skipping groups', () => {
    const exists = (n: string) => ['rpcss', 'tcpip'].includes(n.toLowerCase());
    expect(unknownDependencies(['RpcSs', 'Ghost', '+Group', 'ghost', 'Tcpip', 'Other'], exists)).toEqual(['Ghost', 'Other']);
    expect(unknownDependencies([], exists)).toEqual([]);
  });
});

describe('dependentsByService', () => {
  test('maps each dependency (lower-case key) to its dependents, sorted, once each', () => {
    const map = dependentsByService([
      { name: 'Zeta', dependencies: ['RpcSs'] },
      { name: 'alpha', dependencies: ['rpcss', 'Tcpip', '+NetworkProvider'] },
      { name: 'Beta', dependencies: ['RPCSS', 'rpcss'] },
      { name: 'Lonely', dependencies: [] },
    ]);
    expect(map.get('rpcss')).toEqual(['alpha', 'Beta', 'Zeta']);
    expect(map.get('tcpip')).toEqual(['alpha']);
    expect(map.has('+networkprovider')).toBe(false);
    expect(map.has('lonely')).toBe(false);
    expect([...map.keys()].sort()).toEqual(['rpcss', 'tcpip']);
  });
});

describe('stopOrder', () => {
  test('deepest first: every service after all that depend on it; root excluded; each once', () => {
    // C and B depend on Root; A depends on B and on Root; D depends on A.
    const running: Record<string, string[]> = { root: ['A', 'B', 'C'], b: ['A'], a: ['D'], c: [], d: [] };
    const order = stopOrder('Root', (n) => running[n.toLowerCase()] ?? []);
    expect(order).toEqual(['D', 'A', 'B', 'C']);
    for (const [service, dependents] of Object.entries(running)) {
      if (service === 'root') continue;
      const at = order.findIndex((o) => o.toLowerCase() === service);
      for (const d of dependents) expect(order.indexOf(d)).toBeLessThan(at);
    }
  });

  test('nothing to stop, and cycles (including back to the root) do not loop', () => {
    expect(stopOrder('Solo', () => [])).toEqual([]);
    const running: Record<string, string[]> = { root: ['A'], a: ['B'], b: ['A', 'ROOT'] };
    expect(stopOrder('root', (n) => running[n.toLowerCase()] ?? [])).toEqual(['B', 'A']);
  });
});
