import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SAMPLE = path.resolve('tests/fixtures/samples/共建单位分配表-示例.xlsx');

/**
 * PIPL and offline offices: the main-process code must make no network connection at all. The workload runs
 * in a fresh network namespace with no network (only a downed loopback), with hooks on every Node network
 * API, and must succeed with zero attempts.
 */
describe('no network', () => {
  it('imports, exports and logs without a single network attempt, inside an empty network namespace', () => {
    const out = execFileSync(
      'unshare',
      ['-rn', '--', process.execPath, '--import', 'tsx', 'tests/scripts/network-probe.ts', SAMPLE],
      { encoding: 'utf8', timeout: 120_000 },
    );
    const report = JSON.parse(out) as {
      attempts: string[];
      results: Record<string, unknown>;
      interfaces: string[];
      exported: string[];
    };
    expect(report.interfaces.filter((i) => i !== 'lo')).toEqual([]);
    for (const [channel, ok] of Object.entries(report.results)) expect(ok, channel).toBe(true);
    expect(report.exported.length).toBeGreaterThanOrEqual(4);
    expect(report.attempts).toEqual([]);
  });
});
