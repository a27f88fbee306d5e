import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * The file operations an atomic write needs; injectable so tests can crash a write half-way.
 */
export interface AtomicFs {
  open: typeof fsp.open;
  rename: typeof fsp.rename;
  rm: typeof fsp.rm;
}

const realFs: AtomicFs = { open: fsp.open, rename: fsp.rename, rm: fsp.rm };

/**
 * Writes `data` to `file` so that a crash at any point leaves either the old file or the new one:
 * write a temp file in the same folder, flush it to disk, then rename over the target (on Windows
 * node's rename is MoveFileExW with MOVEFILE_REPLACE_EXISTING, atomic on one NTFS volume).
 */
export async function writeFileAtomic(file: string, data: string, fs: AtomicFs = realFs): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: Awaited<ReturnType<typeof fsp.open>> | undefined;
  try {
    // Owner-only where POSIX modes apply (the host's ready file holds a token); on Windows the file
    // inherits the admin-only folder's DACL.
    handle = await fs.open(temp, 'wx', 0o600);
    await handle.writeFile(data, 'utf8');
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(temp, file);
  } catch (err) {
    await handle?.close().catch(() => {});
    await fs.rm(temp, { force: true }).catch(() => {});
    throw err;
  }
}
