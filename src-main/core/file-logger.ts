import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from './logger';

/** How much a log keeps: files of at most `fileBytes` (a single longer line gets a file of its own), `files` of them. */
export interface LogRotation {
  fileBytes: number;
  /** The current file plus numbered older ones (`name.1.log` newest ... `name.<files-1>.log` oldest). */
  files: number;
}

/** The console's diagnostic log: 5 MB, one previous file. */
export const CONSOLE_LOG_ROTATION: LogRotation = { fileBytes: 5 * 1024 * 1024, files: 2 };

/**
 * An append-only file in `folder`, rotated by numbers: when the next line would pass `fileBytes`, the
 * oldest file is deleted, each older file moves up one number and the current file becomes `.1`.
 * Appends synchronously, so a line is on disk before the caller goes on, and writes a line only after
 * the rotation that makes room for it, so no line is lost across a rotation. A rotation that fails (a
 * log reader holding an old file open without FILE_SHARE_DELETE) leaves the current file growing and
 * is tried again at the next line: the cap bends rather than a line being dropped.
 */
export class RotatingFile {
  readonly path: string;
  private size: number;

  constructor(
    folder: string,
    private readonly fileName: string,
    private readonly rotation: LogRotation,
  ) {
    if (!(rotation.fileBytes > 0) || !Number.isInteger(rotation.files) || rotation.files < 1) throw new Error(`bad log rotation ${JSON.stringify(rotation)}`);
    fs.mkdirSync(folder, { recursive: true });
    this.path = path.join(folder, fileName);
    this.size = fs.existsSync(this.path) ? fs.statSync(this.path).size : 0;
  }

  /** The file `age` rotations back (0 is the current file). */
  numbered(age: number): string {
    return age === 0 ? this.path : path.join(path.dirname(this.path), this.fileName.replace(/(\.log)?$/, `.${age}$1`));
  }

  /** Appends one line (a newline is added); throws when the line cannot be written. */
  append(line: string): void {
    const text = `${line}\n`;
    const bytes = Buffer.byteLength(text);
    if (this.size > 0 && this.size + bytes > this.rotation.fileBytes) this.rotate();
    fs.appendFileSync(this.path, text, 'utf8');
    this.size += bytes;
  }

  private rotate(): void {
    try {
      if (this.rotation.files === 1) {
        fs.rmSync(this.path, { force: true });
      } else {
        fs.rmSync(this.numbered(this.rotation.files - 1), { force: true });
        for (let age = this.rotation.files - 2; age >= 0; age--) {
          if (fs.existsSync(this.numbered(age))) fs.renameSync(this.numbered(age), this.numbered(age + 1));
        }
      }
      this.size = 0;
    } catch {
      // Keep appending to the current file (see the class comment); the size stays, so the next line retries.
    }
  }
}

/**
 * A JSON-lines log in the admin-only data folder (`logs/console.log`). Appends synchronously so a
 * crash right after an error still leaves the line on disk; rotates by size (see RotatingFile).
 * Never give it secrets: callers log names and codes, not passwords or environment blocks.
 */
export function createFileLogger(folder: string, fileName = 'console.log', rotation: LogRotation = CONSOLE_LOG_ROTATION): Logger {
  const file = new RotatingFile(path.join(folder, 'logs'), fileName, rotation);
  let failing = false;

  const write = (level: string, message: string, fields?: Record<string, unknown>) => {
    try {
      file.append(JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }));
      failing = false;
    } catch (err) {
      // A log that cannot be written must not take the console down; say so on stderr once per outage.
      if (!failing) process.stderr.write(`log write failed: ${(err as Error).message}\n`);
      failing = true;
    }
  };
  return {
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}
