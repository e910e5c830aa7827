/**
 * Issue 10, points 6 and 7: image sources cannot leave what the caller allowed, and cannot hold a
 * render. A real HTTP server on 127.0.0.1 counts every request it sees; traversal, encoded dots,
 * backslashes and redirects out of the prefix reach it 0 times outside the prefix. A server that
 * never answers, and one that streams an endless body, are cut off by the time limit and by
 * maxImageBytes. Local reads refuse FIFOs, folders and devices quickly.
 */
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GovReportError, ImageError, InvalidArgumentError, renderReport, ResourceDeniedError } from '../../src/index.ts';
import { encodePng } from '../fuzz/imageSamples.ts';

const png = Buffer.from(encodePng({ width: 8, height: 8 }));
const reportWith = (src: string) => ({ meta: { title: '图片', issuer: '某局', year: 2020 }, sections: [{ heading: '一', content: [{ image: { src } }] }] });

let server: Server;
let base = '';
const seen: string[] = [];
let endlessClosed = 0;
let endlessBytes = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? '';
    seen.push(path);
    if (path === '/ok/a.png') return void response.end(png);
    if (path === '/ok/redirect-out') return void response.writeHead(302, { location: '/secret.png' }).end();
    if (path === '/ok/redirect-in') return void response.writeHead(301, { location: '/ok/a.png' }).end();
    if (path === '/ok/redirect-loop') return void response.writeHead(302, { location: '/ok/redirect-loop' }).end();
    if (path === '/ok/missing') return void response.writeHead(404).end();
    if (path === '/ok/hang') return; // never answers
    if (path === '/ok/claims-2gb') return void response.writeHead(200, { 'content-length': String(2 * 1024 ** 3) }).write(png);
    if (path === '/ok/endless') {
      // No length given: a body that never ends, as fast as the client reads it.
      response.writeHead(200);
      const chunk = Buffer.alloc(64 * 1024, 1);
      const pump = () => {
        while (!response.destroyed && response.write(chunk)) endlessBytes += chunk.length;
        if (!response.destroyed) response.once('drain', pump);
      };
      response.on('close', () => (endlessClosed += 1));
      return pump();
    }
    response.end(png); // anything else: the server would happily serve it
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const allowed = () => ({ resources: { allowedUrlPrefixes: [`${base}/ok`], timeoutMs: 1_000 } });
const outside = (list: readonly string[]) => list.filter((path) => !path.startsWith('/ok/'));

describe('URL allowlist', () => {
  it.each([
    ['/ok/../secret.png'],
    ['/ok/%2e%2e/secret.png'],
    ['/ok/.%2E/secret.png'],
    ['/ok\\..\\secret.png'],
    ['/ok/..%2fsecret.png'],
    ['/ok%2f..%2fsecret.png'],
    ['/okay.png'],
  ])('%s is denied and the server sees no request outside the prefix', async (path) => {
    seen.length = 0;
    const error = await renderReport(reportWith(`${base}${path}`), allowed()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResourceDeniedError);
    expect((error as ResourceDeniedError).issues[0]?.pathText).toBe('sections[0].content[0].image.src');
    expect(seen).toEqual([]);
  });

  it('an allowed URL is fetched once and drawn', async () => {
    seen.length = 0;
    await expect(renderReport(reportWith(`${base}/ok/a.png`), allowed())).resolves.toMatchObject({ pageCount: 1 });
    expect(seen).toEqual(['/ok/a.png']);
  });

  it('a redirect is followed only to a URL that passes the same check', async () => {
    seen.length = 0;
    const error = await renderReport(reportWith(`${base}/ok/redirect-out`), allowed()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResourceDeniedError);
    expect((error as ResourceDeniedError).issues[0]?.message.en).toContain('/secret.png');
    await expect(renderReport(reportWith(`${base}/ok/redirect-in`), allowed())).resolves.toMatchObject({ pageCount: 1 });
    const loop = await renderReport(reportWith(`${base}/ok/redirect-loop`), allowed()).catch((caught: unknown) => caught);
    expect(loop).toMatchObject({ code: 'E_IMAGE', issues: [{ code: 'image_unreadable' }] });
    expect(outside(seen)).toEqual([]);
  });

  it('an HTTP error is E_IMAGE naming the status', async () => {
    const error = await renderReport(reportWith(`${base}/ok/missing`), allowed()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImageError);
    expect((error as ImageError).issues[0]?.message.en).toContain('404');
  });
});

