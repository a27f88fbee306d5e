/**
 * A hosted service's log files, read by the main process itself (no spawned tools): the newest bytes of the
 * current files, what was appended since the last look (to follow them while the details are open), and a
 * search over every kept file. The folder is decided here from the service name, never by the renderer:
 * `<ProgramData>\Admin Console\services\NAME\` with `output.log` (or `stdout.log` and `stderr.log`) and their
 * rotations `output.1.log` ... (higher = older), as CONTRACT.md lays them out. Sizes are bounded everywhere.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { HostedLogFileValue, HostedLogMatchesValue, HostedLogTailValue } from '../../../src-preload/contract/hosted-schemas';
import { AppError } from '../app-error';

type Stream = 'output' | 'stdout' | 'stderr';
const STREAMS: readonly Stream[] = ['output', 'stdout', 'stderr'];
const LOG_FILE = /^(output|stdout|stderr)(?:\.(\d{1,3}))?\.log$/i;
/** A search reads at most this much, newest first (the kept files may be up to 100 x 1 GB). */
export const SEARCH_MAX_BYTES = 512 * 1024 * 1024;
/** A follow push carries at most this much; more is skipped (and counted). */
export const FOLLOW_MAX_BYTES = 256 * 1024;
const LINE_MAX = 4096;

/** Characters Windows does not allow in a folder name, and names that mean another folder. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_A_FOLDER_NAME = /[<>:"/\\|?*\u0000-\u001f]|^\.{1,2}$|[ .]$/;

/** The log folder of a service, below `root` (`<ProgramData>\Admin Console\services`). */
export function logFolderOf(root: string, serviceName: string): string {
  if (NOT_A_FOLDER_NAME.test(serviceName)) throw new AppError('BAD_REQUEST', `'${serviceName}' cannot name a log folder (it holds characters Windows does not allow in folder names).`);
  return path.join(root, serviceName);
}

/** The kept files, newest first within each stream (output.log, output.1.log, ...). */
export async function listLogFiles(folder: string): Promise<(HostedLogFileValue & { stream: Stream; index: number })[]> {
  let names: string[];
  try {
    names = await fs.promises.readdir(folder);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new AppError('WIN32', `The log folder ${folder} could not be read: ${(err as Error).message}`);
  }
  const files: (HostedLogFileValue & { stream: Stream; index: number })[] = [];
  for (const name of names) {
    const m = LOG_FILE.exec(name);
    if (!m) continue;
    try {
      const stat = await fs.promises.stat(path.join(folder, name));
      if (!stat.isFile()) continue;
      files.push({ file: name, bytes: stat.size, modifiedAt: stat.mtimeMs, stream: (m[1] ?? 'output').toLowerCase() as Stream, index: m[2] === undefined ? 0 : Number(m[2]) });
    } catch {
      // Rotated away between readdir and stat: it is simply not there any more.
    }
  }
  return files.sort((a, b) => STREAMS.indexOf(a.stream) - STREAMS.indexOf(b.stream) || a.index - b.index).slice(0, 256);
}

/** Up to `maxBytes` from `start` of a file (fewer when it is shorter). */
async function readRange(file: string, start: number, maxBytes: number): Promise<Buffer> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.alloc(maxBytes);
    const { bytesRead } = await handle.read(buffer, 0, maxBytes, start);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Text from bytes, starting after the first line break when the bytes began mid-line. */
function fromLineStart(bytes: Buffer, cut: boolean): string {
  if (!cut) return bytes.toString('utf8');
  const at = bytes.indexOf(10);
  return at === -1 ? '' : bytes.subarray(at + 1).toString('utf8');
}

