import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../logger';
import { readStoredJson, WriteQueue } from './stored-json';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stored-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('stored JSON', () => {
  it('reads a valid file, returns null for a missing one, and throws on other read errors', async () => {
    const schema = z.strictObject({ a: z.number() });
    const file = path.join(dir, 'f.json');
    expect(await readStoredJson(file, schema, silentLogger, 'test')).toBeNull();
    fs.writeFileSync(file, '{"a":1}');
    expect(await readStoredJson(file, schema, silentLogger, 'test')).toEqual({ a: 1 });
    fs.mkdirSync(path.join(dir, 'folder.json'));
    await expect(readStoredJson(path.join(dir, 'folder.json'), schema, silentLogger, 'test')).rejects.toThrow();
  });

  it('runs writes one at a time in call order, past failures', async () => {
    const queue = new WriteQueue();
    const order: string[] = [];
    let running = 0;
    const step = (name: string, fail = false) =>
      queue.run(async () => {
        running++;
        expect(running).toBe(1);
        await new Promise((r) => setTimeout(r, 5));
        order.push(name);
        running--;
        if (fail) throw new Error(name);
        return name;
      });
    const results = await Promise.allSettled([step('a'), step('b', true), step('c')]);
    expect(order).toEqual(['a', 'b', 'c']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
