/**
 * Service dependencies as a graph: the cycle check before CreateServiceW / ChangeServiceConfigW (which would
 * answer ERROR_CIRCULAR_DEPENDENCY, 1059, or worse, accept a cycle through a service it cannot see), the
 * dependents of each service, and the order to stop them in. Names compare case-insensitively, as the SCM's do.
 */
import { serviceKey } from './service-name';

/** SC_GROUP_IDENTIFIER (winsvc.h): a dependency starting with '+' names a load-order group, not a service. */
export const SC_GROUP_IDENTIFIER = '+';

const isGroup = (dependency: string) => dependency.startsWith(SC_GROUP_IDENTIFIER);

/**
 * Would giving `service` these `dependencies` close a cycle? Returns the shortest one as names from `service`
 * back to `service` (['A', 'B', 'C', 'A']: A needs B, B needs C, C needs A), else null. A service depending on
 * itself is a cycle (['A', 'A']). Load-order groups ('+Group') are skipped (the SCM orders groups
 * separately); a service `dependenciesOf` does not know (undefined) ends its path. The current dependencies of
 * `service` are replaced by `dependencies` for the check.
 */
export function dependencyCycle(
  service: string,
  dependencies: readonly string[],
  dependenciesOf: (name: string) => readonly string[] | undefined,
): string[] | null {
  const target = serviceKey(service);
  const next = (name: string): readonly string[] => (serviceKey(name) === target ? dependencies : (dependenciesOf(name) ?? []));
  // Breadth-first from `service`, so the cycle reported is a shortest one and the walk ends on any graph.
  const cameFrom = new Map<string, { name: string; parent: string | null }>();
  let frontier = [service];
  cameFrom.set(target, { name: service, parent: null });
  while (frontier.length) {
    const following: string[] = [];
    for (const name of frontier) {
      for (const dependency of next(name)) {
        if (isGroup(dependency)) continue;
        const key = serviceKey(dependency);
        if (key === target) return pathBack(cameFrom, serviceKey(name), service);
        if (cameFrom.has(key)) continue;
        cameFrom.set(key, { name: dependency, parent: serviceKey(name) });
        following.push(dependency);
      }
    }
    frontier = following;
  }
  return null;
}

function pathBack(cameFrom: Map<string, { name: string; parent: string | null }>, lastKey: string, service: string): string[] {
  const names: string[] = [];
  for (let key: string | null = lastKey; key !== null; ) {
    const step = cameFrom.get(key);
    if (!step) break;
    names.push(step.name);
    key = step.parent;
  }
  return [...names.reverse(), service];
}

/** The dependencies (groups skipped) that name no existing service, each once, in the order given. */
export function unknownDependencies(dependencies: readonly string[], exists: (name: string) => boolean): string[] {
  const seen = new Set<string>();
  const unknown: string[] = [];
  for (const dependency of dependencies) {
    const key = serviceKey(dependency);
    if (isGroup(dependency) || seen.has(key)) continue;
    seen.add(key);
    if (!exists(dependency)) unknown.push(dependency);
  }
  return unknown;
}

/**
 * For each service named as a dependency, the services that depend on it: keyed by serviceKey() (lower case),
 * values in their own case, each once, sorted case-insensitively. Groups are skipped.
 */
export function dependentsByService(configs: Iterable<{ name: string; dependencies: readonly string[] }>): Map<string, string[]> {
  const sets = new Map<string, Map<string, string>>();
  for (const { name, dependencies } of configs) {
    for (const dependency of dependencies) {
      if (isGroup(dependency)) continue;
      const key = serviceKey(dependency);
      let dependents = sets.get(key);
      if (!dependents) sets.set(key, (dependents = new Map()));
      dependents.set(serviceKey(name), name);
    }
  }
  const byService = new Map<string, string[]>();
  for (const [key, dependents] of sets) byService.set(key, [...dependents.values()].sort(compareNames));
  return byService;
}

function compareNames(a: string, b: string): number {
  const ka = serviceKey(a);
  const kb = serviceKey(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Every service that must stop before `root` can: its running dependents, theirs, and so on, deepest first -
 * each service after all of the services that depend on it, each once, `root` itself not included. The SCM
 * refuses to stop a service whose dependents run (ERROR_DEPENDENT_SERVICES_RUNNING, 1051). A dependency cycle
 * cannot loop this: a service already placed or on the current path is not visited again.
 */
export function stopOrder(root: string, runningDependentsOf: (name: string) => string[]): string[] {
  const order: string[] = [];
  const seen = new Set<string>([serviceKey(root)]);
  const visit = (name: string) => {
    for (const dependent of runningDependentsOf(name)) {
      const key = serviceKey(dependent);
      if (seen.has(key)) continue;
      seen.add(key);
      visit(dependent);
      order.push(dependent);
    }
  };
  visit(root);
  return order;
}
