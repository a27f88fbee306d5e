import { describe, expect, it } from 'vitest';
import { gridCellProps, rowClassName, rowProps, type RowPlace } from './table-row';

const place: RowPlace<string> = { elementId: 'service-row-spooler', rowIndex: 3, selected: true, focused: false, columns: ['name'] };

describe('table rows', () => {
  it('marks selected and focused rows between the base and trailing classes', () => {
    expect(rowClassName(place, ['ptable__row', 'ptable__row--new'], ['ptable__row--context'])).toBe(
      'ptable__row ptable__row--new ptable__row--selected ptable__row--context',
    );
    expect(rowClassName({ ...place, selected: false, focused: true }, ['ptable__row'])).toBe('ptable__row ptable__row--focused');
  });

  it('gives rows and cells their grid roles and 1-based positions', () => {
    expect(rowProps(place)).toEqual({ id: 'service-row-spooler', role: 'row', 'aria-rowindex': 3, 'aria-selected': true });
    expect(gridCellProps('pid', 0)).toEqual({ role: 'gridcell', 'aria-colindex': 1, 'data-col': 'pid' });
  });
});
