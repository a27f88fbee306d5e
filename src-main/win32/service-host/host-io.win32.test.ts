// The service host's output log, probes and status pipe (native/service-host/log.c, probe.c, pipe.c),
// through Wine's (or Windows') real SCM and the real host, with native/test-child.exe as the program.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, describe, test } from 'node:test';
import { readFolderSecurity } from '../admin-folder';
import { readNewestEvents } from '../event-log-readback';
import { programDataFolder } from '../known-folders';
import { readProcessSnapshot } from '../processes/snapshot';
import { testChildExe } from '../processes/test-children';
import { win32ServiceManager as manager } from '../services/index';
import { removeTestServices, waitForState, watchStatus } from '../services/test-services';
import { wineVersion } from '../system';
import { installHostedService } from './test-hosted-services';
import type { HostStatusLine } from './test-status-pipe';
import { StatusPipeClient, statusPipeName } from './test-status-pipe';

const underWine = () => wineVersion() !== null;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'host-io-'));
const clients: StatusPipeClient[] = [];

/** A loopback port nobody listens on right now. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function connect(service: string): Promise<StatusPipeClient> {
  const client = await StatusPipeClient.connect(service);
  clients.push(client);
  return client;
}

/** Installs test-child.exe `args` under the host with `parameters`, starts it and waits for RUNNING. */
async function startHosted(args: readonly string[], parameters: Record<string, number | bigint | string | readonly string[]> = {}) {
  const name = installHostedService({ Program: testChildExe(), Arguments: args, StopBudgetMs: 3000, ...parameters });
  manager.start(name, []);
  return name;
}

async function waitForFile(file: string, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (fs.existsSync(file)) return true;
    await sleep(100);
  }
  return fs.existsSync(file);
}

