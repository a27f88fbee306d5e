/**
 * Turns an app:// URL into path segments under out/renderer, or refuses it. This is the lexical half of
 * the traversal defence; app-protocol.ts adds the filesystem half (realpath must stay under the root).
 * Chromium already canonicalises standard-scheme URLs, so most of these never arrive; we refuse them
 * anyway rather than rely on whoever built the URL.
 */
import { APP_HOST, APP_SCHEME, isAppOrigin } from './app-origin';

/** What the protocol handler serves for `app://console/`. */
export const ENTRY_FILE = 'index.html';

const MAX_URL_LENGTH = 2048;

// Escapes that could smuggle a dot segment, a separator or a NUL past the URL parser.
const SMUGGLED_ESCAPE = /%(?:2e|2f|5c|00)/i;

// Windows opens these as devices in any folder and with any extension (`app://console/con.js` would
// read the console). See "Naming Files, Paths, and Namespaces" on MSDN.
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(?:\..*)?$/i;

// Path separators, ':' (drive letters, NTFS alternate data streams), the other characters Windows
// forbids in names, and '%' left after decoding (a double-encoded `%252e`); control characters (NUL
// included) are checked by code in hasForbiddenCharacter.
const FORBIDDEN_PUNCTUATION = /[/\\:*?"<>|%]/;

function hasForbiddenCharacter(segment: string): boolean {
  for (let i = 0; i < segment.length; i++) {
    const code = segment.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return FORBIDDEN_PUNCTUATION.test(segment);
}

/** Why a URL was refused, and the HTTP status it is answered with. */
export interface RefusedPath {
  ok: false;
  status: 400 | 403 | 404;
  reason: string;
}

/** A URL that names a file under the renderer root, as decoded path segments. */
export interface AcceptedPath {
  ok: true;
  segments: string[];
}

function refuse(status: RefusedPath['status'], reason: string): RefusedPath {
  return { ok: false, status, reason };
}

/** Checks one decoded segment; returns why it is refused, or null when it is a plain file or folder name. */
function segmentProblem(segment: string): string | null {
  if (segment === '') return 'empty path segment (absolute path or doubled slash)';
  if (segment.startsWith('.')) return 'dot segment or hidden file';
  if (hasForbiddenCharacter(segment)) return 'forbidden character in path';
  // Windows drops trailing dots and spaces, so `index.html.` would alias `index.html`.
  if (segment.endsWith('.') || segment.endsWith(' ')) return 'trailing dot or space';
  if (WINDOWS_DEVICE.test(segment)) return 'Windows device name';
  return null;
}

/**
 * Validates `rawUrl` and returns the decoded segments of its path (`['assets', 'index.js']`), `/` meaning
 * index.html. Refuses other origins, encoded dots and separators, backslashes, NUL, absolute paths
 * (`//x`, `/C:/x`), dot segments, Windows device names and malformed escapes.
 */
export function rendererPathFor(rawUrl: string): AcceptedPath | RefusedPath {
  if (typeof rawUrl !== 'string' || rawUrl.length > MAX_URL_LENGTH) return refuse(400, 'URL missing or too long');
  const prefix = `${APP_SCHEME}://${APP_HOST}/`;
  if (!rawUrl.startsWith(prefix) || !isAppOrigin(rawUrl)) return refuse(403, 'not the app://console origin');

  // Check the raw text before URL parsing: the parser quietly folds `%2e%2e` and `..` segments away,
  // which would hide an attempt we want refused (and logged) rather than silently rewritten.
  const rawPath = rawUrl.slice(prefix.length - 1).split(/[?#]/, 1)[0] ?? '';
  if (rawPath.includes('\\') || rawPath.includes('\u0000')) return refuse(400, 'backslash or NUL in path');
  if (SMUGGLED_ESCAPE.test(rawPath)) return refuse(400, 'encoded dot, slash, backslash or NUL in path');
  if (rawPath.split('/').some((s) => s === '.' || s === '..')) return refuse(400, 'dot segment in path');

  const pathname = new URL(rawUrl).pathname;
  if (pathname === '/') return { ok: true, segments: [ENTRY_FILE] };

  const segments: string[] = [];
  for (const encoded of pathname.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(encoded);
    } catch {
      return refuse(400, 'malformed percent-encoding');
    }
    const problem = segmentProblem(segment);
    if (problem !== null) return refuse(400, problem);
    segments.push(segment);
  }
  return { ok: true, segments };
}
