// npm run --silent analyze: JSON Lines in ({"id","title","text"}), JSON Lines out, one per input
// (./analyze-lines.ts). This entry only turns on Node's compile cache first: the modules are
// compiled (and their types stripped) once and kept in the temp directory, which takes about a
// tenth of a second off every start, a large share of a short run's CPU. It must run before the
// modules load, hence the dynamic import. `npm run analyze` also sets NODE_COMPILE_CACHE (the same
// directory), so that this entry itself is cached too and Node need not load its type stripper
// (~35 ms of every start).
import module from 'node:module';

module.enableCompileCache?.();
await import('./analyze-lines.ts');
