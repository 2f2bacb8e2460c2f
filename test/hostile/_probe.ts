import zlib from 'node:zlib'; import net from 'node:net';
import { startFixtureServer } from '../helpers/fixture-server.ts';
import { fetchUrl } from '../../pipeline/fetch.ts';
const srv = await startFixtureServer({
  '/short': (req, res) => { res.writeHead(200, { 'content-length': '1000' }); res.write('x'.repeat(100)); setTimeout(() => res.socket!.destroy(), 50); },
  '/badloc': (req, res) => { res.writeHead(302, { location: 'http://[::1' }); res.end(); },
  '/tofile': (req, res) => { res.writeHead(302, { location: 'file:///etc/passwd' }); res.end(); },
  '/bomb': (req, res) => { res.writeHead(200, { 'content-encoding': 'gzip' }); res.end(zlib.gzipSync(Buffer.alloc(50 * 1024 * 1024))); },
  '/hdr': (req, res) => { res.writeHead(200, { 'x-big': 'a'.repeat(20000) }); res.end('ok'); },
});
const o = { allowPrivateNetwork: true, retries: 0 };
for (const p of ['/short', '/badloc', '/tofile', '/bomb', '/hdr']) {
  try { const r = await fetchUrl(srv.url(p), o); console.log(p, 'OK', r.body.length); } catch (e: any) { console.log(p, e.name, e.reason, e.message); }
}
for (const u of ['http://localhost:' + new URL(srv.origin).port + '/short', 'http://[::ffff:127.0.0.1]:1/', 'http://0x7f.1:' + new URL(srv.origin).port + '/short']) {
  try { await fetchUrl(u, { retries: 0 }); console.log(u, 'OK'); } catch (e: any) { console.log(u, e.name, e.reason, e.message); }
}
await srv.close();
