// The preview page: the built index.html plus the host address and the bridge script, with the CSP opened
// exactly enough for the bridge to reach the host's socket (connect-src), nothing else.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';

/** The shortest PREVIEW_KEY accepted: as long as a generated one (16 random bytes in hex). */
export const MIN_KEY_LENGTH = 32;

/**
 * The page's key for this run: PREVIEW_KEY when given (the end-to-end tests share one with their workers),
 * else 16 random bytes. A given key that is empty, short or not URL-safe is refused, never taken as "no
 * key": the page carries the host's token, so an empty key once served it to anyone who asked.
 */
export function previewKey(given) {
  if (given === undefined) return randomBytes(16).toString('hex');
  if (given.length < MIN_KEY_LENGTH || !/^[A-Za-z0-9_-]+$/.test(given)) {
    throw new Error(`PREVIEW_KEY must be at least ${MIN_KEY_LENGTH} characters of A-Z, a-z, 0-9, _ or - (got ${given.length} characters); unset it to get a random key`);
  }
  return given;
}

/** True when the URL's key is exactly `key` (compared in constant time); a missing key never matches. */
export function keyMatches(key, given) {
  if (typeof given !== 'string' || key.length < MIN_KEY_LENGTH) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}

const CONNECT_NONE = "connect-src 'none'";

/** Returns { html, csp } for the preview; throws if index.html does not carry the expected CSP. */
export function previewPage(indexHtml, hostUrl, hostOrigin) {
  const meta = indexHtml.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/);
  if (!meta || !meta[1].includes(CONNECT_NONE)) throw new Error(`index.html must carry a CSP meta tag with ${CONNECT_NONE}`);
  const csp = meta[1].replace(CONNECT_NONE, `connect-src ${hostOrigin}`);
  const escaped = hostUrl.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  const html = indexHtml
    .replace(meta[0], `<meta http-equiv="Content-Security-Policy" content="${csp}"`)
    .replace('</head>', `  <meta name="admin-console-host" content="${escaped}">\n    <script src="./preview-bridge.js"></script>\n  </head>`);
  return { html, csp };
}

const TYPES = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.json': 'application/json', '.map': 'application/json', '.html': 'text/html; charset=utf-8' };
export const contentTypeOf = (file) => TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/** Maps a URL path to a file inside root, or null (missing, a folder, or outside root). */
export function resolveStatic(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, `.${decoded}`);
  if (!file.startsWith(path.resolve(root) + path.sep)) return null;
  try {
    return fs.statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}
