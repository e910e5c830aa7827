import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { PREVIEW_PAGE } from './previewPage.ts';

const REQUIRE = createRequire(import.meta.url);

/**
 * The preview page at `GET /` and what it loads, all from this server (no CDN): the page's
 * font from @fontsource/noto-sans-sc (the CSS and its woff2 subsets, fetched by the browser one
 * unicode-range at a time) and pdf.js from pdfjs-dist, which draws the PDF's pages in the browser.
 *
 * Why pdf.js in the browser rather than PNG pages made on the server: the server does no extra
 * work per preview (no canvas module, no rasterising on the worker pool), and the pages drawn
 * are the PDF's own bytes. Only the files the page needs are served; nothing else of node_modules.
 *
 * @param app The Fastify instance.
 */
export async function previewRoutes(app: FastifyInstance): Promise<void> {
  const page = { config: { openapi: { security: [], operationId: 'preview', summary: 'The preview page (HTML)', responses: { 200: { description: 'HTML.', content: { 'text/html': { schema: { type: 'string' } } } } } } } };
  app.get('/', page, async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      // The page runs only its own script and draws only what this server sends.
      .header('content-security-policy', "default-src 'self'; img-src 'self' blob: data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; worker-src 'self' blob:; connect-src 'self'")
      .send(PREVIEW_PAGE));
  await app.register(fastifyStatic, {
    root: dirname(REQUIRE.resolve('@fontsource/noto-sans-sc/400.css')),
    prefix: '/assets/noto-sans-sc/',
    allowedPath: (path) => /^\/(?:400\.css|files\/noto-sans-sc-[a-z0-9-]+-400-normal\.woff2?)$/u.test(path),
    maxAge: '7d',
    immutable: true,
    index: false,
    list: false,
  });
  await app.register(fastifyStatic, {
    root: dirname(REQUIRE.resolve('pdfjs-dist/build/pdf.min.mjs')),
    prefix: '/assets/pdfjs/',
    allowedPath: (path) => path === '/pdf.min.mjs' || path === '/pdf.worker.min.mjs',
    decorateReply: false,
    maxAge: '1d',
    index: false,
    list: false,
  });
}
