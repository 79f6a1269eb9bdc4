/**
 * Mass jobs over 200,000 tickets through the real job engine (POST /jobs, pg-boss, the worker),
 * beside a floor measured in the same run on the same database: one plain UPDATE of the same rows.
 * PGlite always; PostgreSQL too when BENCH_DATABASE_URL points at a server (a throw-away database
 * is created on it). Each database runs in its own process, whose peak RSS is reported: with
 * PostgreSQL that is the backend alone; with PGlite it includes the embedded database.
 */
import { fork } from 'node:child_process';
import type { Figures } from './mass-measure';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 200_000);

function measureApart(kind: 'pglite' | 'postgres', env: NodeJS.ProcessEnv): Promise<Record<string, Figures>> {
  const child = fork(new URL('./mass-measure.ts', import.meta.url), [kind], { execArgv: ['--import', 'tsx'], env });
  return new Promise((resolve, reject) => {
    child.once('message', (figures) => resolve(figures as Record<string, Figures>));
    child.once('exit', (code) => reject(new Error(`the ${kind} benchmark exited with code ${code}`)));
  });
}

function report(kind: string, figures: Record<string, Figures>) {
  console.info(`${kind}: ${TICKETS.toLocaleString('en-US')} tickets`);
  for (const [name, f] of Object.entries(figures)) {
    const rate = Math.round(TICKETS / (f.engineMs / 1000));
    console.info(
      `  ${name.padEnd(12)} engine ${(f.engineMs / 1000).toFixed(1)} s (${rate.toLocaleString('en-US')} rows/s), floor ${(f.floorMs / 1000).toFixed(1)} s, ratio ${(f.engineMs / f.floorMs).toFixed(2)}×, peak RSS ${f.peakRssMb} MB`,
    );
  }
}

export async function massBench() {
  report('PGlite (embedded, in the measured process)', await measureApart('pglite', process.env));
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) return console.info('PostgreSQL: set BENCH_DATABASE_URL to measure it too.');
  // The test harness makes its throw-away databases on the server TEST_DATABASE_URL names.
  report('PostgreSQL', await measureApart('postgres', { ...process.env, TEST_DATABASE_URL: url }));
}
