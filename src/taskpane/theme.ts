/**
 * Light or dark, as Office shows itself. Office.context.officeTheme gives isDarkTheme in newer
 * builds and the task pane's background colour in all of them; a dark background means dark.
 */

/** The part of Office.OfficeTheme the pane reads (isDarkTheme is missing from older typings). */
export interface OfficeThemeColours {
  isDarkTheme?: boolean;
  bodyBackgroundColor?: string;
}

/** isDarkOfficeTheme({ bodyBackgroundColor: '#262626' }) → true; no theme (Excel 2016, the browser) → false */
export function isDarkOfficeTheme(theme: OfficeThemeColours | null | undefined): boolean {
  if (!theme) return false;
  if (typeof theme.isDarkTheme === 'boolean') return theme.isDarkTheme;
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(theme.bodyBackgroundColor ?? '');
  if (!m) return false;
  const [r, g, b] = m.slice(1).map((h) => parseInt(h, 16) / 255);
  // Relative luminance (sRGB approximation): below the middle grey is a dark theme.
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}
