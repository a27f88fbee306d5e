import { describe, expect, it, vi } from 'vitest';
import { jobCommands, type JobCommandHandlers } from './job-commands';

const handlers = (): JobCommandHandlers => ({
  onLaunch: vi.fn(),
  onAddProcess: vi.fn(),
  onEditLimits: vi.fn(),
  onTerminate: vi.fn(),
  onClose: vi.fn(),
  onShowDetails: vi.fn(),
  onNew: vi.fn(),
  onOpenByName: vi.fn(),
  onTemplates: vi.fn(),
  onClearFilter: vi.fn(),
});

describe('jobCommands', () => {
  it("runs the toolbar's handlers for an open job, naming it", () => {
    const h = handlers();
    const commands = jobCommands({ name: 'Build', open: true }, '', h);
    const terminate = commands.find((c) => c.id === 'palette-job-terminate');
    expect(terminate?.detail).toBe('Build');
    expect(terminate?.disabledReason).toBeNull();
    terminate?.run();
    expect(h.onTerminate).toHaveBeenCalledOnce();
  });

  it('says why actions cannot run: no job selected, or a job saved but not open (close still can)', () => {
    const none = jobCommands(null, '', handlers());
    for (const c of none.filter((x) => x.group === 'Action')) expect(c.disabledReason).toBe('Select a job first');
    const saved = jobCommands({ name: 'Old', open: false }, '', handlers());
    expect(saved.find((c) => c.id === 'palette-job-launch')?.disabledReason).toBe('The job is saved but not open');
    expect(saved.find((c) => c.id === 'palette-job-close')?.disabledReason).toBeNull();
    expect(none.find((c) => c.id === 'palette-job-new')?.disabledReason).toBeUndefined();
  });

  it('offers clearing the filter only when there is one', () => {
    expect(jobCommands(null, '', handlers()).some((c) => c.id === 'palette-job-clear-filter')).toBe(false);
    expect(jobCommands(null, 'open', handlers()).find((c) => c.id === 'palette-job-clear-filter')?.detail).toBe('open');
  });
});
