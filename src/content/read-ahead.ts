import path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { BodyFacts, FileReading } from './cache.ts';
import { AHEAD, DONE, FREE, MAIN, POSTED } from './read-ahead-claims.js';

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

/** What the hashing thread (an incremental build's) made of one file: its bytes, handed over, and their sha256 (hex). */
export interface HashedFile {
  index: number;
  file: string;
  digest: string;
  bytes: Uint8Array;
}

/** What the reading thread made of one article's body: its facts, and its HTML when no link nor image makes it depend on the page. */
export interface PreparedBody {
  index: number;
  /** Of the text it parsed (bodyDigestOf): the build's thread takes it only for the same text. */
  bodyDigest: string;
  /** The setting its renderer was made with (createMarkdown). */
  allowHtml: boolean;
  facts: BodyFacts;
  html?: string;
}

/** The thread's message for a file it could not read, or whose body it could not parse: the build's thread does it and reports why. */
export interface Undone {
  index: number;
}

/** The two jobs each file is claimed for, in order: reading it, then parsing its body. */
export type Job = 'file' | 'body';
export type Prepared = { job: 'file'; made: PreparedFile | HashedFile | Undone } | { job: 'body'; made: PreparedBody | Undone };

/** How long the build's thread waits, at most, for a batch before doing the job itself. */
const PATIENCE_MS = 30_000;

/**
 * Article files read and parsed on a second thread while the build's thread
 * reads the others: reading 20,000 front matters and parsing their bodies is
 * seconds of work on one core, and the other core has nothing to do until
 * Eleventy renders. Each side claims a file before reading it, the build's
 * thread from the first, the reading thread from the last, so they meet
 * wherever the machine lets them; then the same again for the bodies. A job
 * the thread claimed is waited for, which happens only where the two meet.
 */
export class ReadAhead {
  private readonly index: Map<string, number>;
  private readonly claims: Record<Job, Int32Array>;
  private readonly state: Int32Array;
  private readonly port: MessagePort;
  private readonly prepared: { [J in Job]: Map<number, Extract<Prepared, { job: J }>['made']> } = {
    file: new Map(),
    body: new Map(),
  };
  private readonly worker: Worker;
  private readonly exited: Promise<void>;
  private closed = false;

  /**
   * `files` as the build names them (articleFiles): the thread's problems name them so. Without the site's
   * settings file, the thread only reads and hashes them (HashedFile): an incremental build finds the
   * readings of nearly all in its cache, by their sha256, and parses none.
   */
  constructor(files: string[], siteFile?: string) {
    this.index = new Map(files.map((file, at) => [path.resolve(file), at]));
    const shared = () => new Int32Array(new SharedArrayBuffer(files.length * 4));
    this.claims = { file: shared(), body: shared() };
    this.state = new Int32Array(new SharedArrayBuffer(8));
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    // Plain JavaScript (that registers tsx to read): Node 20 gives a worker thread none of the main thread's loader hooks.
    this.worker = new Worker(new URL('./read-ahead-thread.js', import.meta.url), {
      workerData: { files, siteFile, claims: this.claims, state: this.state, port: port2 },
      transferList: [port2],
      // A young generation 3 times the default: parsing makes short-lived objects, and fewer collections leave more of the core to reading.
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
   * Claims reading `file` (absolute) for the build's thread: undefined when it
   * is the build's to read, else what the reading thread made of it (waited
   * for). A file the thread did not read comes back undefined too.
   */
  claimFile(file: string): PreparedFile | HashedFile | undefined {
    const made = this.claim('file', file);
    return made && 'digest' in made ? made : undefined;
  }

  /** Claims parsing the body of `file` (absolute), as claimFile. */
  claimBody(file: string): PreparedBody | undefined {
    const made = this.claim('body', file);
    return made && 'facts' in made ? made : undefined;
  }

  /** Stops the thread (when the build stops reading early) and forgets what it made. */
  close(): void {
    this.closed = true;
    this.prepared.file.clear();
    this.prepared.body.clear();
    this.port.close();
    void this.worker.terminate();
  }

  private claim<J extends Job>(job: J, file: string): Extract<Prepared, { job: J }>['made'] | undefined {
    const at = this.index.get(file);
    // The build's to do: unclaimed, claimed by it before, or the thread is stopped.
    if (at === undefined || this.closed || Atomics.compareExchange(this.claims[job], at, FREE, MAIN) !== AHEAD) return undefined;
    const prepared = this.prepared[job] as Map<number, Extract<Prepared, { job: J }>['made']>;
    const waitedSince = performance.now();
    for (;;) {
      const posted = Atomics.load(this.state, POSTED);
      const done = Atomics.load(this.state, DONE) === 1;
      this.receive();
      const made = prepared.get(at);
      if (made || done || performance.now() - waitedSince > PATIENCE_MS) {
        // Taken once (the thread's text goes with the source that holds it); asked again, the build does it.
        prepared.set(at, { index: at });
        return made;
      }
      Atomics.wait(this.state, POSTED, posted, 100);
    }
  }

  /** Takes the batches posted so far (synchronously: the build reads its files in a loop that never yields). */
  private receive(): void {
    for (let message = receiveMessageOnPort(this.port); message; message = receiveMessageOnPort(this.port))
      for (const { job, made } of message.message as Prepared[]) this.prepared[job].set(made.index, made as never);
  }
}
