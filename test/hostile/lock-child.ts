// Child process for the lock race: node test/hostile/lock-child.ts <contentDir> <startAtMs>
// Waits for the common start time, tries the run lock once, prints "got" or "refused: …",
// holds a won lock for a second and a half, then releases it.
import { RunLock } from '../../pipeline/store.ts';

const [dir, startAt] = process.argv.slice(2);
const lock = new RunLock(dir!);
while (Date.now() < Number(startAt)) { /* spin: every child tries at the same moment */ }
try {
  lock.acquire();
  process.stdout.write('got\n');
  await new Promise((r) => setTimeout(r, 1_500));
  lock.release();
} catch (e) {
  process.stdout.write(`refused: ${(e as Error).message}\n`);
}
