/**
 * A run's stdout and stderr as the Run dialog shows them: decoded text in arrival order, bounded so a chatty
 * command cannot grow the console's memory. Past the cap the OLDEST output goes (the dialog shows a
 * "truncated" marker with the count), the newest stays.
 */
import { TextDecoder } from 'node:util';

/** Which pipe a piece of output came from. */
export type OutputStream = 'stdout' | 'stderr';

/** A piece of output, oldest first in `chunks()`. */
export interface OutputChunk {
  stream: OutputStream;
  text: string;
}

/** 1 MiB of output kept per run. */
export const DEFAULT_OUTPUT_CAP_BYTES = 1024 * 1024;
/**
 * At most this many chunks are kept, whatever their size: each costs an object besides its text, so a
 * command interleaving one-byte writes on stdout and stderr would otherwise cost ~100 bytes per output byte.
 */
export const DEFAULT_MAX_CHUNKS = 20_000;
/** Consecutive output on one stream is merged into chunks of up to this many UTF-16 units (well under the contract's 1 MiB per chunk). */
export const MAX_CHUNK_CHARS = 64 * 1024;

/** UTF-8 bytes of a string (a lone surrogate counts as the 3 bytes of U+FFFD, as Buffer encodes it). */
export const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/**
 * Turns a pipe's bytes into text across reads: a multi-byte character split between two reads is held back
 * until its last byte arrives instead of becoming two replacement characters. Invalid bytes become U+FFFD.
 * The encoding is a WHATWG label ("utf-8" by default; "utf-16le" for programs that write UTF-16).
 */
export class StreamDecoder {
  private readonly decoder: TextDecoder;

  constructor(encoding = 'utf-8') {
    this.decoder = new TextDecoder(encoding, { fatal: false });
  }

  /** The text completed by these bytes. */
  write(bytes: Uint8Array): string {
    return this.decoder.decode(bytes, { stream: true });
  }

  /** What is still held back (an incomplete character becomes U+FFFD); the decoder starts afresh after. */
  end(): string {
    return this.decoder.decode();
  }
}

interface Kept extends OutputChunk {
  bytes: number;
}

/**
 * The bounded buffer. Sizes are counted in UTF-8 bytes of the decoded text: for UTF-8 output that is exactly
 * what the command wrote, so "truncated 12 KB" means 12 KB of its output, and the memory held stays under
 * twice the cap (a UTF-8 byte never becomes more than one UTF-16 unit). When the kept bytes pass the cap, whole
 * oldest chunks are dropped, then the start of the oldest remaining one (cut on a character boundary); every
 * dropped byte is counted in `truncatedBytes`.
 */
export class OutputBuffer {
  /** Dropped entries before `head` are cleared (undefined) so their text can be collected. */
  private kept: (Kept | undefined)[] = [];
  /** Index of the oldest kept chunk in `kept` (dropping from the front without shifting the array each time). */
  private head = 0;
  private keptTotal = 0;
  private appended = 0;
  private dropped = 0;
  private readonly decoders: Record<OutputStream, StreamDecoder>;
  private readonly maxChunks: number;

  constructor(
    readonly capBytes: number = DEFAULT_OUTPUT_CAP_BYTES,
    options: { maxChunks?: number; encoding?: string } = {},
  ) {
    if (!(capBytes >= 4)) throw new RangeError('the output cap must be at least 4 bytes (one character)');
    this.maxChunks = Math.max(1, options.maxChunks ?? DEFAULT_MAX_CHUNKS);
    this.decoders = { stdout: new StreamDecoder(options.encoding), stderr: new StreamDecoder(options.encoding) };
  }

  /** Decodes bytes read from one pipe, keeps the text, and returns it (for the live push; may be ''). */
  append(stream: OutputStream, bytes: Uint8Array): string {
    const text = this.decoders[stream].write(bytes);
    this.appendText(stream, text);
    return text;
  }

  /** The pipe closed: flushes its decoder, keeps what was held back and returns it (usually ''). */
  end(stream: OutputStream): string {
    const text = this.decoders[stream].end();
    this.appendText(stream, text);
    return text;
  }

  /** Keeps already-decoded text. */
  appendText(stream: OutputStream, text: string): void {
    if (!text) return;
    const bytes = utf8Bytes(text);
    this.appended += bytes;
    const last = this.kept.length > this.head ? this.kept[this.kept.length - 1] : undefined;
    if (last && last.stream === stream && last.text.length + text.length <= MAX_CHUNK_CHARS) {
      last.text += text;
      last.bytes += bytes;
      this.keptTotal += bytes;
    } else {
      for (const piece of splitText(text, MAX_CHUNK_CHARS)) {
        const pieceBytes = piece === text ? bytes : utf8Bytes(piece);
        this.kept.push({ stream, text: piece, bytes: pieceBytes });
        this.keptTotal += pieceBytes;
      }
    }
    this.trim();
  }

  /** The kept output, oldest first (copies). */
  chunks(): OutputChunk[] {
    const result: OutputChunk[] = [];
    for (let i = this.head; i < this.kept.length; i++) {
      const chunk = this.kept[i]!;
      result.push({ stream: chunk.stream, text: chunk.text });
    }
    return result;
  }

  /** Every byte of output so far, kept or dropped. */
  get totalBytes(): number {
    return this.appended;
  }

  /** Bytes dropped from the start to stay under the cap. */
  get truncatedBytes(): number {
    return this.dropped;
  }

  /** Bytes kept now (at most the cap). */
  get keptBytes(): number {
    return this.keptTotal;
  }

  private trim(): void {
    while (this.kept.length - this.head > this.maxChunks) this.dropOldest();
    while (this.keptTotal > this.capBytes) {
      const oldest = this.kept[this.head]!;
      const excess = this.keptTotal - this.capBytes;
      if (oldest.bytes <= excess) {
        this.dropOldest();
        continue;
      }
      const encoded = Buffer.from(oldest.text, 'utf8');
      let cut = excess;
      // Move the cut forward to the start of a character (UTF-8 continuation bytes are 10xxxxxx).
      while (cut < encoded.length && (encoded[cut]! & 0xc0) === 0x80) cut++;
      oldest.text = encoded.subarray(cut).toString('utf8');
      oldest.bytes -= cut;
      this.keptTotal -= cut;
      this.dropped += cut;
      if (oldest.bytes === 0) this.dropOldest();
    }
    if (this.head > 1024 && this.head * 2 > this.kept.length) {
      this.kept = this.kept.slice(this.head);
      this.head = 0;
    }
  }

  private dropOldest(): void {
    const oldest = this.kept[this.head]!;
    this.kept[this.head] = undefined;
    this.head++;
    this.keptTotal -= oldest.bytes;
    this.dropped += oldest.bytes;
  }
}

/** Splits text into pieces of at most `max` UTF-16 units, never between the two halves of a surrogate pair. */
export function splitText(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + max, text.length);
    const previous = text.charCodeAt(end - 1);
    if (end < text.length && previous >= 0xd800 && previous <= 0xdbff && end - 1 > start) end--;
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces;
}
