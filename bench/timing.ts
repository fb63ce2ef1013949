/** Medians and percentiles of repeated runs; the benchmark never asserts, it reports. */

export interface Timing {
  median: number;
  p95: number;
  runs: number;
}

export function summarise(samples: number[]): Timing {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95), runs: s.length };
}

/** Runs `fn` `runs` times after one untimed warm-up (first-use costs such as statement preparation). */
export async function measure(runs: number, fn: (i: number) => unknown, warmup = true): Promise<Timing> {
  if (warmup) await fn(-1);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
  }
  return summarise(samples);
}

/** Like measure, for runs that time only part of themselves: `fn` returns the milliseconds that count. */
export async function measureTimed(runs: number, fn: (i: number) => Promise<number>): Promise<Timing> {
  await fn(-1);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await fn(i));
  return summarise(samples);
}
