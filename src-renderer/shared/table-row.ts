/**
 * A row of the shared VirtualTable as its row renderer builds it: where the table placed it, and the
 * attributes and classes every row and cell carry (so Processes and Services rows stay alike).
 */

/** Where a row sits and how it shows; the row renderer puts these on its row element. */
export interface RowPlace<Column extends string> {
  /** The row element's id (aria-activedescendant names it). */
  readonly elementId: string;
  /** aria-rowindex: 1-based over all rows, the header row being 1. */
  readonly rowIndex: number;
  readonly selected: boolean;
  readonly focused: boolean;
  /** The shown columns, in order: one cell each. */
  readonly columns: readonly Column[];
}

/** The class list of a row: `base`, then the selected and focused marks, then `after`. */
export function rowClassName(place: RowPlace<string>, base: readonly string[], after: readonly string[] = []): string {
  const classes = [...base];
  if (place.selected) classes.push('ptable__row--selected');
  if (place.focused) classes.push('ptable__row--focused');
  return [...classes, ...after].join(' ');
}

/** The attributes every row element starts with: its id, role, position and selected state. */
export function rowProps(place: RowPlace<string>) {
  return { id: place.elementId, role: 'row', 'aria-rowindex': place.rowIndex, 'aria-selected': place.selected } as const;
}

/** The attributes every cell carries: its role, position and column id (clicks find the column by it). */
export function gridCellProps(column: string, index: number) {
  return { role: 'gridcell', 'aria-colindex': index + 1, 'data-col': column } as const;
}
