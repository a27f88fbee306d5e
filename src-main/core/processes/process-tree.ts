import { processKey } from './filetime';

/** The fields tree ordering needs. */
export interface TreeNode {
  pid: number;
  parentPid: number;
  createTime: bigint;
}

/**
 * True when `child` really is a child of `parent`: Windows keeps the parent's PID in a child after the
 * parent exits, and that PID may be reused by a newer process. A process created after the child cannot be
 * its parent, so a recycled PID never adopts strangers.
 */
export function isChildOf(child: TreeNode, parent: TreeNode): boolean {
  return child.parentPid === parent.pid && child.pid !== parent.pid && child.createTime >= parent.createTime;
}

/**
 * The root and all its descendants, deepest first (every process after all of its descendants), the order in
 * which terminating a tree leaves no child to be re-parented or to respawn a killed parent's work.
 */
export function descendantsFirst<T extends TreeNode>(root: T, all: readonly T[]): T[] {
  const childrenOf = new Map<number, T[]>();
  for (const p of all) {
    const list = childrenOf.get(p.parentPid);
    if (list) list.push(p);
    else childrenOf.set(p.parentPid, [p]);
  }
  const seen = new Set<string>();
  const order: T[] = [];
  const visit = (node: T) => {
    const key = processKey(node.pid, node.createTime);
    if (seen.has(key)) return;
    seen.add(key);
    for (const child of childrenOf.get(node.pid) ?? []) if (isChildOf(child, node)) visit(child);
    order.push(node);
  };
  visit(root);
  return order;
}
