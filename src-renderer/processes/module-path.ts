/**
 * A module's path split for reading in a narrow pane: the file name first (what the admin looks for),
 * then its folder. Windows paths use backslashes; Wine and some loaders report forward slashes too.
 */
export function splitModulePath(path: string): { readonly file: string; readonly folder: string } {
  const cut = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
  if (cut < 0) return { file: path, folder: '' };
  // A root folder keeps its separator ("C:\"), so it never reads as a drive-relative "C:".
  const folder = path.slice(0, cut);
  return { file: path.slice(cut + 1), folder: folder.endsWith(':') || folder === '' ? path.slice(0, cut + 1) : folder };
}
