/**
 * Which service-host.exe a hosted service runs, and how upgrades keep working. The console ships the host
 * (packaged: `resources\service-host.exe`; development, preview and tests: the native build's output) and
 * never registers that file itself: install and edit point the service at a versioned copy,
 * `<ProgramData>\Admin Console\service-host\<version>-<sha256 prefix>\service-host.exe`, made on first use.
 * An upgrade installs a new console beside copies that running services hold open, so nothing has to be
 * stopped or replaced; a service moves to the new host when it is next edited, and a copy no service names
 * any more is deleted. The folder is written by SYSTEM and Administrators only (a LocalSystem service runs
 * the binary) and readable by the service accounts (see HOST_BINARIES_SDDL).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../app-error';
import { HOST_FILE_NAME } from './host-command-line';

/** What the store needs from the platform. */
export interface HostBinaryOptions {
  /** The host as shipped with this console (resources\service-host.exe, or the native build's output). */
  source: string;
  /** The console's version (package.json / app.getVersion()). */
  version: string;
  /** `<ProgramData>\Admin Console\service-host`. */
  root: string;
  /** Creates `folder` with the host folder's protected descriptor (win32/admin-folder.ts ensureProtectedFolder). */
  secureFolder(folder: string): void;
}

/** The versioned copies of the service host. */
export class HostBinaryStore {
  #current: string | null = null;

  constructor(private readonly options: HostBinaryOptions) {}

  /** The root of every copy. */
  get root(): string {
    return this.options.root;
  }

  /** Where the current copy is (or will be): for a plan, which must not write anything. */
  planned(): string {
    return this.#target(this.#source()).target;
  }

  /** The copy install and edit register, made now if missing. NOT_FOUND when this build has no host. */
  current(): string {
    if (this.#current && fs.existsSync(this.#current)) return this.#current;
    const bytes = this.#source();
    const { folder, target } = this.#target(bytes);
    this.options.secureFolder(this.options.root);
    if (!sameBytes(target, bytes)) {
      fs.mkdirSync(folder, { recursive: true });
      const partial = `${target}.${process.pid}.partial`;
      fs.writeFileSync(partial, bytes);
      fs.renameSync(partial, target);
    }
    this.#current = target;
    return target;
  }

  #source(): Buffer {
    try {
      return fs.readFileSync(this.options.source);
    } catch (err) {
      throw new AppError('NOT_FOUND', `The service host is not part of this console build (${this.options.source}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
    }
  }

  #target(bytes: Buffer): { folder: string; target: string } {
    const digest = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
    const folder = path.join(this.options.root, `${this.options.version.replace(/[^0-9A-Za-z.+-]/g, '_')}-${digest}`);
    return { folder, target: path.join(folder, HOST_FILE_NAME) };
  }

  /**
   * Deletes every copy except the current one and those `inUse` names (the host paths of the installed hosted
   * services). A copy still locked (a service running it that this console does not list) stays; returns
   * the folders deleted.
   */
  prune(inUse: readonly string[]): string[] {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(this.options.root, { withFileTypes: true });
    } catch {
      return [];
    }
    const keep = new Set([...inUse, ...(this.#current ? [this.#current] : [])].map((p) => path.dirname(p).toLowerCase()));
    const deleted: string[] = [];
    for (const entry of entries) {
      if (!entry.isDirectory()) continue;
      const folder = path.join(this.options.root, entry.name);
      if (keep.has(folder.toLowerCase())) continue;
      try {
        fs.rmSync(folder, { recursive: true });
        deleted.push(folder);
      } catch {
        // In use or locked: tried again after the next install, edit or uninstall.
      }
    }
    return deleted;
  }
}

function sameBytes(file: string, bytes: Buffer): boolean {
  try {
    return fs.readFileSync(file).equals(bytes);
  } catch {
    return false;
  }
}
