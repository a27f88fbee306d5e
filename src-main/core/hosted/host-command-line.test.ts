import { describe, expect, it } from 'vitest';
import { hostCommandLine, hostedHostPath, isHostedService } from './host-command-line';

describe('host command line', () => {
  it('quotes the host path and names the service', () => {
    expect(hostCommandLine('C:\\Program Files\\Admin Console\\resources\\service-host.exe', 'My Svc')).toBe(
      '"C:\\Program Files\\Admin Console\\resources\\service-host.exe" --service "My Svc"',
    );
  });

  it('recognises our host running the service of that name, and nothing else', () => {
    const line = hostCommandLine('C:\\ProgramData\\Admin Console\\service-host\\1.2.0\\service-host.exe', 'web');
    expect(isHostedService(line, 'web')).toBe(true);
    expect(isHostedService(line, 'WEB')).toBe(true);
    expect(hostedHostPath(line, 'web')).toBe('C:\\ProgramData\\Admin Console\\service-host\\1.2.0\\service-host.exe');
    expect(isHostedService(line, 'other')).toBe(false);
    expect(isHostedService('"C:\\x\\service-host.exe" --service web --verbose', 'web')).toBe(false);
    expect(isHostedService('"C:\\x\\other-host.exe" --service web', 'web')).toBe(false);
    expect(isHostedService('"C:\\x\\service-host.exe"', 'web')).toBe(false);
    expect(isHostedService('C:\\x\\Service-Host.EXE --service web', 'web')).toBe(true);
  });
});