/** The newest bytes of each current file (the budget shared between split streams). */
export async function logTail(name: string, folder: string, maxBytes: number): Promise<HostedLogTailValue> {
  const files = await listLogFiles(folder);
  const current = files.filter((f) => f.index === 0);
  const share = Math.floor(maxBytes / Math.max(1, current.length));
  const tails: HostedLogTailValue['tails'] = [];
  for (const f of current) {
    const start = Math.max(0, f.bytes - share);
    const bytes = await readRange(path.join(folder, f.file), start, Math.min(share, f.bytes));
    tails.push({ stream: f.stream, text: fromLineStart(bytes, start > 0), truncated: start > 0 });
  }
  return { name, logFolder: folder, files: files.map(({ file, bytes, modifiedAt }) => ({ file, bytes, modifiedAt })), tails };
}

/** Lines containing `text` (case-insensitive), newest file first, at most `maxMatches` and SEARCH_MAX_BYTES read. */
export async function searchLogs(folder: string, text: string, maxMatches: number): Promise<HostedLogMatchesValue> {
  const files = (await listLogFiles(folder)).sort((a, b) => a.index - b.index || STREAMS.indexOf(a.stream) - STREAMS.indexOf(b.stream));
  const needle = text.toLowerCase();
  const matches: HostedLogMatchesValue['matches'] = [];
  let truncated = false;
  let filesSearched = 0;
  let budget = SEARCH_MAX_BYTES;
  for (const f of files) {
    if (budget <= 0 || truncated) {
      truncated = true;
      break;
    }
    filesSearched++;
    // An empty file has no lines (and createReadStream refuses end -1).
    if (f.bytes === 0) continue;
    const stream = fs.createReadStream(path.join(folder, f.file), { encoding: 'utf8', end: Math.min(f.bytes, budget) - 1 });
    budget -= f.bytes;
    const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
    let line = 0;
    try {
      for await (const content of lines) {
        line++;
        if (!content.toLowerCase().includes(needle)) continue;
        if (matches.length >= maxMatches) {
          truncated = true;
          break;
        }
        matches.push({ file: f.file, line, text: content.slice(0, LINE_MAX) });
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    } finally {
      lines.close();
      stream.destroy();
    }
  }
  return { matches, truncated, filesSearched };
}

/** What a follower found appended to one current file. */
export interface Appended {
  stream: Stream;
  text: string;
  skippedBytes: number;
}

/**
 * Follows the current files from their size when it starts: each poll() returns what was appended since the
 * last. A file that shrank was rotated: the rest of its rotated copy (`.1`) is read first, then the new file.
 */
export class LogFollower {
  #offsets = new Map<Stream, number>();
  #started = false;

  constructor(private readonly folder: string) {}

  async poll(): Promise<Appended[]> {
    const files = (await listLogFiles(this.folder)).filter((f) => f.index === 0);
    const out: Appended[] = [];
    for (const f of files) {
      const offset = this.#offsets.get(f.stream);
      this.#offsets.set(f.stream, f.bytes);
      if (!this.#started || offset === undefined) {
        if (this.#started && f.bytes > 0) out.push(await this.#read(f.stream, `${f.stream}.log`, 0, f.bytes));
        continue;
      }
      if (f.bytes === offset) continue;
      if (f.bytes < offset) {
        // Rotated: output.log became output.1.log at (or after) the offset we had.
        const rotated = path.join(this.folder, `${f.stream}.1.log`);
        const size = await fs.promises.stat(rotated).then((s) => s.size, () => 0);
        const parts: Appended[] = [];
        if (size > offset) parts.push(await this.#read(f.stream, `${f.stream}.1.log`, offset, size));
        if (f.bytes > 0) parts.push(await this.#read(f.stream, `${f.stream}.log`, 0, f.bytes));
        out.push(...parts);
        continue;
      }
      out.push(await this.#read(f.stream, `${f.stream}.log`, offset, f.bytes));
    }
    this.#started = true;
    return out.filter((a) => a.text !== '' || a.skippedBytes > 0);
  }

  async #read(stream: Stream, file: string, from: number, to: number): Promise<Appended> {
    const skippedBytes = Math.max(0, to - from - FOLLOW_MAX_BYTES);
    const start = from + skippedBytes;
    const bytes = await readRange(path.join(this.folder, file), start, to - start);
    return { stream, text: fromLineStart(bytes, skippedBytes > 0), skippedBytes };
  }
}
