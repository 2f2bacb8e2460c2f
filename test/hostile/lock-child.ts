// Child process for the lock race: node test/hostile/lock-child.ts <contentDir> <startAtMs> <barrierDir> <children>
// Waits for the common start time, tries the run lock once, prints "got" or "refused: …" and
// leaves a mark in barrierDir. A won lock is held until every child has tried (or 15 s), so a
// child that loads late on a busy machine still meets the held lock instead of a released one.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RunLock } from '../../pipeline/store.ts';

const [dir, startAt, barrier, children] = process.argv.slice(2);
const lock = new RunLock(dir!);
const tried = () => writeFileSync(path.join(barrier!, String(process.pid)), '');
while (Date.now() < Number(startAt)) { /* spin: every child tries at the same moment */ }
try {
  lock.acquire();
  process.stdout.write('got\n');
  tried();
  const until = Date.now() + 15_000;
  while (existsSync(barrier!) && readdirSync(barrier!).length < Number(children) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  lock.release();
} catch (e) {
  process.stdout.write(`refused: ${(e as Error).message}\n`);
  tried();
}
