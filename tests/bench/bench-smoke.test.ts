import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Finished, finished } from '../support/hub-process.ts';

const repositoryRoot = join(import.meta.dirname, '../..');

// `pnpm bench smoke --no-gate` as a user runs it: every benchmark at its smallest size prints its figures and the
// machine's load. Only that the figures are there is asserted, never how fast: a ratio or a time measured on a CI
// machine busy with other work is noise (docs/development.md); `pnpm bench smoke` without --no-gate holds the gate.
function runBenchSmoke(): Promise<Finished> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(repositoryRoot, 'server/src/cli/bench.ts'), 'smoke', '--no-gate'],
    { cwd: repositoryRoot, env: { ...process.env, DATABASE_URL: undefined }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return finished(child);
}

// `bench api` drives its load with wrk (Debian's package; `.ci/run` installs it). Without it this test may skip only
// outside CI, and says so loudly; in CI a missing wrk fails it.
function wrkAvailable(): boolean {
  if (spawnSync('wrk', ['--version']).error === undefined || process.env.CI) return true;
  console.warn('\n⚠️  wrk not found: the bench smoke test is SKIPPED. Install it with `apt-get install -y wrk`.\n');
  return false;
}

describe.runIf(wrkAvailable())('pnpm bench smoke --no-gate', () => {
  // About a minute on an idle 2-core machine; the timeout allows for a machine many times busier.
  it('runs every benchmark at its smallest size, each printing its figures and the machine load', {
    timeout: 1_800_000,
  }, async () => {
    const { code, output } = await runBenchSmoke();
    expect(output).not.toMatch(/^bench smoke: .*Error/m);
    expect(code, output).toBe(0);
    const load = /load average \d+\.\d\d \d+\.\d\d \d+\.\d\d \(1, 5, 15 min\) on \d+ cores/;
    expect(output).toMatch(new RegExp(`bench smoke: ${load.source} at the start`));
    for (const name of ['seed', 'compare', 'import', 'requests', 'retention', 'cases', 'api']) {
      expect(output).toMatch(new RegExp(`── bench ${name} .*\\(${load.source}\\)`));
      expect(output).toMatch(new RegExp(`^  ${name} +ran in \\d+\\.\\d s$`, 'm'));
    }
    expect(output).toMatch(/^persons\/s +[\d,]+$/m);
    expect(output).toMatch(/^rows\/s +[\d,]+$/m);
    expect(output).toMatch(/^answer +100 accepted, 0 refused$/m);
    // Valid generated rows: no dataset refused for its rows (a busy machine may still fail one for want of time).
    expect(output).not.toMatch(/REJECT_THRESHOLD_EXCEEDED/);
    expect(output).toMatch(/^households\/s +[\d,]+ \(assessed\)$/m);
    expect(output).toMatch(/^delivery +without retention +with retention/m);
    expect(output).toMatch(/^opened +100 cases in \d+\.\d\d s/m);
    expect(output).toMatch(/^enforcement \+ audit on +\d+ req\/s/m);
    expect(output).toMatch(/^ratio +on\/off throughput \d+\.\d\d/m);
    expect(output).toMatch(/^overload +64 connections, on: \d+ req\/s .* peak RSS \d+ MiB/m);
    expect(output).toMatch(/^audit .* every answer audited exactly once$/m);
    expect(output).toMatch(
      /^ {2}api on\/off ratio \d+\.\d\d \(goal >= 0\.85: (met|MISSED); not gated \(--no-gate\)\)/m,
    );
  });
});