describe('bounded fetches', () => {
  it('a server that never answers is cut off at resources.timeoutMs', async () => {
    const started = performance.now();
    const error = await renderReport(reportWith(`${base}/ok/hang`), { resources: { allowedUrlPrefixes: [`${base}/ok`], timeoutMs: 500 } }).catch((caught: unknown) => caught);
    const elapsed = performance.now() - started;
    expect(error).toMatchObject({ code: 'E_IMAGE', issues: [{ code: 'image_unreadable' }] });
    expect((error as GovReportError).issues[0]?.message.en).toContain('timeoutMs');
    expect(elapsed).toBeGreaterThanOrEqual(450);
    expect(elapsed).toBeLessThan(5_000);
  });

  it('a body declared as 2 GB is refused from its header', async () => {
    const error = await renderReport(reportWith(`${base}/ok/claims-2gb`), allowed()).catch((caught: unknown) => caught);
    expect((error as GovReportError).issues[0]?.message.en).toContain('maxImageBytes');
  });

  it('an endless body stops at maxImageBytes and the download is closed', async () => {
    endlessBytes = 0;
    const error = await renderReport(reportWith(`${base}/ok/endless`), { ...allowed(), limits: { maxImageBytes: 1024 * 1024 } }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'E_IMAGE' });
    expect((error as GovReportError).issues[0]?.message.en).toContain('maxImageBytes');
    await expect.poll(() => endlessClosed, { timeout: 5_000 }).toBeGreaterThan(0);
    // The server stops within its socket buffers of the limit, not after gigabytes.
    expect(endlessBytes).toBeLessThan(64 * 1024 * 1024);
  });

  it('bad time limits are refused with E_INVALID_ARGUMENT', async () => {
    await expect(renderReport(reportWith(`${base}/ok/a.png`), { resources: { timeoutMs: 0 } })).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(renderReport(reportWith(`${base}/ok/a.png`), { resources: { totalTimeoutMs: 1.5 } })).rejects.toBeInstanceOf(InvalidArgumentError);
  });
});

describe('local files', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'grp-res-'));
    mkdirSync(join(dir, 'allowed'));
    writeFileSync(join(dir, 'allowed', 'a.png'), png);
    writeFileSync(join(dir, 'allowed', 'big.png'), Buffer.alloc(2048, 1));
    execFileSync('mkfifo', [join(dir, 'allowed', 'fifo.png')]);
    mkdirSync(join(dir, 'allowed', 'folder.png'));
    symlinkSync('/dev/zero', join(dir, 'allowed', 'zero.png'));
    writeFileSync(join(dir, 'secret.png'), png);
    symlinkSync(join(dir, 'secret.png'), join(dir, 'allowed', 'escape.png'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const options = () => ({ resources: { allowedDirectories: [join(dir, 'allowed')] } });

  it('a FIFO in an allowed folder is refused at once (no wait for a writer)', async () => {
    const started = performance.now();
    const error = await renderReport(reportWith(join(dir, 'allowed', 'fifo.png')), options()).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'E_IMAGE', issues: [{ code: 'image_unreadable' }] });
    expect((error as GovReportError).issues[0]?.message.en).toContain('not a regular file');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('a folder is refused as not a regular file; a symlink to a device or out of the folder is denied', async () => {
    const folder = await renderReport(reportWith(join(dir, 'allowed', 'folder.png')), options()).catch((caught: unknown) => caught);
    expect((folder as GovReportError).issues[0]?.message.en).toContain('not a regular file');
    await expect(renderReport(reportWith(join(dir, 'allowed', 'zero.png')), options())).rejects.toBeInstanceOf(ResourceDeniedError);
    await expect(renderReport(reportWith(join(dir, 'allowed', 'escape.png')), options())).rejects.toBeInstanceOf(ResourceDeniedError);
  });

  it('a file over maxImageBytes is refused without reading it; a regular file inside is drawn', async () => {
    const big = await renderReport(reportWith(join(dir, 'allowed', 'big.png')), { ...options(), limits: { maxImageBytes: 1024 } }).catch((caught: unknown) => caught);
    expect((big as GovReportError).issues[0]?.message.en).toContain('maxImageBytes');
    await expect(renderReport(reportWith(join(dir, 'allowed', 'a.png')), options())).resolves.toMatchObject({ pageCount: 1 });
  });
});
