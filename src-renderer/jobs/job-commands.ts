/**
 * The Jobs view's command palette entries: the toolbar's actions on the selected job (the same handlers,
 * so main still confirms terminate and close) and the view's own (new, open by name, templates, the
 * filter). Pure, so the list is unit tested.
 */
import type { PaletteCommand } from '../shared/palette-commands';

/** The selected job as the commands need it; null when none is. */
export interface SelectedJob {
  readonly name: string;
  /** The console holds it now (a saved definition not yet recreated cannot take actions). */
  readonly open: boolean;
}

/** What the commands run: the toolbar's handlers. */
export interface JobCommandHandlers {
  readonly onLaunch: () => void;
  readonly onAddProcess: () => void;
  readonly onEditLimits: () => void;
  readonly onTerminate: () => void;
  readonly onClose: () => void;
  readonly onShowDetails: () => void;
  readonly onNew: () => void;
  readonly onOpenByName: () => void;
  readonly onTemplates: () => void;
  readonly onClearFilter: () => void;
}

/** Every command for the selected job and the view. */
export function jobCommands(job: SelectedJob | null, filter: string, h: JobCommandHandlers): PaletteCommand[] {
  const needsOpen = job === null ? 'Select a job first' : job.open ? null : 'The job is saved but not open';
  const needsJob = job === null ? 'Select a job first' : null;
  const detail = job?.name;
  const action = (id: string, label: string, why: string | null, run: () => void, keywords?: string): PaletteCommand => ({
    id: `palette-job-${id}`,
    group: 'Action',
    label,
    detail,
    keywords,
    disabledReason: why,
    run,
  });
  const commands: PaletteCommand[] = [
    action('launch', 'Launch command in job…', needsOpen, h.onLaunch, 'run start'),
    action('add-process', 'Add process to job…', needsOpen, h.onAddProcess, 'assign'),
    action('edit-limits', 'Edit job limits…', needsOpen, h.onEditLimits, 'memory cpu rate quota'),
    action('terminate', 'Terminate job…', needsOpen, h.onTerminate, 'kill end stop'),
    action('close', 'Close job…', needsJob, h.onClose, 'release forget'),
    { id: 'palette-job-details', group: 'View', label: 'Go to the job details', detail, keywords: 'members accounting events', disabledReason: needsJob, run: h.onShowDetails },
    { id: 'palette-job-new', group: 'View', label: 'New job…', keywords: 'create', run: h.onNew },
    { id: 'palette-job-open', group: 'View', label: 'Open job by name…', keywords: 'attach existing', run: h.onOpenByName },
    { id: 'palette-job-templates', group: 'View', label: 'Job templates…', keywords: 'limits presets', run: h.onTemplates },
  ];
  if (filter.trim() !== '') commands.push({ id: 'palette-job-clear-filter', group: 'View', label: 'Clear the job filter', detail: filter.trim(), run: h.onClearFilter });
  return commands;
}
