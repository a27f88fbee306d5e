/**
 * Serves the UI from out/renderer at `app://console/`. A custom standard+secure scheme gives the page a
 * real origin (file:// has an opaque one and extra powers; a localhost server would be reachable by
 * every local process). Every response, errors included, carries the CSP and nosniff headers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { APP_SCHEME } from './app-origin';
import { securityHeaders } from './content-policy';
import { contentTypeFor } from './mime-types';
import { rendererPathFor } from './renderer-path';

/** The part of Electron's `protocol` used before the app is ready. */
export interface SchemeRegistrar {
  registerSchemesAsPrivileged(
    schemes: Array<{ scheme: string; privileges?: { standard?: boolean; secure?: boolean; codeCache?: boolean } }>,
  ): void;
}

/** The part of Electron's `protocol` used once the app is ready. */
export interface ProtocolHandlerHost {
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
}

/** The file access the handler needs; Node's fs (asar-aware inside Electron) unless a test swaps it. */
export interface RendererFiles {
  realpath(filePath: string): Promise<string>;
  readFile(filePath: string): Promise<Uint8Array>;
}

/** Options for the handler: where refusals are reported (main sends them to the log). */
export interface RendererHandlerOptions {
  files?: RendererFiles;
  onRefused?: (url: string, reason: string) => void;
}

// Read through fs.promises at call time: inside Electron that object is patched to read from app.asar.
const nodeFiles: RendererFiles = {
  realpath: (filePath) => fs.promises.realpath(filePath),
  readFile: (filePath) => fs.promises.readFile(filePath),
};

/**
 * Registers `app:` as standard (real origin, relative URLs resolve) and secure (a secure context, so ES
 * module scripts load). Deliberately not `corsEnabled` or `supportFetchAPI`: nothing on another origin
 * may read our files, and the page never fetches (connect-src 'none'). Must run before app ready.
 */
export function registerAppScheme(protocol: SchemeRegistrar): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, codeCache: true } },
  ]);
}

function textResponse(status: number, text: string, extra: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { ...securityHeaders('text/plain; charset=utf-8'), ...extra } });
}

function errorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}

/** True when `target` is strictly inside `root` (both already resolved by realpath). */
function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * Builds the app:// request handler for files under `rootDir`. Only GET and HEAD; the URL must pass
 * rendererPathFor; the file's realpath must stay inside the root's realpath (a symlink or junction
 * pointing out is refused with 403); folders and missing files are 404.
 */
export function createRendererHandler(
  rootDir: string,
  options: RendererHandlerOptions = {},
): (request: Pick<Request, 'url' | 'method'>) => Promise<Response> {
  const files = options.files ?? nodeFiles;
  const onRefused = options.onRefused ?? (() => {});
  let realRoot: Promise<string> | undefined;

  return async function serveRendererFile(request) {
    const refused = (status: number, reason: string, text: string): Response => {
      onRefused(request.url, reason);
      return textResponse(status, text);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      onRefused(request.url, `method ${request.method}`);
      return textResponse(405, 'Method not allowed', { Allow: 'GET, HEAD' });
    }
    const resolved = rendererPathFor(request.url);
    if (!resolved.ok) return refused(resolved.status, resolved.reason, resolved.status === 403 ? 'Forbidden' : 'Bad request');

    let root: string;
    try {
      realRoot ??= files.realpath(rootDir);
      root = await realRoot;
    } catch (err) {
      realRoot = undefined;
      return refused(404, `renderer folder unavailable (${errorCode(err) ?? 'error'})`, 'Not found');
    }

    let target: string;
    try {
      target = await files.realpath(path.join(root, ...resolved.segments));
    } catch {
      return textResponse(404, 'Not found');
    }
    if (!isInside(root, target)) return refused(403, 'path resolves outside the renderer folder', 'Forbidden');

    let body: Uint8Array;
    try {
      body = await files.readFile(target);
    } catch (err) {
      // EISDIR: a folder; no listings are served.
      return errorCode(err) === 'EISDIR' ? textResponse(404, 'Not found') : refused(404, `read failed (${errorCode(err) ?? 'error'})`, 'Not found');
    }
    const headers = securityHeaders(contentTypeFor(target));
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  };
}

/** Serves out/renderer on `app://` through Electron's protocol.handle (call once the app is ready). */
export function serveRenderer(protocol: ProtocolHandlerHost, rootDir: string, options: RendererHandlerOptions = {}): void {
  const handler = createRendererHandler(rootDir, options);
  protocol.handle(APP_SCHEME, (request) => handler(request));
}
