/**
 * Keyboard movement in the tab list, following the WAI-ARIA tabs pattern: Left/Right move and wrap,
 * Home/End jump to the ends; the tab moved to is also selected (automatic activation, since every panel
 * is cheap to show).
 */

/** The tab index a key moves to, or null when the key is not a tab-list key. */
export function tabIndexForKey(key: string, current: number, count: number): number | null {
  if (count <= 0) return null;
  switch (key) {
    case 'ArrowRight':
      return (current + 1) % count;
    case 'ArrowLeft':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
