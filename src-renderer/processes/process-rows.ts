/**
 * From the store's entries to the rows the table shows, in order: the filter (name, PID, path, command
 * line, user), the sort, and the tree (parent/child by parent PID, collapsible) or the flat list.
 * Pure, so sorting, filtering and the tree rules are unit tested.
 */
import type { ProcessColumn } from '../../src-preload/contract/process-fields';
import { matchesQuery, type FilterQuery } from '../shared/filter-query';
import { COLUMN_SPECS, type CellValue } from './process-columns';
import { processQuery } from './process-filter-fields';
import type { ProcessEntry } from './process-store';

/** One column, one direction; null keeps the natural order (by start time, as processes were created). */
export interface SortSpec {
  readonly column: ProcessColumn;
  readonly desc: boolean;
}

/** Everything that decides which rows show and in what order. */
export interface RowOptions {
  readonly view: 'tree' | 'flat';
  /** The filter box text (plain words and structured terms, process-filter-fields.ts); blank shows everything. */
  readonly filter: string;
  readonly sort: SortSpec | null;
  /** Keys of tree nodes whose children are hidden. */
  readonly collapsed: ReadonlySet<string>;
}

/** One shown row. */
export interface DisplayRow {
  readonly entry: ProcessEntry;
  /** Tree depth (0 at the top and always 0 in the flat view). */
  readonly depth: number;
  readonly hasChildren: boolean;
  readonly expanded: boolean;
  /** False for an ancestor shown only because a descendant matches the filter. */
  readonly matched: boolean;
}

/** Query type of the Processes filter. */
type ProcessQuery = FilterQuery<ProcessEntry>;

/** True when the process matches every term (a plain word matches name, PID, image path, command line or user). */
export function matchesFilter(entry: ProcessEntry, query: ProcessQuery): boolean {
  return matchesQuery(query, entry, entry.search);
}

function compareNatural(a: ProcessEntry, b: ProcessEntry): number {
  if (a.createOrder !== b.createOrder) return a.createOrder < b.createOrder ? -1 : 1;
  return a.row.pid - b.row.pid;
}

