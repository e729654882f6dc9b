/** What the benchmark scripts share: running a command while sampling its memory, and medians. */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';

/** Resident memory of a process and all its descendants, in kB (Linux /proc). */
export function treeRssKb(pid: number): number {
  let total = 0;
  try {
    total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const child of children ? children.split(/\s+/) : []) total += treeRssKb(Number(child));
    }
  } catch {
    // The process ended between two reads.
  }
  return total;
}

export interface Measured {
  /** Wall time. */
  ms: number;
  /** CPU time of the process tree, user and system (its processes that have ended; all have, at its end). */
  cpuMs: number;
  /** The share of the machine's CPU time the hypervisor gave to other guests meanwhile ("steal"): the noise of a shared machine. */
  stolen: number;
  /** Peak resident memory of the whole process tree, sampled every 20 ms. */
  peakKb: number;
  stdout: string;
}

export interface MeasureOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/** Linux's clock ticks per second in /proc (USER_HZ, 100 on every architecture Node runs on). */
const TICKS_PER_SECOND = 100;

/** The machine's CPU ticks, all and stolen (/proc/stat), and those of this process's ended children (/proc/self/stat). */
function cpuTicks(): { machine: number; stolen: number; children: number } {
  // cpu  user nice system idle iowait irq softirq steal …
  const machine = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
  // After the command's name: state is field 3, cutime and cstime fields 16 and 17.
  const self = readFileSync('/proc/self/stat', 'utf8');
  const fields = self.slice(self.lastIndexOf(')') + 2).split(' ');
  return {
    machine: machine.reduce((sum, ticks) => sum + ticks, 0),
    stolen: machine[7],
    children: Number(fields[13]) + Number(fields[14]),
  };
}

/**
 * Runs a command to its end, measuring wall time, CPU time, the share of CPU stolen from the machine
 * and the peak memory of its process tree; rejects if it fails. Commands run one at a time.
 */
export function measure(command: string, args: string[], { cwd, env }: MeasureOptions = {}): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const before = cpuTicks();
    const started = performance.now();
    const child = spawn(command, args, { cwd, env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    let peakKb = 0;
    const sampler = setInterval(() => (peakKb = Math.max(peakKb, treeRssKb(child.pid!))), 20);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(sampler);
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${stderr.slice(-4000)}`));
      else {
        const after = cpuTicks();
        resolve({
          ms: performance.now() - started,
          cpuMs: ((after.children - before.children) * 1000) / TICKS_PER_SECOND,
          stolen: (after.stolen - before.stolen) / Math.max(1, after.machine - before.machine),
          peakKb,
          stdout,
        });
      }
    });
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const stat = statSync(`${dir}/${name}`);
    if (stat.isFile()) {
      bytes += stat.size;
      files++;
    }
  }
  return { bytes, files };
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const megabytes = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
export const percent = (share: number) => `${(share * 100).toFixed(1)} %`;
