import type { SystemInfoValue } from '../../src-preload/contract/schemas';
import { formatBytes } from '../lib/format';
import { formatWindowsVersion } from './windows-version';

/** What the header knows about the machine: loading, the answer, or that system:getInfo failed. */
export type SystemInfoState = { status: 'loading' } | { status: 'ready'; info: SystemInfoValue } | { status: 'failed'; message: string };

/**
 * The machine this console administers: computer name, Windows version, and a visible badge when the
 * Win32 layer runs under Wine (figures there come from Wine's emulation, not from Windows).
 */
export function SystemHeader({ system }: { system: SystemInfoState }) {
  if (system.status === 'loading') {
    return (
      <p className="system system--loading" role="status">
        Reading system information…
      </p>
    );
  }
  if (system.status === 'failed') {
    return (
      <p className="system system--failed" role="status">
        {`System information unavailable: ${system.message}`}
      </p>
    );
  }
  const { info } = system;
  return (
    <dl className="system" aria-label="This computer">
      <div>
        <dt>Computer</dt>
        <dd data-testid="system-computer-name">{info.computerName}</dd>
      </div>
      <div>
        <dt>Windows</dt>
        <dd data-testid="system-windows-version">{formatWindowsVersion(info.windowsVersion)}</dd>
      </div>
      <div>
        <dt>Processors</dt>
        <dd>{info.logicalProcessors} logical</dd>
      </div>
      <div>
        <dt>Memory</dt>
        <dd>{formatBytes(info.totalPhysicalBytes)}</dd>
      </div>
      {info.wineVersion !== null ? (
        <div>
          <dt className="visually-hidden">Environment</dt>
          <dd>
            <span className="badge badge--wine" data-testid="wine-badge" title="Win32 calls are answered by Wine, not by Windows">
              {`Running under Wine ${info.wineVersion}`}
            </span>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
