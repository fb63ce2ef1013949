import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * The writer is bundled once per test file (esbuild, ~0.3 s): `node --import tsx` needs ~2 s to start here,
 * the bundle ~0.1 s, and the kill loop starts it hundreds of times. Code splitting keeps the heavy parts
 * (the whole app core) out of the modes that do not use them.
 */
export async function bundleWriter(entry = 'tests/crash/writer.ts'): Promise<string> {
  const name = path.basename(entry, '.ts');
  const outdir = path.resolve('node_modules/.cache', `dgw-crash-${name}-${process.pid}`);
  await build({
    entryPoints: [path.resolve(entry)],
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    packages: 'external', // npm packages load from node_modules as usual; only our TypeScript is bundled
    outExtension: { '.js': '.mjs' },
    outdir,
    logLevel: 'warning',
  });
  return path.join(outdir, `${name}.mjs`);
}

export function removeBundle(writer: string): void {
  fs.rmSync(path.dirname(writer), { recursive: true, force: true });
}

export interface Running {
  child: ChildProcess;
  /** Every complete line printed so far. */
  lines: string[];
  /** Resolves at the first line (after those already read) that matches; rejects if the child ends first. */
  nextLine(match: (line: string) => boolean): Promise<string>;
  /** Resolves at the "ready" line (rejects if the child dies first). */
  ready: Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** Starts the writer (optionally under `ulimit -f`) and collects its lines as they come. */
export function startWriter(
  writer: string,
  args: string[],
  opts: { fileLimitKb?: number; env?: Record<string, string> } = {},
): Running {
  const child =
    opts.fileLimitKb === undefined
      ? spawn(process.execPath, [writer, ...args], {
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...process.env, ...opts.env },
        })
      : spawn('bash', ['-c', `ulimit -f ${opts.fileLimitKb}; exec "$0" "$@"`, process.execPath, writer, ...args], {
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...process.env, ...opts.env },
        });
  const lines: string[] = [];
  const waiting: { match: (l: string) => boolean; resolve: (l: string) => void; reject: (e: Error) => void }[] = [];
  let partial = '';
  let stderr = '';
  let onReady: () => void;
  let onDead: (e: Error) => void;
  const ready = new Promise<void>((resolve, reject) => {
    onReady = resolve;
    onDead = reject;
  });
  ready.catch(() => {}); // a kill before "ready" is often the point
  child.stdout!.on('data', (chunk: Buffer) => {
    const parts = (partial + chunk.toString('utf8')).split('\n');
    partial = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      if (line === 'ready') onReady();
      for (const w of [...waiting]) {
        if (!w.match(line)) continue;
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => {
      onDead(new Error(`writer ended before ready: ${code ?? signal} ${stderr}`));
      for (const w of waiting.splice(0))
        w.reject(new Error(`writer ended (${code ?? signal}): ${lines.slice(-3).join(' | ')} ${stderr}`));
      resolve({ code, signal, stderr });
    }),
  );
  const nextLine = (match: (l: string) => boolean) =>
    new Promise<string>((resolve, reject) => waiting.push({ match, resolve, reject }));
  return { child, lines, nextLine, ready, exited };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
