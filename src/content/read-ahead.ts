import path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { FileReading } from './cache.ts';

/** What the reading thread made of one article file: the same as the build's thread would (readArticleFile). */
export interface PreparedFile {
  index: number;
  /** The file as the build names it (its problems name it so). */
  file: string;
  /** sha256 (hex) of the bytes it read. */
  digest: string;
  reading: FileReading;
  body?: string;
}

/** The thread's message for a file it could not read (gone since it was listed): the build's thread reads it and reports why. */
export interface UnreadFile {
  index: number;
  digest?: undefined;
}

/** Who read a file: claims[i] of the shared array. */
export const FREE = 0;
export const MAIN = 1;
export const AHEAD = 2;
/** Slots of the shared state: batches posted so far, and 1 once the thread is done (finished or failed). */
export const POSTED = 0;
export const DONE = 1;

/** How long the build's thread waits, at most, for a batch before reading the file itself. */
const PATIENCE_MS = 30_000;

/**
 * Article files read and parsed on a second thread while the build's thread
 * reads the others: reading 20,000 front matters is seconds of work on one
 * core, and the other core has nothing to do until Eleventy renders. Each
 * side claims a file before reading it, the build's thread from the first,
 * the reading thread from the last, so they meet wherever the machine lets
 * them. A file the thread claimed is waited for, which happens only where
 * the two meet.
 */
export class ReadAhead {
  private readonly index: Map<string, number>;
  private readonly claims: Int32Array;
  private readonly state: Int32Array;
  private readonly port: MessagePort;
  private readonly prepared = new Map<number, PreparedFile | UnreadFile>();
  private readonly worker: Worker;
  private readonly exited: Promise<void>;

  /** `files` as the build names them (articleFiles): the thread's problems name them so. */
  constructor(files: string[]) {
    this.index = new Map(files.map((file, at) => [path.resolve(file), at]));
    this.claims = new Int32Array(new SharedArrayBuffer(files.length * 4));
    this.state = new Int32Array(new SharedArrayBuffer(8));
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    // Plain JavaScript that registers tsx: Node 20 gives a worker thread none of the main thread's loader hooks.
    this.worker = new Worker(new URL('./read-ahead-thread.js', import.meta.url), {
      workerData: { files, claims: this.claims, state: this.state, port: port2 },
      transferList: [port2],
      // A young generation 3 times the default: parsing YAML makes short-lived objects, and fewer collections leave more of the core to reading.
      resourceLimits: { maxYoungGenerationSizeMb: 48 },
    });
    this.worker.unref();
    this.exited = new Promise((resolve) => {
      // A thread that fails leaves its files to the build's thread, which reads them and reports what it finds.
      this.worker.on('error', () => {});
      this.worker.on('exit', () => resolve());
    });
  }

  /** Settles once the thread has ended; kept alive until then (the build never waits for it: it claims files instead). */
  ended(): Promise<void> {
    this.worker.ref();
    return this.exited;
  }

  /** Whether `file` (absolute) is one of the files read ahead. */
  has(file: string): boolean {
    return this.index.has(file);
  }

  /**
   * Claims `file` (absolute) for the build's thread: undefined when it is the build's to
   * read, else what the reading thread made of it (waited for). An unread
   * file (the thread failed, or could not read it) comes back undefined too.
   */
  claim(file: string): PreparedFile | undefined {
    const at = this.index.get(file);
    if (at === undefined || Atomics.compareExchange(this.claims, at, FREE, MAIN) === FREE) return undefined;
    const waitedSince = performance.now();
    for (;;) {
      const posted = Atomics.load(this.state, POSTED);
      this.receive();
      const prepared = this.prepared.get(at);
      if (prepared) return prepared.digest === undefined ? undefined : (prepared as PreparedFile);
      if (Atomics.load(this.state, DONE) === 1) {
        this.receive();
        const last = this.prepared.get(at);
        return last?.digest === undefined ? undefined : (last as PreparedFile);
      }
      if (performance.now() - waitedSince > PATIENCE_MS) return undefined;
      Atomics.wait(this.state, POSTED, posted, 100);
    }
  }

  /** Stops the thread (when the build stops reading early) and forgets what it made. */
  close(): void {
    this.prepared.clear();
    this.port.close();
    void this.worker.terminate();
  }

  /** Takes the batches posted so far (synchronously: the build reads its files in a loop that never yields). */
  private receive(): void {
    for (let message = receiveMessageOnPort(this.port); message; message = receiveMessageOnPort(this.port))
      for (const prepared of message.message as (PreparedFile | UnreadFile)[]) this.prepared.set(prepared.index, prepared);
  }
}
