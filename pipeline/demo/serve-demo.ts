// Starts the offline demo news server and keeps it up until Ctrl-C.
//   npx node pipeline/demo/serve-demo.ts [--port 4391] [--host 127.0.0.1]

import { parseArgs } from 'node:util';
import { startDemoServer } from './server.ts';
import { OUTLETS, OUTLET_IDS } from './outlets.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4391' },
    host: { type: 'string', default: '127.0.0.1' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`serve-demo: bad --port ${values.port}`);
  process.exit(2);
}

const server = await startDemoServer({ port, host: values.host });
console.log(server.origin);
for (const id of OUTLET_IDS) console.error(`  ${OUTLETS[id].name.padEnd(6, '　')} ${server.origin}${OUTLETS[id].feed.path}`);
console.error('Demo news server running; press Ctrl-C to stop.');

let closing = false;
const stop = () => {
  if (closing) return;
  closing = true;
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
