import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A file's bytes and their sha256 (hex), worked out from those very bytes when first asked for. */
export interface SourceFile {
  bytes: Buffer;
  readonly digest: string;
}

function sourceFile(bytes: Buffer, digest?: string): SourceFile {
  return {
    bytes,
    get digest() {
      digest ??= createHash('sha256').update(bytes).digest('hex');
      return digest;
    },
  };
}

/**
 * The files of one build, each read from disk once: the build hashes its
 * sources for the manifest first, and the Markdown files among them are then
 * parsed from the same bytes, their hash keying what the last build read of
 * them (ReadingCache). Only Markdown is kept: photos may weigh gigabytes.
 */
export class SourceFiles {
  private readonly kept = new Map<string, SourceFile>();

  /** Reads `file` and returns its sha256, keeping its bytes for `read` when it is Markdown. */
  hash(file: string): string {
    const bytes = readFileSync(file);
    const source = sourceFile(bytes, createHash('sha256').update(bytes).digest('hex'));
    if (file.endsWith('.md')) this.kept.set(path.resolve(file), source);
    return source.digest;
  }

  /** The bytes hashed for `file` (handed over once: the reader keeps them), else read now. */
  read(file: string): SourceFile {
    const key = path.resolve(file);
    const kept = this.kept.get(key);
    this.kept.delete(key);
    return kept ?? sourceFile(readFileSync(key));
  }

  /** Forgets the bytes no reader took (a README beside the content). */
  release(): void {
    this.kept.clear();
  }
}
