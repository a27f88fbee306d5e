import { describe, expect, it } from 'vitest';
import { currentValues, describeCpu, describeMemory, describeThroughput, stats, statusMessage } from './summary';
import { sample } from './test-samples';

const T0 = 1_700_000_000_000;
const GB = 1024 ** 3;

describe('currentValues', () => {
  it('shows "—" for everything and zero samples before any sample', () => {
    const v = currentValues([]);
    expect(v.cpuText).toBe('—');
    expect(v.physicalInUseText).toBe('—');
    expect(v.committedText).toBe('—');
    expect(v.sampleCount).toBe(0);
    expect(v.sampleCountDetail).toBe(' samples');
    expect(v.lastSampleTime).toBeNull();
  });

  it('shows "—" for CPU on the first sample (cpuPercent null), never 0, but memory is real', () => {
    const v = currentValues([sample(T0, null, { totalGb: 16, availableGb: 12 })]);
    expect(v.cpuText).toBe('—');
    expect(v.cpuPercent).toBeNull();
    expect(v.physicalInUseBytes).toBe(4 * GB);
    expect(v.physicalInUseText).toBe('4.00 GB of 16.0 GB (25%)');
    expect(v.sampleCountDetail).toBe(' sample');
  });

  it('reports the newest sample and the span the samples cover', () => {
    const v = currentValues([sample(T0, null), sample(T0 + 125_000, 37.25, { committedGb: 9, limitGb: 24, cores: [1, 2, 3, 4] })]);
    expect(v.cpuText).toBe('37.3%');
    expect(v.committedBytes).toBe(9 * GB);
    expect(v.committedText).toBe('9.00 GB of 24.0 GB limit');
    expect(v.logicalProcessorsText).toBe('4');
    expect(v.sampleCountDetail).toBe(' samples over 2 min 5 s');
    expect(v.lastSampleTime).toBe(T0 + 125_000);
  });
});

describe('stats', () => {
  it('averages and peaks the readings present, skipping nulls', () => {
    expect(stats([null, 10, 30])).toEqual({ average: 20, peak: 30 });
    expect(stats([null])).toBeNull();
  });
});

describe('chart text alternatives', () => {
  it('describes CPU now, average and peak, or says there is no reading yet', () => {
    expect(describeCpu([sample(T0, null)])).toBe('No CPU reading yet: the first reading needs two samples.');
    expect(describeCpu([sample(T0, null), sample(T0 + 30_000, 20), sample(T0 + 60_000, 40)])).toBe(
      'CPU now 40.0%; over the last 1 min: average 30.0%, peak 40.0%.',
    );
  });

  it('describes memory in use and committed, now and at peak', () => {
    const text = describeMemory([
      sample(T0, 1, { availableGb: 8, committedGb: 10 }),
      sample(T0 + 10_000, 1, { availableGb: 12, committedGb: 9 }),
    ]);
    expect(text).toBe(
      'Physical memory in use now 4.00 GB of 16.0 GB, peak 8.00 GB; committed now 9.00 GB of 24.0 GB limit, peak 10.0 GB; over the last 10 s.',
    );
    expect(describeMemory([])).toBe('No memory reading yet.');
  });
});

describe('statusMessage', () => {
  it('says what is happening while there is nothing to chart', () => {
    expect(statusMessage('loading', 0, false)).toBe('Loading the last ten minutes of history…');
    expect(statusMessage('ready', 0, false)).toBe('Waiting for the first sample…');
    expect(statusMessage('failed', 0, false)).toBe('Waiting for the first sample…');
  });

  it('says Paused when updates are paused, with or without samples', () => {
    expect(statusMessage('ready', 0, true)).toMatch(/^Paused/);
    expect(statusMessage('ready', 10, true)).toMatch(/^Paused/);
  });

  it('says nothing when live samples are flowing', () => {
    expect(statusMessage('ready', 10, false)).toBeNull();
  });
});

describe('the figures beside CPU and memory', () => {
  const WINE_DISK = 'Wine does not report disk counters: DeviceIoControl(IOCTL_DISK_PERFORMANCE) failed: error 50';

  it('shows uptime, totals and rates from the newest sample', () => {
    const v = currentValues([sample(T0, null, { extra: { uptimeMs: 90_061_000, processCount: 1234, diskReadBytesPerSec: 1536 } })]);
    expect(v.uptimeText).toBe('1:01:01:01');
    expect(v.figures.processCount).toEqual({ text: '1,234', value: 1234, reason: null });
    expect(v.figures.diskReadBytesPerSec.text).toBe('1.50 KB/s');
  });

  it('shows an unreported figure as unknown with its reason, and a first-sample rate as unknown without one', () => {
    const unreported = { diskReadBytesPerSec: WINE_DISK, diskWriteBytesPerSec: WINE_DISK };
    const v = currentValues([sample(T0, null, { extra: { diskReadBytesPerSec: null, diskWriteBytesPerSec: null, networkReceivedBytesPerSec: null, unreported } })]);
    expect(v.figures.diskReadBytesPerSec).toEqual({ text: '—', value: null, reason: WINE_DISK });
    expect(v.figures.networkReceivedBytesPerSec).toEqual({ text: '—', value: null, reason: null });
  });

  it('describes a throughput chart, or says why it has no figures', () => {
    const series = [
      { field: 'diskReadBytesPerSec', name: 'read' },
      { field: 'diskWriteBytesPerSec', name: 'written' },
    ] as const;
    const samples = [
      sample(T0, null, { extra: { diskReadBytesPerSec: null, diskWriteBytesPerSec: null } }),
      sample(T0 + 1000, 1, { extra: { diskReadBytesPerSec: 1024, diskWriteBytesPerSec: 0 } }),
      sample(T0 + 2000, 1, { extra: { diskReadBytesPerSec: 3072, diskWriteBytesPerSec: 0 } }),
    ];
    expect(describeThroughput(samples, 'disk', series)).toBe(
      'Disk: read now 3.00 KB/s, average 2.00 KB/s, peak 3.00 KB/s; written now 0 bytes/s, average 0 bytes/s, peak 0 bytes/s; over the last 2 s.',
    );
    expect(describeThroughput(samples.slice(0, 1), 'disk', series)).toBe('No disk reading yet: a rate needs two samples.');
    const wine = sample(T0, 1, { extra: { diskReadBytesPerSec: null, diskWriteBytesPerSec: null, unreported: { diskReadBytesPerSec: WINE_DISK, diskWriteBytesPerSec: WINE_DISK } } });
    expect(describeThroughput([wine], 'disk', series)).toBe(`No disk figures: ${WINE_DISK}.`);
  });
});