function compareValues(a: CellValue, b: CellValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The comparator for a sort. Missing values (no CPU reading yet, a path that could not be read) go last
 * in both directions, as they carry no information to rank; ties fall back to the natural order so rows
 * do not jump between ticks.
 */
export function comparatorFor(sort: SortSpec | null): (a: ProcessEntry, b: ProcessEntry) => number {
  if (!sort) return compareNatural;
  const dir = sort.desc ? -1 : 1;
  if (sort.column === 'name') {
    return (a, b) => (a.sortName < b.sortName ? -dir : a.sortName > b.sortName ? dir : compareNatural(a, b));
  }
  const spec = COLUMN_SPECS[sort.column];
  const lower = spec.kind === 'text';
  return (a, b) => {
    let x = spec.value(a.row);
    let y = spec.value(b.row);
    if (x === null || y === null) {
      if (x === y) return compareNatural(a, b);
      return x === null ? 1 : -1;
    }
    if (lower) {
      x = String(x).toLowerCase();
      y = String(y).toLowerCase();
    }
    return compareValues(x, y) * dir || compareNatural(a, b);
  };
}

/**
 * The parent of each process, by parent PID, with System Informer's rule against PID reuse: a parent
 * created after its child cannot be its parent (the real parent exited and its PID went to a newer
 * process), so the child shows at the top level. Among several holders of the PID (an exited one kept
 * for its red refresh and its successor) the newest one created before the child wins.
 * PID 0 (System Idle Process) parents nothing: System and a few others report it as "parent" by convention.
 */
export function parentsOf(entries: readonly ProcessEntry[]): Map<ProcessEntry, ProcessEntry> {
  const byPid = new Map<number, ProcessEntry[]>();
  for (const e of entries) {
    const list = byPid.get(e.row.pid);
    if (list) list.push(e);
    else byPid.set(e.row.pid, [e]);
  }
  const parents = new Map<ProcessEntry, ProcessEntry>();
  for (const child of entries) {
    if (child.row.parentPid === 0) continue;
    const candidates = byPid.get(child.row.parentPid);
    if (!candidates) continue;
    let best: ProcessEntry | undefined;
    for (const c of candidates) {
      if (c === child || c.createOrder > child.createOrder) continue;
      if (!best || c.createOrder > best.createOrder) best = c;
    }
    if (best) parents.set(child, best);
  }
  return parents;
}

/** The flat list: filtered, then sorted. */
function flatRows(entries: readonly ProcessEntry[], query: ProcessQuery, sort: SortSpec | null): DisplayRow[] {
  const shown = query.terms.length === 0 ? [...entries] : entries.filter((e) => matchesFilter(e, query));
  shown.sort(comparatorFor(sort));
  return shown.map((entry) => ({ entry, depth: 0, hasChildren: false, expanded: false, matched: true }));
}

/**
 * The tree, depth first, siblings sorted by the sort. With a filter, a match shows with its ancestors
 * (dimmed) so it keeps its place, and collapsed ancestors of a match open: hiding what the admin is
 * searching for would be wrong. Iterative, so a deep chain of processes cannot overflow the stack; a
 * cycle (impossible with the creation-time rule, but data is data) is cut where it would repeat.
 */
function treeRows(entries: readonly ProcessEntry[], query: ProcessQuery, sort: SortSpec | null, collapsed: ReadonlySet<string>): DisplayRow[] {
  const parents = parentsOf(entries);
  const children = new Map<ProcessEntry, ProcessEntry[]>();
  const roots: ProcessEntry[] = [];
  for (const e of entries) {
    const parent = parents.get(e);
    if (!parent) {
      roots.push(e);
      continue;
    }
    const list = children.get(parent);
    if (list) list.push(e);
    else children.set(parent, [e]);
  }

  // With a filter: the matches and their ancestors.
  let visible: Set<ProcessEntry> | null = null;
  let matched: Set<ProcessEntry> | null = null;
  if (query.terms.length > 0) {
    visible = new Set();
    matched = new Set();
    for (const e of entries) {
      if (!matchesFilter(e, query)) continue;
      matched.add(e);
      let at: ProcessEntry | undefined = e;
      while (at && !visible.has(at)) {
        visible.add(at);
        at = parents.get(at);
      }
    }
  }

  const compare = comparatorFor(sort);
  const rows: DisplayRow[] = [];
  const placed = new Set<ProcessEntry>();
  const keep = (list: readonly ProcessEntry[]) => (visible ? list.filter((e) => visible.has(e)) : [...list]);
  const stack: { entry: ProcessEntry; depth: number }[] = [];
  const pushSorted = (list: readonly ProcessEntry[], depth: number) => {
    const sorted = keep(list).sort(compare);
    for (let i = sorted.length - 1; i >= 0; i--) stack.push({ entry: sorted[i] as ProcessEntry, depth });
  };
  pushSorted(roots, 0);
  while (stack.length > 0) {
    const { entry, depth } = stack.pop() as { entry: ProcessEntry; depth: number };
    if (placed.has(entry)) continue;
    placed.add(entry);
    const kids = children.get(entry) ?? [];
    const shownKids = visible ? kids.filter((k) => visible.has(k)) : kids;
    const hasChildren = shownKids.length > 0;
    const expanded = hasChildren && (visible !== null || !collapsed.has(entry.key));
    rows.push({ entry, depth, hasChildren, expanded, matched: matched ? matched.has(entry) : true });
    if (expanded) pushSorted(shownKids, depth + 1);
  }
  return rows;
}

/** The rows to show, in order. */
export function deriveRows(entries: Iterable<ProcessEntry>, options: RowOptions): DisplayRow[] {
  const list = Array.isArray(entries) ? (entries as ProcessEntry[]) : [...entries];
  const query = processQuery(options.filter);
  return options.view === 'flat' ? flatRows(list, query, options.sort) : treeRows(list, query, options.sort, options.collapsed);
}

/** True when a sort must be redone every tick (it orders by a number that changes tick to tick). */
export function sortIsDynamic(sort: SortSpec | null): boolean {
  return sort !== null && COLUMN_SPECS[sort.column].dynamic;
}
