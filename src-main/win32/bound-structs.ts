/**
 * The registry the layout test walks: every koffi struct (or union) that structs.ts exports, by its
 * SDK name. Built from the module's exports, so a struct cannot be bound without being tested;
 * structs-source.test.ts makes sure no struct is declared anywhere else or left unexported.
 */
import type { TypeObject } from 'koffi';
import * as structs from './structs';

/** True for a koffi record or union type (not a scalar, pointer or array). */
export function isStructType(value: unknown): value is TypeObject {
  if (typeof value !== 'object' || value === null || !('primitive' in value)) return false;
  const { primitive } = value as { primitive: unknown };
  return primitive === 'Record' || primitive === 'Union';
}

/** Every struct we bind, by its SDK name: the layout test checks each against the mingw-w64 headers. */
export const boundStructs: Readonly<Record<string, TypeObject>> = Object.freeze(
  Object.fromEntries(Object.entries(structs).filter((entry): entry is [string, TypeObject] => isStructType(entry[1]))),
);
