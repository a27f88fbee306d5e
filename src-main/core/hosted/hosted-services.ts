/**
 * Hosted services as the console's handlers see them: definition, plan, install and edit, live status, the
 * log and the program restart. Parts land one commit at a time on the console branch (issue 10); a channel
 * whose part is not in yet answers INTERNAL with that said, never made-up data.
 */
import type { HostedChangeRequestValue, HostedDefinitionReadValue, HostedDefinitionValue, HostedLogMatchesValue, HostedLogTailValue, HostedPlanValue } from '../../../src-preload/contract/hosted-schemas';
import { AppError } from '../app-error';
import type { DesktopPort } from '../desktop/desktop-port';

const notYet = (what: string) => new AppError('INTERNAL', `Hosted services: ${what} is not built into this console yet (issue 10 in progress).`);

/** The hosted-service operations behind the `services:*Hosted*` channels. */
export class HostedServices {
  definition(name: string): HostedDefinitionReadValue {
    throw notYet(`reading '${name}'`);
  }
  plan(request: HostedChangeRequestValue): HostedPlanValue {
    throw notYet(`planning ${request.kind}`);
  }
  install(definition: HostedDefinitionValue, desktop: DesktopPort): Promise<{ name: string }> {
    void desktop;
    return Promise.reject(notYet(`installing '${definition.name}'`));
  }
  edit(name: string, definition: HostedDefinitionValue, desktop: DesktopPort): Promise<{ changed: string[] }> {
    void desktop;
    void definition;
    return Promise.reject(notYet(`editing '${name}'`));
  }
  watch(name: string): void {
    throw notYet(`watching '${name}'`);
  }
  unwatch(name: string): void {
    void name;
  }
  logTail(name: string, maxBytes: number): Promise<HostedLogTailValue> {
    void maxBytes;
    return Promise.reject(notYet(`the log of '${name}'`));
  }
  searchLog(name: string, text: string, maxMatches: number): Promise<HostedLogMatchesValue> {
    void text;
    void maxMatches;
    return Promise.reject(notYet(`searching the log of '${name}'`));
  }
  restartProgram(name: string, desktop: DesktopPort): Promise<Record<string, never>> {
    void desktop;
    return Promise.reject(notYet(`restarting the program of '${name}'`));
  }
  openLogFolder(name: string, desktop: DesktopPort): Promise<{ path: string }> {
    void desktop;
    return Promise.reject(notYet(`opening the log folder of '${name}'`));
  }
  stop(): void {}
}
