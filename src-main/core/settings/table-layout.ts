import type { SettingsValue, TableLayoutChangeValue } from '../../../src-preload/contract/schemas';

/**
 * One table's layout change applied to settings: the width map is replaced whole (the renderer sends
 * every width it holds, so a reset column simply drops out), the details size only when given.
 */
export function applyTableLayout(settings: SettingsValue, change: TableLayoutChangeValue): SettingsValue {
  const current = settings[change.table];
  const detailsSize = change.detailsSize ?? current.detailsSize;
  return {
    ...settings,
    [change.table]: { ...current, widths: change.widths ?? current.widths, ...(detailsSize === undefined ? {} : { detailsSize }) },
  };
}
