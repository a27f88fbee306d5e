import { test, expect, type Page } from '@playwright/test';
import WebSocket from 'ws';
import { CHANNELS } from '../src-preload/contract/channels';
import { MAX_MESSAGE_BYTES } from '../src-main/host/contract-server';
import { HOSTILE_CHANNELS, INVALID_UTF8, MALFORMED_TEXT_FRAMES, hostileRequestsPerChannel, requestFrame, sendOversizeFrameHeader } from '../src-main/host/hostile-input';
import { openConsole } from './console-page';

// The real headless host (Windows node under Wine on Linux, behind the preview) against hostile input: frames
// that are not requests, over the size limit or not UTF-8, channels that are not names, and hostile requests
// on every channel of the contract. None may end the host: afterwards it still answers a tool and the page.
// The tool-side sockets connect the way tools and tests do (the run token, no Origin header).

interface Answer {
  id: number;
  result: { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

/** The host's address with its token, as the preview put it in the page. */
async function hostAddress(page: Page): Promise<string> {
  const address = await page.locator('meta[name="admin-console-host"]').getAttribute('content');
  expect(address).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64}$/);
  return address!;
}

function connect(address: string): Promise<WebSocket> {
  const socket = new WebSocket(address);
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

const closeCode = (socket: WebSocket) => new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));

/** Resolves with the next `count` answers (events and asks skipped). */
function collect(socket: WebSocket, count: number): Promise<Answer[]> {
  const answers: Answer[] = [];
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(String(data));
      if (!('id' in message)) return;
      answers.push(message);
      if (answers.length === count) {
        socket.off('message', onMessage);
        resolve(answers);
      }
    };
    socket.on('message', onMessage);
  });
}

async function call(socket: WebSocket, id: number, channel: string | undefined, request: string | undefined): Promise<Answer> {
  const answer = collect(socket, 1);
  socket.send(requestFrame(id, channel, request));
  return (await answer)[0]!;
}

test('the host survives malformed frames and hostile requests on every channel, then still serves', async ({ page }) => {
  test.setTimeout(300_000);
  await openConsole(page);
  await expect(page.getByTestId('performance-status')).toContainText('Live');
  const address = await hostAddress(page);
  const tool = await connect(address);

  // Frames that are not requests close only the socket that sent them.
  for (const frame of [...MALFORMED_TEXT_FRAMES, Buffer.from(requestFrame(1, '"system:getInfo"', '{}'))]) {
    const socket = await connect(address);
    const closed = closeCode(socket);
    socket.send(frame, { binary: typeof frame !== 'string' });
    expect(await closed, `${JSON.stringify(String(frame))} closes its socket with 1008`).toBe(1008);
  }
  // Over the limit (refused from the frame header alone) and not UTF-8: ws's own close codes, no crash.
  for (const length of [BigInt(MAX_MESSAGE_BYTES) + 1n, 2n ** 62n]) {
    const socket = await connect(address);
    const closed = closeCode(socket);
    sendOversizeFrameHeader(socket, length);
    expect(await closed, `a frame of ${length} bytes`).toBe(1009);
  }
  for (const bytes of INVALID_UTF8) {
    const socket = await connect(address);
    const closed = closeCode(socket);
    socket.send(bytes, { binary: false });
    expect(await closed, `text frame ${bytes.toString('hex')}`).toBe(1007);
  }

  let id = 0;
  for (const { name, channel } of HOSTILE_CHANNELS) {
    expect(await call(tool, ++id, channel, '{}'), `channel ${name}`).toMatchObject({ id, result: { ok: false, error: { code: 'BAD_REQUEST' } } });
  }
  let hostile = 0;
  for (const { channel, requests } of hostileRequestsPerChannel()) {
    for (const { name, request } of requests) {
      expect(await call(tool, ++id, JSON.stringify(channel), request), `${channel}: ${name}`).toMatchObject({ id, result: { ok: false, error: { code: 'BAD_REQUEST' } } });
      hostile++;
    }
  }
  expect(hostile).toBeGreaterThan(CHANNELS.length * 15);

  // A burst of bad requests, all answered.
  const burst = 2000;
  const answered = collect(tool, burst);
  for (let i = 0; i < burst; i++) tool.send(requestFrame(++id, i % 2 ? '"__proto__"' : '["system:getInfo"]', '{}'));
  const answers = await answered;
  expect(answers.filter((a) => a.result.error?.code === 'BAD_REQUEST')).toHaveLength(burst);

  // Still serving: a tool's normal request, and the page's own connection.
  expect(await call(tool, ++id, '"system:getInfo"', '{}')).toMatchObject({ id, result: { ok: true, value: { logicalProcessors: expect.any(Number) } } });
  tool.close();
  const fromPage = await page.evaluate(() => (window as unknown as { adminConsole: { system: { getInfo(r: object): Promise<unknown> } } }).adminConsole.system.getInfo({}));
  expect(fromPage).toMatchObject({ ok: true });
  const count = page.getByTestId('performance-sample-count');
  const before = Number(await count.textContent());
  await expect.poll(async () => Number(await count.textContent()), { timeout: 15_000 }).toBeGreaterThan(before);
});

test('a CSV export over 1 MiB from the preview is saved, and the host keeps serving', async ({ page }) => {
  test.setTimeout(120_000);
  await openConsole(page);
  await expect(page.getByTestId('performance-status')).toContainText('Live');
  const downloaded = page.waitForEvent('download');
  // Non-ASCII and a control character, so the frame (JSON with escapes) is larger than the text.
  const result = await page.evaluate(async () => {
    const content = `"Name","Note"\r\n${'"svchost.exe","é\u0001"\r\n'.repeat(200_000)}`;
    const api = (window as unknown as { adminConsole: { desktop: { saveCsv(r: object): Promise<unknown> } } }).adminConsole;
    return { length: content.length, answer: await api.desktop.saveCsv({ suggestedName: 'processes.csv', content }) };
  });
  expect(result.length).toBeGreaterThan(3.5 * 1024 * 1024);
  expect(result.answer).toEqual({ ok: true, value: { savedTo: 'processes.csv (downloaded by the browser)' } });
  const download = await downloaded;
  expect(download.suggestedFilename()).toBe('processes.csv');
  const stream = await download.createReadStream();
  let bytes = 0;
  for await (const chunk of stream) bytes += (chunk as Buffer).length;
  expect(bytes).toBe(Buffer.byteLength(`"Name","Note"\r\n${'"svchost.exe","é\u0001"\r\n'.repeat(200_000)}`));
  const again = await page.evaluate(() => (window as unknown as { adminConsole: { system: { getInfo(r: object): Promise<unknown> } } }).adminConsole.system.getInfo({}));
  expect(again).toMatchObject({ ok: true });
});