describe('service host: output, probes and status pipe', () => {
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    assert.deepEqual(await removeTestServices(), []);
  });
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  test('a 50 MB flood with 3 x 1 MiB files leaves at most 3 MiB, the newest lines, and never stalls the program', async () => {
    const lines = 500_000;
    const length = 100; // 50 MB
    // The same flood into the NUL device, for what an unhindered run of this program costs on this machine now.
    const baselineDone = path.join(scratch, 'baseline-done');
    const baseline = spawn(testChildExe(), ['lines', String(lines), String(length), '0', baselineDone], { stdio: 'ignore' });
    assert.ok(await waitForFile(baselineDone, 60_000), 'the baseline flood finished');
    baseline.kill();
    const baselineMs = Number(fs.readFileSync(baselineDone, 'utf8'));

    const done = path.join(scratch, 'flood-done');
    const name = await startHosted(['lines', String(lines), String(length), '0', done], { LogMaxFiles: 3, LogMaxFileBytes: 1_048_576 });
    const client = await connect(name);
    const status = await client.waitForStatus((s) => s.state === 'running', 20_000);
    assert.ok(status.logFolder, 'the status names the log folder');
    assert.ok(await waitForFile(done, 60_000), 'the program finished its flood');
    const floodMs = Number(fs.readFileSync(done, 'utf8'));

    // The writer may still be behind the program: wait for the last line to reach the current file.
    const folder = status.logFolder;
    const current = path.win32.join(folder, 'output.log');
    const last = `${String(lines - 1).padStart(10, '0')} `;
    const end = Date.now() + 30_000;
    while (Date.now() < end && !fs.readFileSync(current, 'latin1').includes(last)) await sleep(200);

    const files = fs.readdirSync(folder).sort();
    const dropped = client.latest()?.events.filter((e) => e.kind === 'log-dropped').map((e) => e.detail) ?? [];
    const total = files.reduce((sum, f) => sum + fs.statSync(path.win32.join(folder, f)).size, 0);
    console.log(`flood: ${floodMs} ms under the host, ${baselineMs} ms into NUL; files ${files.join(', ')}, ${total} bytes; ${dropped.join('; ') || 'nothing dropped'}`);
    assert.deepEqual(files, ['output.1.log', 'output.2.log', 'output.log']);
    assert.ok(total <= 3 * 1_048_576, `at most 3 MiB on disk, not ${total}`);
    for (const f of files) assert.ok(fs.statSync(path.win32.join(folder, f)).size <= 1_048_576, `${f} at most 1 MiB`);

    // Oldest to newest: the program's line numbers only grow and end with the last one it wrote.
    const numbers: number[] = [];
    for (const f of ['output.2.log', 'output.1.log', 'output.log']) {
      for (const line of fs.readFileSync(path.win32.join(folder, f), 'latin1').split('\n')) {
        const m = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z O (\d{10}) x+$/.exec(line);
        if (m) numbers.push(Number(m[1]));
      }
    }
    assert.equal(numbers[numbers.length - 1], lines - 1, 'the newest line is kept');
    // Two full rotated files at least; the writer may have dropped older output it could not keep up with
    // (under Wine it often does: the queue then gives up its oldest bytes, never the newest).
    assert.ok(numbers.length > 10_000, `at least 2 MiB of 128-byte lines kept, not ${numbers.length}`);
    for (let i = 1; i < numbers.length; i++) assert.ok(numbers[i]! > numbers[i - 1]!, `line ${numbers[i]} after ${numbers[i - 1]}`);

    // Blocking on the disk would make the program wait for every write the host makes: 50 MB of them.
    assert.ok(floodMs <= Math.max(3 * baselineMs, baselineMs + 3000), `the flood took ${floodMs} ms under the host vs ${baselineMs} ms into NUL`);
  });

  test('LogTotalCapBytes holds the whole folder under its cap, newest line kept', async () => {
    const lines = 100_000; // 10 MB
    const done = path.join(scratch, 'cap-done');
    const name = await startHosted(['lines', String(lines), '100', '0', done], {
      LogMaxFiles: 5,
      LogMaxFileBytes: 1_048_576,
      LogTotalCapBytes: 1_572_864n, // 1.5 MiB, less than 5 x 1 MiB
    });
    const client = await connect(name);
    const status = await client.waitForStatus((s) => s.state === 'running', 20_000);
    assert.ok(await waitForFile(done, 60_000), 'the program finished');
    const folder = status.logFolder!;
    const last = `${String(lines - 1).padStart(10, '0')} `;
    const end = Date.now() + 30_000;
    // Rotation renames output.log to output.log.1 before it opens a new output.log: between the two the file
    // is briefly absent (seen once in three runs), which is not yet, not a failure.
    const current = () => {
      try {
        return fs.readFileSync(path.win32.join(folder, 'output.log'), 'latin1');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return '';
        throw err;
      }
    };
    while (Date.now() < end && !current().includes(last)) await sleep(200);
    assert.ok(fs.readFileSync(path.win32.join(folder, 'output.log'), 'latin1').includes(last), 'the newest line is in output.log');
    const total = fs.readdirSync(folder).reduce((sum, f) => sum + fs.statSync(path.win32.join(folder, f)).size, 0);
    assert.ok(total <= 1_572_864, `the folder holds ${total} bytes, over the 1.5 MiB cap`);
  });

  test('stdout and stderr lines are tagged O and E, partial lines written at the end, merged or split', async () => {
    for (const split of [0, 1]) {
      const name = await startHosted(['print', 'first\nno break at the end', 'to stderr'], { LogSplit: split, ExitCodesNoRestart: ['0'] });
      // The program ends at once and the service with it (before a pipe client could ask): the folder is CONTRACT.md's.
      assert.equal((await waitForState(name, 'stopped', 20_000)).state, 'stopped', 'exit code 0 ends the service');
      const folder = path.win32.join(programDataFolder(), 'Admin Console', 'services', name);
      const read = (file: string) => fs.readFileSync(path.win32.join(folder, file), 'utf8').split('\n').filter(Boolean);
      const stamp = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z [OEH] /;
      if (split) {
        assert.deepEqual(fs.readdirSync(folder).sort(), ['stderr.log', 'stdout.log']);
        const out = read('stdout.log');
        const err = read('stderr.log');
        for (const line of [...out, ...err]) assert.match(line, stamp);
        assert.deepEqual(out.filter((l) => / [OE] /.test(l.slice(23, 27))).map((l) => l.slice(25)), ['O first', 'O no break at the end']);
        assert.deepEqual(err.filter((l) => / [OE] /.test(l.slice(23, 27))).map((l) => l.slice(25)), ['E to stderr']);
        assert.ok(out.some((l) => l.includes(' H ')) && err.some((l) => l.includes(' H ')), 'host lines go to both files');
      } else {
        assert.deepEqual(fs.readdirSync(folder), ['output.log']);
        const lines = read('output.log');
        for (const line of lines) assert.match(line, stamp);
        const program = lines.filter((l) => / [OE] /.test(l.slice(23, 27))).map((l) => l.slice(25)).sort();
        assert.deepEqual(program, ['E to stderr', 'O first', 'O no break at the end']);
        assert.ok(lines.some((l) => / H .*started/.test(l)), 'the host says the program started');
      }
    }
  });

  test('readiness holds START_PENDING, its checkpoint moving, until the port answers', async () => {
    const port = await freePort();
    const started = Date.now();
    const name = await startHosted(['serve', String(port), '3000'], { ReadinessKind: 'tcp', ReadinessPort: port, ReadinessTimeoutSec: 30 });
    const { last, seen } = await watchStatus(name, (s) => s.state === 'running' || s.state === 'stopped', 30_000);
    const tookMs = Date.now() - started;
    assert.equal(last.state, 'running', `running, not ${JSON.stringify(last)}`);
    assert.ok(tookMs >= 2500, `RUNNING only once the port answers (after ${tookMs} ms; it opens after 3 s)`);
    const pending = seen.filter((s) => s.state === 'startPending').map((s) => s.checkPoint);
    assert.ok(pending.length >= 4, `the checkpoint moved with each attempt: ${pending.join(', ')}`);
    for (let i = 1; i < pending.length; i++) assert.ok(pending[i]! > pending[i - 1]!, `checkpoints only grow: ${pending.join(', ')}`);

    const client = await connect(name);
    const status = await client.waitForStatus((s) => s.readiness !== null, 5000);
    assert.equal(status.readiness?.ok, true);
    assert.equal(status.readiness?.kind, 'tcp');
    assert.equal(status.readiness?.detail, `connected to 127.0.0.1:${port}`);
  });

  test('a readiness probe not answered within ReadinessTimeoutSec is a failed start: never RUNNING, counted as a crash', async () => {
    const port = await freePort();
    const name = await startHosted(['serve', String(port), '600000'], {
      ReadinessKind: 'tcp',
      ReadinessPort: port,
      ReadinessTimeoutSec: 2,
      RestartMaxCount: 0,
    });
    const { last, seen } = await watchStatus(name, (s) => s.state === 'stopped', 30_000);
    assert.equal(last.state, 'stopped');
    assert.ok(!seen.some((s) => s.state === 'running'), `never RUNNING: ${seen.map((s) => s.state).join(', ')}`);
    assert.equal(last.win32ExitCode, 1066, 'stopped with a service-specific error');
    assert.equal(last.serviceSpecificExitCode, 1460, "the failed start's code (ERROR_TIMEOUT) as the program's exit");
    // The reason is in the log (and, on Windows, in a probe-failed event), with the last attempt's own words.
    const log = fs.readFileSync(path.win32.join(programDataFolder(), 'Admin Console', 'services', name, 'output.log'), 'utf8');
    assert.equal(log.split(' H readiness tcp: not ready within').length - 1, 1, `the failed start is ended (and said) once:\n${log}`);
    assert.match(log, / H readiness tcp: not ready within 2 s \(last: connection refused \(10061\)\); the start counts as a crash\n/);
  });

  test('an HTTP liveness probe that fails twice restarts the program', async () => {
    const port = await freePort();
    const stopFile = path.join(scratch, `http-stop-${port}`);
    const name = await startHosted(['serve', String(port), '0', stopFile], {
      ReadinessKind: 'tcp',
      ReadinessPort: port,
      LivenessKind: 'http',
      LivenessPort: port,
      LivenessHttpPath: '/health',
      LivenessIntervalSec: 1,
      LivenessFailuresToRestart: 2,
    });
    const client = await connect(name);
    const healthy = await client.waitForStatus((s) => s.state === 'running' && s.liveness?.ok === true, 20_000);
    assert.equal(healthy.liveness?.detail, 'HTTP 200');
    const firstPid = healthy.programPid;
    assert.ok(firstPid);

    fs.writeFileSync(stopFile, 'stop');
    const failing = await client.waitForStatus((s) => s.liveness?.ok === false, 10_000);
    assert.match(failing.liveness!.detail, /connection refused \(10061\)|no answer/);
    fs.rmSync(stopFile); // the next start answers again
    const restarted = await client.waitForStatus((s) => s.state === 'running' && s.programPid !== null && s.programPid !== firstPid, 30_000);
    assert.ok(restarted.restarts >= 1, 'a restart is counted');
    assert.ok(restarted.events.some((e) => e.kind === 'probe-failed'), 'the timeline has the failed probe');
    assert.ok(restarted.lastExits.some((e) => e.pid === firstPid), 'the first program is among the exits');
  });

  test('a failed liveness probe reaches the event log as probe-failed with the probe and its detail (Windows)', async (t) => {
    if (underWine()) return t.skip('Wine 8 stubs the event log: ReportEventW stores nothing to read back (README, "What Wine proves and what waits for Windows")');
    const port = await freePort();
    const stopFile = path.join(scratch, `event-stop-${port}`);
    fs.writeFileSync(stopFile, 'stop'); // the port closes right after it opens: readiness passes, liveness fails
    const name = await startHosted(['serve', String(port), '0', stopFile], {
      LivenessKind: 'tcp',
      LivenessPort: port,
      LivenessIntervalSec: 1,
      LivenessFailuresToRestart: 100,
    });
    const client = await connect(name);
    await client.waitForStatus((s) => s.liveness?.ok === false, 15_000);
    const failed = readNewestEvents('Application', 200)
      .filter((e) => e.source === 'Admin Console' && (e.eventId & 0xffff) === 7000)
      .map((e) => JSON.parse(e.strings[0] ?? '{}') as Record<string, unknown>)
      .find((e) => e.service === name && e.event === 'probe-failed');
    assert.deepEqual(failed, { service: name, event: 'probe-failed', probe: 'tcp', detail: 'connection refused (10061)' });
  });

  test('a heartbeat going stale restarts the program', async () => {
    const heartbeat = path.join(scratch, 'heartbeat');
    const stopFile = path.join(scratch, 'heartbeat-stop');
    const name = await startHosted(['heartbeat', heartbeat, '200', stopFile], {
      LivenessKind: 'heartbeat',
      LivenessHeartbeatFile: heartbeat,
      LivenessHeartbeatMaxAgeSec: 1,
      LivenessIntervalSec: 1,
      LivenessFailuresToRestart: 2,
    });
    const client = await connect(name);
    const healthy = await client.waitForStatus((s) => s.state === 'running' && s.liveness?.ok === true, 20_000);
    assert.match(healthy.liveness!.detail, /^heartbeat [01] s old \(limit 1 s\)$/);
    const firstPid = healthy.programPid;

    fs.writeFileSync(stopFile, 'stop');
    const stale = await client.waitForStatus((s) => s.liveness?.ok === false, 10_000);
    assert.match(stale.liveness!.detail, /^heartbeat \d+ s old \(limit 1 s\)$/);
    fs.rmSync(stopFile);
    const restarted = await client.waitForStatus((s) => s.state === 'running' && s.programPid !== null && s.programPid !== firstPid, 30_000);
    assert.ok(restarted.restarts >= 1);
  });

  test("the pipe's status matches the SCM (state, PID) and the process snapshot (PIDs)", async () => {
    const name = await startHosted(['sleep', '120']);
    const running = await waitForState(name, 'running', 20_000);
    assert.equal(running.state, 'running');
    const client = await connect(name);
    const status = await client.waitForStatus((s) => s.state === 'running' && s.programPid !== null, 10_000);
    assert.equal(status.service, name);
    assert.equal(status.hostPid, manager.status(name).pid, 'the host is the service process the SCM started');
    assert.deepEqual(status.pids, [status.programPid]);
    const processes = readProcessSnapshot().processes;
    const program = processes.find((p) => p.pid === status.programPid);
    assert.ok(program, `program ${status.programPid} is in the snapshot`);
    assert.equal(program.parentPid, status.hostPid, 'the host started it');
    assert.equal(program.name.toLowerCase(), 'test-child.exe');
  });

  test('restart-program over the pipe restarts the program without counting a crash', async () => {
    const name = await startHosted(['sleep', '120']);
    const client = await connect(name);
    const before = await client.waitForStatus((s) => s.state === 'running' && s.programPid !== null, 20_000);
    const mark = client.lines.length;
    client.send('restart-program');
    const reply = await client.waitFor((l) => l.type === 'reply', 5000, mark);
    assert.deepEqual(reply, { type: 'reply', command: 'restart-program', ok: true });
    const after: HostStatusLine = await client.waitForStatus(
      (s) => s.state === 'running' && s.programPid !== null && s.programPid !== before.programPid,
      30_000,
      mark,
    );
    assert.equal(after.restarts, before.restarts + 1);
    assert.equal(after.restartsInWindow, 0, 'not counted against RestartMaxCount');
    assert.equal(manager.status(name).state, 'running', 'the service stayed RUNNING throughout');

    client.send('no-such-command');
    const refused = await client.waitFor((l) => l.type === 'reply' && l.command === 'no-such-command', 5000, mark);
    assert.equal(refused.type === 'reply' && refused.ok, false);
  });

  test('the pipe is refused to a non-admin and open to SYSTEM and Administrators only', async (t) => {
    if (underWine()) return t.skip('Wine: no access control on pipes (every process opens everything), so a refusal cannot be shown');
    const name = await startHosted(['sleep', '120']);
    await waitForState(name, 'running', 20_000);
    // hostio-check opens the pipe as this (elevated) process, then impersonating its token with Administrators deny-only.
    const check = spawnSync(path.win32.join(path.win32.dirname(testChildExe()), 'hostio-check.exe'), ['as-non-admin', name], {
      encoding: 'utf8',
      windowsHide: true,
    });
    assert.equal(check.status, 0, check.stderr);
    assert.deepEqual(JSON.parse(check.stdout.trim()), { asSelf: 0, asNonAdmin: 5 }, 'opened as admin, ERROR_ACCESS_DENIED without Administrators');
    // GetNamedSecurityInfoW opens the pipe as a client too: the DACL as stored.
    const sddl = readFolderSecurity(statusPipeName(name));
    assert.equal(sddl.slice(sddl.indexOf('D:')), 'D:P(A;;FA;;;SY)(A;;FA;;;BA)', `nobody but SYSTEM and Administrators: ${sddl}`);
  });
});
