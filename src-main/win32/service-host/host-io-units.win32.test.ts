// The service host's probes, output log and status pipe (native/service-host/ probe.c, log.c, pipe.c)
// run outside the SCM through native/hostio-check/ (built from the same sources), with settings a
// service test cannot force: a probe against servers this test controls, a log queue of one read, a
// client that never reads, a fifth client, a storm of accounting changes.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { testChildExe } from '../processes/test-children';
import { StatusPipeClient } from './test-status-pipe';

const checkExe = () => path.win32.join(path.win32.dirname(testChildExe()), 'hostio-check.exe');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hostio-units-'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs hostio-check without blocking this process's loop (the servers the probes talk to live in it). */
function check(...args: string[]): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    execFile(checkExe(), args, { encoding: 'utf8', windowsHide: true, timeout: 90_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`hostio-check ${args.join(' ')}: ${error.message} ${stderr}`));
      resolve(JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, unknown>);
    });
  });
}

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as net.AddressInfo).port;
}

async function closed(server: net.Server): Promise<void> {
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

describe('service host probes', () => {
  test('tcp: connected, or refused with the Winsock code', async () => {
    const server = net.createServer((s) => s.destroy());
    const port = await listen(server);
    assert.deepEqual(await check('probe', 'tcp', String(port)).then(({ ok, detail }) => ({ ok, detail })), {
      ok: true,
      detail: `connected to 127.0.0.1:${port}`,
    });
    await closed(server);
    const refused = await check('probe', 'tcp', String(port));
    assert.equal(refused.ok, false);
    assert.equal(refused.detail, 'connection refused (10061)');
  });

  test('http: the status line against the expected status, a non-HTTP answer, and a server that never answers', async () => {
    const paths: string[] = [];
    const server = http.createServer((req, res) => {
      paths.push(req.url ?? '');
      res.statusCode = req.url === '/health' ? 200 : 503;
      res.end('x');
    });
    const port = await listen(server);
    const good = await check('probe', 'http', String(port), '/health', '200');
    assert.deepEqual([good.ok, good.detail], [true, 'HTTP 200']);
    const bad = await check('probe', 'http', String(port), '/other', '200');
    assert.deepEqual([bad.ok, bad.detail], [false, 'HTTP 503 (expected 200)']);
    const expected503 = await check('probe', 'http', String(port), '/other', '503');
    assert.deepEqual([expected503.ok, expected503.detail], [true, 'HTTP 503']);
    assert.deepEqual(paths, ['/health', '/other', '/other'], 'the configured path is what was asked for');
    await closed(server);

    const garbage = net.createServer((s) => s.end('SSH-2.0-OpenSSH\r\n'));
    const garbagePort = await listen(garbage);
    const notHttp = await check('probe', 'http', String(garbagePort));
    assert.deepEqual([notHttp.ok, notHttp.detail], [false, 'not an HTTP answer']);
    // Not awaited: under Wine the server never hears that the probe's connection ended (and holds no handle for it).
    garbage.close();

    const held: net.Socket[] = [];
    const silent = net.createServer((s) => held.push(s)); // accepts, reads nothing, answers nothing
    const silentPort = await listen(silent);
    const hung = await check('probe', 'http', String(silentPort), '/', '200', '500');
    assert.deepEqual([hung.ok, hung.detail], [false, 'no HTTP answer within 500 ms']);
    assert.ok((hung.ms as number) < 2000, `the 500 ms timeout holds (took ${hung.ms} ms)`);
    for (const s of held) s.destroy();
    silent.close();
  });

  test('heartbeat: fresh, stale by its last write time, or missing', async () => {
    const file = path.join(scratch, 'beat');
    fs.writeFileSync(file, 'x');
    const fresh = await check('probe', 'heartbeat', file, '5');
    assert.deepEqual([fresh.ok, fresh.detail], [true, 'heartbeat 0 s old (limit 5 s)']);
    const minuteAgo = new Date(Date.now() - 60_000);
    fs.utimesSync(file, minuteAgo, minuteAgo);
    const stale = await check('probe', 'heartbeat', file, '5');
    assert.equal(stale.ok, false);
    assert.match(stale.detail as string, /^heartbeat 6[01] s old \(limit 5 s\)$/);
    const missing = await check('probe', 'heartbeat', path.join(scratch, 'none'), '5');
    assert.deepEqual([missing.ok, missing.detail], [false, 'no heartbeat file yet (error 2)']);
  });
});

describe('service host output log', () => {
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  test('lines: CR LF ends a line, a long line is cut at 16 KiB, a partial line is written after a second', async () => {
    const folder = path.join(scratch, 'lines', 'logs');
    fs.mkdirSync(path.dirname(folder), { recursive: true });
    // hostio-check reads output.log 2.5 s after writing, with the pipes still open (no end of file yet).
    const { log } = (await check('lines', folder)) as { log: string };
    const lines = log.split('\n').filter(Boolean);
    for (const line of lines) assert.match(line, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z [OE] /);
    const texts = lines.map((l) => l.slice(25));
    // stdout and stderr have a reader each, so only each stream's own order is fixed.
    assert.deepEqual(
      texts.filter((t) => t.startsWith('O ') && !t.startsWith('O L')),
      ['O a', 'O b', 'O prompt> '],
      'CR removed; the prompt without a break written before any end of file',
    );
    assert.deepEqual(
      texts.filter((t) => t.startsWith('E ')),
      ['E e1'],
    );
    assert.deepEqual(
      texts.filter((t) => t.startsWith('O L')).map((t) => t.length - 2),
      [16384, 20000 - 16384],
      'the 20000-byte line as 16 KiB and the rest',
    );
  });

  test('a full queue drops the oldest waiting output, says so in the log and to the host, keeps the newest line, never stalls', async () => {
    const folder = path.join(scratch, 'flood', 'logs');
    fs.mkdirSync(path.dirname(folder), { recursive: true });
    // One read's worth of queue (64 KiB) for 50 MB: the writer cannot keep up, so bytes must be dropped.
    const result = await check('flood', folder, testChildExe(), '500000', '65536');
    console.log(`flood with a 64 KiB queue: ${JSON.stringify(result)}`);
    assert.ok((result.dropped as number) > 0, 'bytes were dropped');
    assert.equal(result.reported, result.dropped, 'every dropped byte reached the host (the log-dropped event)');
    const files = ['output.2.log', 'output.1.log', 'output.log'].map((f) => fs.readFileSync(path.join(folder, f), 'latin1'));
    const markers = files.join('').match(/Z H -- dropped \d+ bytes \(output faster than the disk\) --\n/g) ?? [];
    assert.ok(markers.length > 0, 'the gaps are marked in the files');
    assert.ok(files[2]!.includes(' O 0000499999 '), 'the newest line is kept');
    assert.ok((result.floodMs as number) < 10_000, `the program was never held up (${result.floodMs} ms for 50 MB)`);
  });
});

describe('service host status pipe', () => {
  /** Starts hostio-check's pipe server; resolves once it says the pipe is up, with its final line to come. */
  async function serve(service: string, seconds: number, lineBytes: number, everyMs: number, accounting = false) {
    const child = spawn(checkExe(), ['pipe', service, String(seconds), String(lineBytes), String(everyMs), ...(accounting ? ['accounting'] : [])], {
      windowsHide: true,
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    const finished = new Promise<Record<string, unknown>>((resolve) => {
      // 'close', not 'exit': 'exit' can come before the last stdout chunk is read (seen under load: the
      // summary line was missing and `listening` read undefined).
      child.on('close', () => resolve(JSON.parse(out.trim().split('\n').pop()!) as Record<string, unknown>));
    });
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (d: string) => {
        out += d;
        if (out.includes('"started"')) resolve();
      });
    });
    return finished;
  }

  test('a client that stops reading is disconnected; the others keep getting every change', async () => {
    const service = `HostioPipe${process.pid}a`;
    const finished = serve(service, 12, 8000, 5);
    const reader = await StatusPipeClient.connect(service);
    // A client in C that connects and reads nothing for 8 s (node's own pipe client keeps reading even when paused).
    const stalled = await check('stall', service, '8');
    const countAfter = reader.lines.length;
    await finished;
    reader.close();
    assert.deepEqual(stalled, { disconnected: true, error: 233 }, 'dropped by the host (ERROR_PIPE_NOT_CONNECTED), not left to block it');
    assert.ok(countAfter > 100, `the reading client kept getting lines meanwhile (${countAfter})`);
  });

  test('four clients at once; a fifth waits for a free instance', async () => {
    const service = `HostioPipe${process.pid}b`;
    const finished = serve(service, 8, 200, 500);
    const four = await Promise.all([1, 2, 3, 4].map(() => StatusPipeClient.connect(service)));
    for (const c of four) await c.waitForStatus(() => true, 3000);
    let fifthConnected = false;
    const fifth = net.connect(`\\\\.\\pipe\\admin-console-host-${service}`);
    fifth.on('connect', () => (fifthConnected = true));
    fifth.on('error', () => {});
    await sleep(1500);
    assert.equal(fifthConnected, false, 'no fifth instance while four are connected');
    four[0]!.close();
    const end = Date.now() + 5000;
    while (!fifthConnected && Date.now() < end) await sleep(100);
    assert.equal(fifthConnected, true, 'the fifth connects once one leaves');
    for (const c of four) c.close();
    fifth.destroy();
    await finished;
  });

  test('accounting-only changes reach clients at most once a second, and refresh is asked for while one listens', async () => {
    const service = `HostioPipe${process.pid}c`;
    const finished = serve(service, 5, 200, 10, true); // ~500 accounting changes in 5 s
    const client = await StatusPipeClient.connect(service);
    const start = Date.now();
    await sleep(4000);
    const lines = client.lines.length;
    const seconds = (Date.now() - start) / 1000;
    client.close();
    const summary = await finished;
    assert.ok(lines >= 2, `lines still come (${lines})`);
    assert.ok(lines <= Math.ceil(seconds) + 2, `${lines} lines in ${seconds.toFixed(1)} s: at most one a second (plus the one on connect)`);
    assert.ok((summary.listening as number) >= 3, `the host was asked to refresh accounting about once a second (${summary.listening})`);
  });
});
