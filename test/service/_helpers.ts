import { readFileSync } from 'node:fs';
import { createServer, type ReportService, type ServiceOptions } from '../../src/service/index.ts';

/** The seed report as bytes. */
export const SEED = readFileSync(new URL('../../examples/seed-2020-water-bureau.json', import.meta.url));

/** A valid report with one long table: seconds of work for a worker (more rows, more seconds). */
export function longReport(rows: number, title = '长报告', columns = 3): Record<string, unknown> {
  return {
    meta: { title, issuer: '机关', year: 2024 },
    sections: [{
      heading: '统计',
      content: [{ table: { corner: '项目', columns: Array.from({ length: columns }, (_, i) => `列${i + 1}`), rows: Array.from({ length: rows }, (_, i) => ({ label: `第${i + 1}项`, values: Array.from({ length: columns }, (_, j) => i * (j + 1)) })) } }],
    }],
  };
}

/** A running service on 127.0.0.1 (a free port) and the log lines it wrote. */
export interface TestService {
  readonly service: ReportService;
  readonly url: string;
  readonly logs: string[];
}

/**
 * Starts a real server on loopback.
 *
 * @param options Service options (port and host are fixed).
 * @returns The service, its URL and its log.
 */
export async function startService(options: ServiceOptions = {}): Promise<TestService> {
  const logs: string[] = [];
  const service = await createServer({ workers: 1, ...options, host: '127.0.0.1', port: 0, log: (line) => logs.push(line) });
  const url = await service.start();
  return { service, url, logs };
}

/** POSTs JSON (an object or bytes) to the service. */
export function postJson(url: string, body: unknown, init: RequestInit = {}): Promise<Response> {
  // Bytes are sent as their UTF-8 text (every body here is JSON, or deliberately broken JSON).
  const data = body instanceof Uint8Array ? Buffer.from(body).toString('utf8') : JSON.stringify(body);
  return fetch(url, { method: 'POST', body: data, ...init, headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string> | undefined) } });
}

/** Waits until a condition holds (polling every 20 ms), or fails after `ms`. */
export async function waitFor(what: string, condition: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Times a GET, in ms. */
export async function timedGet(url: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started };
}
