import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { RenderPool } from '../pool/createRenderPool.ts';

/** What a job of the service was: a render or a check. */
export type JobKind = 'render' | 'check';

/** The service's Prometheus metrics, in a registry of its own (two servers in one process do not mix). */
export interface ServiceMetrics {
  /** The registry `GET /metrics` prints. */
  readonly registry: Registry;
  /**
   * Records a finished job.
   *
   * @param kind Render or check.
   * @param seconds Time from the request to the result, queue included.
   * @param code `undefined` when it succeeded, otherwise the error code.
   * @param refused Whether the error is the report's fault (counted apart from failures of the service).
   */
  record(kind: JobKind, seconds: number, code?: string, refused?: boolean): void;
  /** Average seconds of recent successful renders (for Retry-After). */
  averageSeconds(): number;
}

/**
 * Creates the metrics: `govreport_jobs_total{kind,outcome}`, `govreport_job_failures_total{kind,code}`,
 * `govreport_queue_depth`, `govreport_jobs_running`, `govreport_workers`,
 * `govreport_render_duration_seconds{kind}` and Node's default process metrics.
 *
 * @param pool The pool whose queue the gauges read at scrape time.
 * @returns The metrics.
 */
export function createServiceMetrics(pool: RenderPool): ServiceMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const jobs = new Counter({ name: 'govreport_jobs_total', help: 'Renders and checks by outcome (ok, refused: the report was refused, failed: the service could not answer).', labelNames: ['kind', 'outcome'], registers: [registry] });
  const failures = new Counter({ name: 'govreport_job_failures_total', help: 'Renders and checks that did not succeed, by error code.', labelNames: ['kind', 'code'], registers: [registry] });
  const duration = new Histogram({
    name: 'govreport_render_duration_seconds',
    help: 'Time from request to result, queue included.',
    labelNames: ['kind'],
    buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  new Gauge({ name: 'govreport_queue_depth', help: 'Jobs waiting for a worker.', registers: [registry], collect() { this.set(pool.stats().queued); } });
  new Gauge({ name: 'govreport_jobs_running', help: 'Jobs a worker is working on.', registers: [registry], collect() { this.set(pool.stats().running); } });
  new Gauge({ name: 'govreport_workers', help: 'Render worker threads.', registers: [registry], collect() { this.set(pool.workers); } });
  let average = 1;
  return {
    registry,
    record(kind, seconds, code, refused = false) {
      duration.observe({ kind }, seconds);
      jobs.inc({ kind, outcome: code === undefined ? 'ok' : refused ? 'refused' : 'failed' });
      if (code !== undefined) failures.inc({ kind, code });
      else if (kind === 'render') average = average * 0.8 + seconds * 0.2;
    },
    averageSeconds: () => average,
  };
}
