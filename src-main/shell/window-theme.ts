/**
 * The window follows Windows' theme: Electron's nativeTheme set to 'system' (the page's prefers-color-scheme
 * and forced-colors then follow the Windows app mode and high contrast), and the native window background
 * painted in the page's own background colour, so neither the first paint nor a resize flashes another
 * colour (https://www.electronjs.org/docs/latest/api/native-theme).
 */

/** The nativeTheme answers the background depends on. */
export interface SystemTheme {
  readonly shouldUseDarkColors: boolean;
  readonly shouldUseHighContrastColors: boolean;
  /** Windows: a high contrast theme with light text on a dark background (High Contrast Black). */
  readonly shouldUseInvertedColorScheme: boolean;
}

/**
 * The page's background (--bg in src-renderer/styles.css; window-theme.test.ts holds them equal) in each
 * theme. In high contrast the page is Canvas: black or white with every Windows high contrast theme.
 */
export const WINDOW_BACKGROUNDS = {
  light: '#f4f5f7',
  dark: '#1b1d21',
  highContrastDark: '#000000',
  highContrastLight: '#ffffff',
} as const;

/** The window background for the theme Windows asks for now. */
export function windowBackground(theme: SystemTheme): string {
  if (theme.shouldUseHighContrastColors) return theme.shouldUseInvertedColorScheme ? WINDOW_BACKGROUNDS.highContrastDark : WINDOW_BACKGROUNDS.highContrastLight;
  return theme.shouldUseDarkColors ? WINDOW_BACKGROUNDS.dark : WINDOW_BACKGROUNDS.light;
}

/** The part of Electron's nativeTheme this module drives. */
export interface NativeThemeLike extends SystemTheme {
  themeSource: 'system' | 'light' | 'dark';
  on(event: 'updated', listener: () => void): unknown;
}

/** The part of a BrowserWindow whose background is repainted. */
export interface ThemedWindow {
  isDestroyed(): boolean;
  setBackgroundColor(colour: string): void;
}

/**
 * Follows the system theme (never a choice of ours) and repaints the window background when Windows
 * switches between light, dark and high contrast while the console is open.
 */
export function followSystemTheme(nativeTheme: NativeThemeLike, getWindow: () => ThemedWindow | null): void {
  nativeTheme.themeSource = 'system';
  nativeTheme.on('updated', () => {
    const window = getWindow();
    if (window !== null && !window.isDestroyed()) window.setBackgroundColor(windowBackground(nativeTheme));
  });
}
