import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RenderPacer } from './render-pacer';

describe('RenderPacer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('makes one render per gap however many changes arrive', () => {
    const render = vi.fn();
    const pacer = new RenderPacer(render, 100);
    for (let i = 0; i < 50; i++) pacer.request();
    expect(render).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(render).toHaveBeenCalledTimes(1);
    pacer.request();
    vi.advanceTimersByTime(99);
    expect(render).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(render).toHaveBeenCalledTimes(2);
  });

  it('flush renders at once and drops the pending render; cancel drops it without rendering', () => {
    const render = vi.fn();
    const pacer = new RenderPacer(render, 100);
    pacer.request();
    pacer.flush();
    expect(render).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(500);
    expect(render).toHaveBeenCalledTimes(1);
    pacer.request();
    pacer.cancel();
    vi.advanceTimersByTime(500);
    expect(render).toHaveBeenCalledTimes(1);
  });

  it('flushAfterPaint renders once after the next paint, replacing a pending render; cancel drops it', () => {
    const render = vi.fn();
    const paints: (() => void)[] = [];
    const timers = {
      setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
      clearTimeout: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>),
      afterPaint: (fn: () => void) => {
        paints.push(fn);
        return () => paints.splice(paints.indexOf(fn), 1);
      },
    };
    const pacer = new RenderPacer(render, 100, timers);
    pacer.request();
    pacer.flushAfterPaint();
    vi.advanceTimersByTime(500);
    expect(render).not.toHaveBeenCalled();
    pacer.request(); // output arriving after the end waits for the same render
    expect(paints).toHaveLength(1);
    paints[0]!();
    expect(render).toHaveBeenCalledTimes(1);
    pacer.flushAfterPaint();
    pacer.cancel();
    expect(paints).toHaveLength(1); // the spent one; the cancelled one is gone
    vi.advanceTimersByTime(500);
    expect(render).toHaveBeenCalledTimes(1);
  });
});
