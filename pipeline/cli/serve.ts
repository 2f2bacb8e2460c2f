// npm run serve [-- --port N]: serve the built site in dist/ on 127.0.0.1.
import { parseCommandLine } from './command-line.ts';
import path from 'node:path';
import { serveStatic } from '../serve-static.ts';
import { PROJECT_ROOT } from './paths.ts';
import { numberOption, PORT } from './numbers.ts';

const { values } = parseCommandLine('serve', 'npm run serve [-- --port N] [--dir DIR]', { options: { port: { type: 'string', default: '4321' }, dir: { type: 'string' } } });
const server = await serveStatic(values.dir ?? path.join(PROJECT_ROOT, 'dist'), numberOption('serve', '--port', values.port!, PORT));
process.stdout.write(`Storyline site: ${server.url}/\n`);
