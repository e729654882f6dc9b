import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ReadAhead, type PreparedBody, type PreparedFile } from './read-ahead.ts';

/** A file's bytes and their sha256 (hex), worked out from those very bytes when first asked for. */
export type SourceFile = (
  | { bytes: Buffer; readonly digest: string; prepared?: undefined }
  /** Read and parsed on the reading thread (ReadAhead): what it made of the bytes it hashed. */
  | { bytes?: undefined; readonly digest: string; prepared: PreparedFile }
) & {
  /** A file read ahead: claims parsing its body, and gives what the reading thread made of it if it did. */
  claimBody?: () => PreparedBody | undefined;
};

/** sha256 (hex) of a file's bytes: what the manifest records and the reading cache keys a file by. */
export function fileDigest(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function sourceFile(bytes: Buffer, digest?: string): SourceFile {
  return {
    bytes,
    get digest() {
      digest ??= fileDigest(bytes);
      return digest;
    },
  };
}

/**
 * The files of one build, each read from disk once: the build hashes its
 * sources for the manifest first, and the Markdown files among them are then
 * parsed from the same bytes, their hash keying what the last build read of
 * them (ReadingCache). Only Markdown is kept: photos may weigh gigabytes.
 * Files given to read ahead are read on a second thread as well as this one
 * (ReadAhead), each by one of them, and hashed when read.
 */
export class SourceFiles {
  private readonly kept = new Map<string, SourceFile>();
  private readonly ahead?: ReadAhead;
  /** The files read ahead that the manifest names (by its name), and their digests once read. */
  private readonly later = new Map<string, string>();
  private readonly readDigests = new Map<string, string>();

  /**
   * `readAhead`: article files (as the build names them) to read on a second thread too, and the site's
   * settings file (without it, the thread only reads and hashes them: ReadAhead).
   */
  constructor(readAhead?: { files: string[]; siteFile?: string }) {
    if (readAhead?.files.length) this.ahead = new ReadAhead(readAhead.files, readAhead.siteFile);
  }

  /**
   * Reads `file` and returns its sha256, keeping its bytes for `read` when it is Markdown;
   * undefined for a file read ahead, hashed when it is read (`digests`, under `name`).
   */
  hash(file: string, name = file): string | undefined {
    const key = path.resolve(file);
    if (this.ahead?.has(key)) {
      this.later.set(name, key);
      return undefined;
    }
    const bytes = readFileSync(file);
    const source = sourceFile(bytes, fileDigest(bytes));
    if (file.endsWith('.md')) this.kept.set(key, source);
    return source.digest;
  }

  /** The bytes hashed for `file` (handed over once: the reader keeps them), else read now. */
  read(file: string): SourceFile {
    const key = path.resolve(file);
    const ahead = this.ahead;
    if (ahead?.has(key)) {
      const prepared = ahead.claimFile(key);
      const source: SourceFile =
        prepared?.file !== file
          ? sourceFile(readFileSync(key))
          : 'bytes' in prepared
            ? sourceFile(
                Buffer.from(prepared.bytes.buffer, prepared.bytes.byteOffset, prepared.bytes.byteLength),
                prepared.digest,
              )
            : { digest: prepared.digest, prepared };
      this.readDigests.set(key, source.digest);
      source.claimBody = () => ahead.claimBody(key);
      return source;
    }
    const kept = this.kept.get(key);
    this.kept.delete(key);
    return kept ?? sourceFile(readFileSync(key));
  }

  /** The digests of the files read ahead that `hash` was asked for, by name: those not read by now are read here. */
  digests(): Record<string, string> {
    const named: Record<string, string> = {};
    for (const [name, key] of this.later) {
      try {
        named[name] = this.readDigests.get(key) ?? fileDigest(readFileSync(key));
      } catch (error) {
        // Deleted since it was named, before it was listed to be read: not built, so not in the manifest either.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    return named;
  }

  /** Settles once the reading thread has read every file it claimed (at once when there is none). */
  get readAheadEnded(): Promise<void> {
    return this.ahead?.ended() ?? Promise.resolve();
  }

  /** Forgets the bytes no reader took (a README beside the content), and stops the reading thread. */
  release(): void {
    this.kept.clear();
    this.ahead?.close();
  }
}
