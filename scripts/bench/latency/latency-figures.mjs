// The arithmetic of the latency bench (scripts/bench/latency/latency-bench.mjs), kept apart so it is unit
// tested: pairing each event's time (taken where it happened, in Wine) with the time the page showed it,
// the median and the worst, the target each kind is held to, and how far apart the two clocks can be.
// All times are wall-clock milliseconds since 1970 (Date.now()'s scale) with fractions.

/** Median of a list of numbers (the mean of the two middle ones for an even count); null for none. */
export function median(values) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round1 = (x) => Math.round(x * 10) / 10;

/**
 * Pairs events with screen times by id. An event the page never showed, or showed before it happened by
 * more than the clocks can disagree (`clockBoundMs`), is a failure of the bench, not a figure: it throws
 * with the id, so a broken pairing can never pass as a fast screen.
 * With `arrivals` (when the page received the pushed event that carries each change, by key), an event
 * naming an `arrivalKey` also gets `arrivedMs`: the first arrival under that key from the event on (within
 * the clocks' bound), or null. It splits the time into main + transport and the renderer's part.
 * @param {{ id: string, eventMs: number, arrivalKey?: string }[]} events
 * @param {{ id: string, screenMs: number }[]} screens
 * @param {number} clockBoundMs
 * @param {{ key: string, ms: number }[]} [arrivals]
 * @returns {{ id: string, eventMs: number, screenMs: number, latencyMs: number, arrivedMs: number | null }[]}
 */
export function pairEvents(events, screens, clockBoundMs, arrivals = []) {
  const byId = new Map();
  for (const s of screens) {
    if (byId.has(s.id)) throw new Error(`screen time for ${s.id} recorded twice`);
    byId.set(s.id, s.screenMs);
  }
  return events.map(({ id, eventMs, arrivalKey }) => {
    const screenMs = byId.get(id);
    if (screenMs === undefined) throw new Error(`event ${id} was never shown on screen`);
    const latencyMs = screenMs - eventMs;
    if (latencyMs < -clockBoundMs) throw new Error(`event ${id} shown ${(-latencyMs).toFixed(1)} ms before it happened (clocks agree within ${clockBoundMs.toFixed(1)} ms): wrong pairing`);
    const arrival = arrivalKey === undefined ? undefined : arrivals.find((a) => a.key === arrivalKey && a.ms >= eventMs - clockBoundMs);
    return { id, eventMs, screenMs, latencyMs, arrivedMs: arrival ? arrival.ms : null };
  });
}

/**
 * The figures for one kind of event: count, median, worst and whether the worst is within the target;
 * with arrival times for all, also the median and worst from the event to the page receiving its push.
 * @param {{ latencyMs: number, eventMs?: number, arrivedMs?: number | null }[]} pairs
 * @param {number} targetMs
 */
export function summarizeLatency(pairs, targetMs) {
  if (pairs.length === 0) throw new Error('no events to summarize');
  const latencies = pairs.map((p) => p.latencyMs);
  const worst = Math.max(...latencies);
  const summary = {
    events: pairs.length,
    medianMs: round1(median(latencies)),
    worstMs: round1(worst),
    targetMs,
    met: worst <= targetMs,
    latenciesMs: latencies.map(round1),
  };
  // Where the time went, when every event's push was seen arriving in the page: event -> page received it.
  if (pairs.every((p) => typeof p.arrivedMs === 'number')) {
    const toPage = pairs.map((p) => p.arrivedMs - p.eventMs);
    return { ...summary, toPageMedianMs: round1(median(toPage)), toPageWorstMs: round1(Math.max(...toPage)) };
  }
  return summary;
}

/**
 * The targets (issue 11, "Latency, measured"): tables within one refresh interval plus 100 ms. The
 * Processes table follows the admin's refresh interval; the Services table is filled by its own SCM poll
 * (SERVICE_POLL_MS, src-main/core/services/service-collector.ts), which the admin does not set, so its
 * "refresh interval" is that poll's. A run's end: 250 ms, after a flood of output too.
 * An exited process's row is marked exited at the first refresh that misses it (processExit, held to the
 * issue's target) and removed one refresh later, on purpose (src-renderer/processes/process-store.ts:
 * exited rows stay one refresh, in red), so its removal (processGone) gets one more interval.
 * @param {{ refreshIntervalMs: number, servicePollMs: number }} intervals
 */
export function latencyTargets({ refreshIntervalMs, servicePollMs }) {
  return { processExit: refreshIntervalMs + 100, processGone: 2 * refreshIntervalMs + 100, serviceState: servicePollMs + 100, runEnd: 250, runEndAfterFlood: 250 };
}

/**
 * How far apart two clocks are, from round trips: each sample is the asking side's time before and after
 * and the other side's reading in between. The sample with the shortest round trip bounds it best: the
 * other clock read somewhere in [before, after], so the offset is its reading minus the midpoint, give or
 * take half the round trip.
 * @param {{ beforeMs: number, otherMs: number, afterMs: number }[]} samples
 * @returns {{ offsetMs: number, boundMs: number, samples: number }}
 */
export function clockOffset(samples) {
  if (samples.length === 0) throw new Error('no clock samples');
  let best = samples[0];
  for (const s of samples) if (s.afterMs - s.beforeMs < best.afterMs - best.beforeMs) best = s;
  const rtt = best.afterMs - best.beforeMs;
  return { offsetMs: round3(best.otherMs - (best.beforeMs + best.afterMs) / 2), boundMs: round3(rtt / 2), samples: samples.length };
}

const round3 = (x) => Math.round(x * 1000) / 1000;

/** The wall-clock time on a test-service log line written with --log-wall-clock ("<ms> state paused"), for the last line with `text`; null if none. */
export function lastLogTime(log, text) {
  let found = null;
  for (const line of log.split(/\r?\n/)) {
    const m = /^(\d+(?:\.\d+)?) (.*)$/.exec(line);
    if (m && m[2] === text) found = Number(m[1]);
  }
  return found;
}

/** test-child's stamp file: "pid <PID>\n" and, once it called ExitProcess, "exit <ms>\n". */
export function parseStampFile(text) {
  const pid = /^pid (\d+)$/m.exec(text);
  const exit = /^exit (\d+(?:\.\d+)?)$/m.exec(text);
  return { pid: pid ? Number(pid[1]) : null, exitMs: exit ? Number(exit[1]) : null };
}
