import { describe, expect, it } from 'vitest';
import { JOB_EVENT_KINDS, JobEvent } from '../../../src-preload/contract/job-schemas';
import type { JobMessage } from './job-system';
import { eventForMessage, JobTimeline, type NewJobEvent } from './job-timeline';

const event = (time: number, text: string, kind: NewJobEvent['kind'] = 'other'): NewJobEvent => ({ time, job: 'Build', kind, pid: null, text, important: false });
const texts = (events: { text: string }[]) => events.map((e) => e.text);

describe('JobTimeline', () => {
  it('numbers entries with increasing ids and lists them oldest first', () => {
    const timeline = new JobTimeline();
    expect(timeline.add(event(10, 'a')).id).toBe(1);
    expect(timeline.add(event(20, 'b')).id).toBe(2);
    expect(timeline.add(event(20, 'c')).id).toBe(3);
    expect(timeline.all().map((e) => [e.id, e.text])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ]);
  });

  it('drain returns only what was added since the last drain', () => {
    const timeline = new JobTimeline();
    timeline.add(event(1, 'a'));
    timeline.add(event(2, 'b'));
    expect(texts(timeline.drain())).toEqual(['a', 'b']);
    expect(timeline.drain()).toEqual([]);
    timeline.add(event(3, 'c'));
    expect(texts(timeline.drain())).toEqual(['c']);
    expect(texts(timeline.all())).toEqual(['a', 'b', 'c']);
  });

  it('places a port message stamped before an admin entry by its time, and still drains it once', () => {
    const timeline = new JobTimeline();
    timeline.add(event(100, 'launched', 'launched'));
    expect(texts(timeline.drain())).toEqual(['launched']);
    const late = timeline.add(event(95, 'new process', 'newProcess'));
    timeline.add(event(105, 'exited', 'exitProcess'));
    expect(late.id).toBe(2);
    expect(texts(timeline.all())).toEqual(['new process', 'launched', 'exited']);
    expect(texts(timeline.drain())).toEqual(['new process', 'exited']);
  });

  it('orders entries with the same time by id', () => {
    const timeline = new JobTimeline();
    timeline.add(event(5, 'first'));
    timeline.add(event(9, 'later'));
    timeline.add(event(5, 'second'));
    expect(texts(timeline.all())).toEqual(['first', 'second', 'later']);
  });

  it('is bounded: the earliest entries go, and ones dropped before a drain are never pushed', () => {
    const timeline = new JobTimeline();
    for (let i = 0; i < 1500; i++) timeline.add(event(i, `e${i}`));
    const all = timeline.all();
    expect(all).toHaveLength(1000);
    expect(all[0]?.text).toBe('e500');
    expect(all.at(-1)?.id).toBe(1500);
    expect(timeline.drain()).toHaveLength(1000);
    const small = new JobTimeline(2);
    small.add(event(3, 'x'));
    small.add(event(1, 'old'));
    small.add(event(2, 'y'));
    expect(texts(small.all())).toEqual(['y', 'x']);
  });

  it('returns copies: changing them does not change the timeline', () => {
    const timeline = new JobTimeline();
    timeline.add(event(1, 'a'));
    timeline.all()[0]!.text = 'changed';
    expect(timeline.all()[0]?.text).toBe('a');
  });
});

describe('eventForMessage', () => {
  const kinds: JobMessage['kind'][] = [
    'newProcess',
    'exitProcess',
    'abnormalExitProcess',
    'activeProcessZero',
    'activeProcessLimit',
    'processMemoryLimit',
    'jobMemoryLimit',
    'endOfJobTime',
    'endOfProcessTime',
    'notificationLimit',
    'other',
  ];

  it('flags limits, abnormal exits and the job emptying as important; joins and normal exits not', () => {
    const important = Object.fromEntries(kinds.map((kind) => [kind, eventForMessage('Build', { kind, code: 0, pid: 42 }, 1).important]));
    expect(important).toEqual({
      newProcess: false,
      exitProcess: false,
      abnormalExitProcess: true,
      activeProcessZero: true,
      activeProcessLimit: true,
      processMemoryLimit: true,
      jobMemoryLimit: true,
      endOfJobTime: true,
      endOfProcessTime: true,
      notificationLimit: true,
      other: false,
    });
  });

  it('gives entries the contract accepts, with the pid and the time', () => {
    for (const kind of kinds) {
      expect(JOB_EVENT_KINDS).toContain(kind);
      const entry = eventForMessage('Build', { kind, code: 7, pid: kind === 'activeProcessZero' ? null : 4242 }, 1234);
      expect(JobEvent.parse({ ...entry, id: 1 })).toMatchObject({ time: 1234, job: 'Build', kind });
      expect(entry.text.length).toBeGreaterThan(5);
    }
    expect(eventForMessage('Build', { kind: 'newProcess', code: 6, pid: 4242 }, 1)).toEqual({ time: 1, job: 'Build', kind: 'newProcess', pid: 4242, text: 'Process 4242 joined the job.', important: false });
    expect(eventForMessage('Build', { kind: 'processMemoryLimit', code: 9, pid: null }, 1).text).toBe('A process hit the memory-per-process limit: an allocation failed.');
    expect(eventForMessage('Build', { kind: 'other', code: 99, pid: 5 }, 1).text).toBe('The job reported message 99 about process 5.');
  });
});
