import type { FastifyInstance } from 'fastify';

/**
 * The preview page at `GET /`.
 *
 * @param app The Fastify instance.
 */
export async function previewRoutes(app: FastifyInstance): Promise<void> {
  app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send('<!doctype html><title>gov-report-pdf</title>'));
}
