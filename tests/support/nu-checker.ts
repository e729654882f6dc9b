import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

/** vnu.jar from the `vnu-jar` package, run on the machine's Java (17 or newer). */
const VNU_JAR = String(createRequire(import.meta.url)('vnu-jar'));

export interface NuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: 'warning' | 'fatal' | 'io';
  url: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

export interface NuReport {
  /** Every document the checker says it checked. */
  checked: string[];
  messages: NuMessage[];
}

/**
 * Runs the W3C Nu HTML Checker once over many documents (files, folders or
 * http URLs): one JVM start for the whole site.
 */
export function nuCheck(targets: string[]): Promise<NuReport> {
  return new Promise((resolve, reject) => {
    // allow-forbidden-hosts: the checker refuses local addresses unless told, and our test server is local.
    const java = spawn('java', [
      '-Xss1m',
      '-Xmx1g',
      '-Dnu.validator.servlet.allow-forbidden-hosts=true',
      '-jar',
      VNU_JAR,
      '--verbose',
      '--format',
      'json',
      '--skip-non-html',
      ...targets,
    ]);
    let stdout = '';
    let stderr = '';
    java.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    java.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    java.on('error', reject);
    java.on('close', () => {
      // --verbose names each document on stdout; the JSON report is on stderr.
      const start = stderr.indexOf('{"');
      if (start < 0) return reject(new Error(`vnu.jar gave no report:\n${stderr}\n${stdout}`));
      const report = JSON.parse(stderr.slice(start)) as { messages: NuMessage[] };
      resolve({
        checked: stdout
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
        messages: report.messages,
      });
    });
  });
}
