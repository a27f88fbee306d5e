/**
 * A run's output as the Run view keeps it: chunks of stdout and stderr in arrival order, bounded (the
 * oldest text dropped first) so a chatty command cannot grow the renderer's memory or the DOM without
 * limit; it counts what it dropped so the view can say so. Adjacent chunks of the same stream merge,
 * keeping the number of spans small. Pure, unit tested.
 */

/** Characters kept: about 1 MB of text, as main keeps per run. */
export const MAX_OUTPUT_CHARS = 1024 * 1024;
/** Spans kept at most, however small (a stream switching every line would otherwise make thousands). */
export const MAX_OUTPUT_CHUNKS = 2000;

/** One stretch of one stream. `id` is stable for the chunk's life (the React key). */
export interface OutputChunk {
  readonly id: number;
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
}

/** The buffer. Mutates in place; `version` bumps on every change. */
export class OutputBuffer {
  chunks: OutputChunk[] = [];
  /** Characters held now. */
  chars = 0;
  /** Characters this buffer dropped from the start to stay within its bounds. */
  droppedChars = 0;
  /** The same dropped text in UTF-8 bytes, the unit main counts its own truncation in. */
  droppedBytes = 0;
  /**
   * Bytes of the run's output before the first text this buffer was given: main's truncation when the
   * output came from run:getOutput (main kept only the newest part). 0 for output followed live.
   */
  skippedBytes = 0;
  version = 0;
  private nextId = 1;

  constructor(
    private readonly maxChars = MAX_OUTPUT_CHARS,
    private readonly maxChunks = MAX_OUTPUT_CHUNKS,
  ) {}

  /** Appends text of one stream, then drops the oldest text beyond the bounds. */
  append(stream: 'stdout' | 'stderr', text: string): void {
    if (text === '') return;
    const last = this.chunks[this.chunks.length - 1];
    if (last && last.stream === stream) {
      this.chunks[this.chunks.length - 1] = { id: last.id, stream, text: last.text + text };
    } else {
      this.chunks.push({ id: this.nextId++, stream, text });
    }
    this.chars += text.length;
    this.trim();
    this.version++;
  }

  /** Empties the buffer (a new run, or output loaded from history that starts `skippedBytes` into the output). */
  clear(skippedBytes = 0): void {
    this.chunks = [];
    this.chars = 0;
    this.droppedChars = 0;
    this.droppedBytes = 0;
    this.skippedBytes = skippedBytes;
    this.version++;
  }

  /** Bytes of the run's output from its start that this view does not hold (never given, or dropped). */
  get missingBytes(): number {
    return this.skippedBytes + this.droppedBytes;
  }

  /** All kept text of both streams, in order (for Copy). */
  text(): string {
    return this.chunks.map((c) => c.text).join('');
  }

  private trim(): void {
    while (this.chunks.length > this.maxChunks) {
      const first = this.chunks.shift() as OutputChunk;
      this.drop(first.text);
    }
    while (this.chars > this.maxChars) {
      const first = this.chunks[0] as OutputChunk;
      const excess = this.chars - this.maxChars;
      if (first.text.length <= excess) {
        this.chunks.shift();
        this.drop(first.text);
      } else {
        this.chunks[0] = { id: first.id, stream: first.stream, text: first.text.slice(excess) };
        this.drop(first.text.slice(0, excess));
      }
    }
  }

  private drop(text: string): void {
    this.chars -= text.length;
    this.droppedChars += text.length;
    this.droppedBytes += utf8Length(text);
  }
}

/** UTF-8 bytes of a string, as main counts them (a lone surrogate as the 3 bytes of U+FFFD). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Output buffers kept for runs seen in the Run view (the shown one is never dropped). */
export const MAX_RUN_BUFFERS = 4;

/**
 * The Run view's buffers by run id: chunks of any run land in its buffer (output can arrive before
 * run:start answers), at most `max` buffers, the oldest not-shown one dropped first.
 */
export class RunOutputs {
  /** The run the view shows, whose buffer is kept whatever arrives. */
  shownId: string | null = null;
  private readonly buffers = new Map<string, OutputBuffer>();

  constructor(private readonly max = MAX_RUN_BUFFERS) {}

  /** Names the run the view shows (its buffer is then never dropped). */
  show(id: string | null): void {
    this.shownId = id;
  }

  /** The buffer of a run, if the view has one. */
  get(id: string): OutputBuffer | undefined {
    return this.buffers.get(id);
  }

  /** The buffer of a run, made when new (then the oldest buffer beyond the bound, never the shown one, is dropped). */
  bufferFor(id: string): OutputBuffer {
    let b = this.buffers.get(id);
    if (b) return b;
    b = new OutputBuffer();
    this.buffers.set(id, b);
    for (const key of [...this.buffers.keys()]) {
      if (this.buffers.size <= this.max) break;
      if (key !== this.shownId && key !== id) this.buffers.delete(key);
    }
    return b;
  }

  /** How many buffers are held. */
  get size(): number {
    return this.buffers.size;
  }
}
