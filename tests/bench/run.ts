/** `npm run bench [-- name…]`: runs the named benchmarks (all when none are named). */
import { badgesBench } from './badges';
import { dashboardBench } from './dashboard';
import { massBench } from './mass';
import { replyBench } from './reply';

const benches: Record<string, () => Promise<void>> = { badges: badgesBench, dashboard: dashboardBench, mass: massBench, reply: replyBench };

const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = names.filter((n) => !(n in benches));
if (unknown.length) {
  console.error(`Unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(benches).join(', ')}`);
  process.exit(1);
}
for (const name of names.length ? names : Object.keys(benches)) {
  console.info(`\n== ${name}`);
  await benches[name]!();
}
process.exit(0);
