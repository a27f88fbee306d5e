/**
 * The renderer's job store: the whole job list as main last pushed it (jobs are few, so every
 * jobs:changed carries all of them), the event timeline merged by id and bounded, the templates, and
 * each job's chart history. Pure TypeScript (a VersionedStore React watches), unit tested in node.
 */
import type { JobChartSampleValue, JobEventValue, JobRowValue, JobsChangedValue, JobsSnapshotValue, JobTemplateValue } from '../../src-preload/contract/job-schemas';
import { VersionedStore } from '../shared/versioned-store';
import { JobHistory } from './job-history';
import { mergeById } from '../shared/merge-by-id';

/** Events kept; main sends at most 2,000 per snapshot. */
export const MAX_EVENTS = 2000;

/** Merges events by id (ids grow while main runs), oldest first, keeping the newest `max`. */
export function mergeEvents(current: readonly JobEventValue[], incoming: readonly JobEventValue[], max = MAX_EVENTS): readonly JobEventValue[] {
  return mergeById(current, incoming, max);
}

/** The store. */
export class JobsStore extends VersionedStore {
  /** Main's time of what the store holds; 0 before anything arrived. */
  time = 0;
  /** True once a snapshot has been applied. */
  loaded = false;
  jobs: readonly JobRowValue[] = [];
  /** Oldest first. */
  events: readonly JobEventValue[] = [];
  templates: readonly JobTemplateValue[] = [];
  readonly history = new JobHistory();

  /** `logicalProcessors` turns CPU time into a percent of the machine for the charts. */
  constructor(public logicalProcessors = 1) {
    super();
  }

  /** The machine's logical processors (system:getInfo answers after the store is made). */
  setLogicalProcessors(count: number): void {
    this.logicalProcessors = count;
  }

  /** A job by name. */
  job(name: string): JobRowValue | undefined {
    return this.jobs.find((j) => j.name === name);
  }

  /** The full state from jobs:getSnapshot. A snapshot older than a tick already applied keeps that tick's jobs. */
  applySnapshot(snapshot: JobsSnapshotValue): void {
    const current = snapshot.time >= this.time;
    if (current) this.setJobs(snapshot.jobs, snapshot.time);
    const newestHeld = this.events[this.events.length - 1]?.id ?? -1;
    const newestGiven = snapshot.events[snapshot.events.length - 1]?.id ?? -1;
    // Ids only grow while main runs: a snapshot as new as what we hold whose newest id is older comes from
    // a restarted main. (One older than a tick already applied merely answered late: merge.)
    this.events = current && newestGiven < newestHeld ? snapshot.events.slice(-MAX_EVENTS) : mergeEvents(this.events, snapshot.events);
    this.templates = snapshot.templates;
    this.loaded = true;
    this.notifyChanged();
  }

  /**
   * One jobs:changed tick. Returns the events the store had not seen (newer than its newest); a tick
   * older than what the store holds changes nothing.
   */
  applyChanged(changed: JobsChangedValue): JobEventValue[] {
    if (changed.time < this.time) return [];
    const newestHeld = this.events[this.events.length - 1]?.id ?? -1;
    const fresh = changed.events.filter((e) => e.id > newestHeld);
    this.setJobs(changed.jobs, changed.time);
    this.events = mergeEvents(this.events, changed.events);
    this.notifyChanged();
    return fresh;
  }

  /** One job as an action answered it (jobs:setLimits): replaces that job's row until the next tick. */
  replaceJob(row: JobRowValue): void {
    this.jobs = this.jobs.some((j) => j.name === row.name) ? this.jobs.map((j) => (j.name === row.name ? row : j)) : [...this.jobs, row];
    this.notifyChanged();
  }

  /** The templates as main saved them (jobs:saveTemplate / jobs:deleteTemplate answer the whole list). */
  setTemplates(templates: readonly JobTemplateValue[]): void {
    this.templates = templates;
    this.notifyChanged();
  }

  /** Main's chart history of one job (jobs:history) in place of what this store gathered since it was made. */
  loadHistory(name: string, samples: readonly JobChartSampleValue[]): void {
    if (this.history.load(name, samples, this.logicalProcessors)) this.notifyChanged();
  }

  /** The events of one job, newest first, at most `limit`. */
  eventsOf(name: string, limit = 300): JobEventValue[] {
    const shown: JobEventValue[] = [];
    for (let i = this.events.length - 1; i >= 0 && shown.length < limit; i--) {
      const e = this.events[i] as JobEventValue;
      if (e.job === name) shown.push(e);
    }
    return shown;
  }

  private setJobs(jobs: readonly JobRowValue[], time: number): void {
    this.jobs = jobs;
    this.time = time;
    this.history.add(jobs, time, this.logicalProcessors);
  }
}
