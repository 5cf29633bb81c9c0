import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Served {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Spawns a server process whose stdout goes to a file (as logs would in production) and waits for `pattern`. */
export function spawnServer(args: string[], env: Record<string, string>, logFile: string, pattern: RegExp): Promise<Served> {
  const fd = fs.openSync(logFile, 'w');
  const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, ...env } as NodeJS.ProcessEnv, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const text = fs.readFileSync(logFile, 'utf8');
      const match = pattern.exec(text);
      if (match) {
        clearInterval(poll);
        resolve({
          url: match[1]!,
          child,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      } else if (child.exitCode !== null || Date.now() - started > 120_000) {
        clearInterval(poll);
        reject(new Error(`server did not start:\n${text.slice(-2000)}`));
      }
    }, 100);
  });
}

export interface LoadResult {
  requestsPerSec: number;
  p50: number;
  p99: number;
  errors: number;
}

const hasWrk = spawnSync('wrk', ['--version']).error === undefined;
export const loadTool = hasWrk ? 'wrk (C, 1 thread)' : 'autocannon (JS)';

function wrkMs(text: string, label: string): number {
  const m = new RegExp(`^\\s*${label}%\\s+([\\d.]+)(us|ms|s)`, 'm').exec(text);
  if (!m) return NaN;
  const n = Number(m[1]);
  return m[2] === 'us' ? n / 1000 : m[2] === 's' ? n * 1000 : n;
}

/** Loads `url` for `seconds` with 50 connections: wrk when the machine has it (a C client disturbs less), else autocannon. */
export async function load(url: string, seconds: number, connections = 50): Promise<LoadResult> {
  if (hasWrk) {
    const out = spawnSync('wrk', ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', url], { encoding: 'utf8' }).stdout;
    const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN);
    const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
    const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
    const errors = non2xx + (socketErrors ? socketErrors.slice(1).reduce((a, b) => a + Number(b), 0) : 0);
    return { requestsPerSec: rps, p50: wrkMs(out, '50'), p99: wrkMs(out, '99'), errors };
  }
  const result = await autocannon({ url, connections, duration: seconds, pipelining: 1 });
  return { requestsPerSec: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

const median = (xs: LoadResult[]): LoadResult => [...xs].sort((a, b) => a.requestsPerSec - b.requestsPerSec)[Math.floor(xs.length / 2)]!;

/**
 * Baseline and subject run alternately, round after round, so that both see
 * the same machine noise; each side reports its median round.
 */
export async function compare(baselineUrl: string, subjectUrl: string, rounds: number, seconds: number) {
  await load(baselineUrl, 2);
  await load(subjectUrl, 2);
  const b: LoadResult[] = [];
  const s: LoadResult[] = [];
  for (let i = 0; i < rounds; i += 1) {
    b.push(await load(baselineUrl, seconds));
    s.push(await load(subjectUrl, seconds));
  }
  const baseline = median(b);
  const subject = median(s);
  return { baseline, subject, ratio: subject.requestsPerSec / baseline.requestsPerSec };
}

export function row(name: string, r: LoadResult): string {
  return `${name.padEnd(44)} ${r.requestsPerSec.toFixed(0).padStart(8)} req/s   p50 ${r.p50.toFixed(2).padStart(6)} ms   p99 ${r.p99.toFixed(2).padStart(6)} ms   errors ${r.errors}`;
}
