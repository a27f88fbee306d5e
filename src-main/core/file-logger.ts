import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from './logger';

/** Rotate the log when it passes this size; one previous file is kept. */
export const LOG_ROTATE_BYTES = 5 * 1024 * 1024;

/**
 * A JSON-lines log in the admin-only data folder (`logs/console.log`). Appends synchronously so a
 * crash right after an error still leaves the line on disk; rotates to `console.1.log` by size.
 * Never give it secrets: callers log names and codes, not passwords or environment blocks.
 */
export function createFileLogger(folder: string, fileName = 'console.log', rotateBytes = LOG_ROTATE_BYTES): Logger {
  const logsFolder = path.join(folder, 'logs');
  fs.mkdirSync(logsFolder, { recursive: true });
  const file = path.join(logsFolder, fileName);
  const rotated = path.join(logsFolder, fileName.replace(/\.log$/, '.1.log'));
  let size = fs.existsSync(file) ? fs.statSync(file).size : 0;
  let failing = false;

  const write = (level: string, message: string, fields?: Record<string, unknown>) => {
    const line = `${JSON.stringify({ time: new Date().toISOString(), level, message, ...fields })}\n`;
    const bytes = Buffer.byteLength(line);
    try {
      if (size + bytes > rotateBytes && size > 0) {
        fs.renameSync(file, rotated);
        size = 0;
      }
      fs.appendFileSync(file, line, 'utf8');
      size += bytes;
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
