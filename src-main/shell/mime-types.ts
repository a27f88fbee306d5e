/**
 * Content types for the files Vite puts in out/renderer. With `X-Content-Type-Options: nosniff` the type
 * decides what Chromium does with a file, so an unknown extension is served as opaque bytes, never as
 * something executable. Module scripts must be JavaScript: Chromium refuses any other type for them.
 */
const TYPES: Readonly<Record<string, string>> = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
});

/** Fallback for an extension not in the table: bytes the page cannot run or render as a document. */
export const UNKNOWN_TYPE = 'application/octet-stream';

/** The Content-Type for a file name, by its extension (case-insensitive). */
export function contentTypeFor(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0 || fileName.lastIndexOf('/') > dot || fileName.lastIndexOf('\\') > dot) return UNKNOWN_TYPE;
  const extension = fileName.slice(dot).toLowerCase();
  return Object.hasOwn(TYPES, extension) ? (TYPES[extension] ?? UNKNOWN_TYPE) : UNKNOWN_TYPE;
}
