// The render queue on BullMQ and Redis: `gov-report-pdf/queue`. Kept out of the main entry so a
// program that only renders never loads BullMQ.
export { createRenderQueue, DEFAULT_PRIORITY } from './createRenderQueue/createRenderQueue.ts';
export type { RenderQueue, RenderQueueCounts, RenderQueueOptions, SubmitRequest, SubmitResult } from './createRenderQueue/createRenderQueue.ts';
export { startRenderWorker } from './startRenderWorker/startRenderWorker.ts';
export type { RenderWorker, RenderWorkerOptions } from './startRenderWorker/startRenderWorker.ts';
export { DEFAULT_QUEUE_NAME, checkRedisUrl, redactUrl } from './connection/connection.ts';
export type { RenderQueueConnection } from './connection/connection.ts';
export { renderJobId, canonicalJson } from './renderJobId/renderJobId.ts';
export { checkJobOptions } from './jobOptions/jobOptions.ts';
export type { RenderJobOptions } from './jobOptions/jobOptions.ts';
export { pdfFileName } from './pdfOutput/pdfOutput.ts';
export { classifyFailure, REFUSAL_CODES } from './classifyFailure/classifyFailure.ts';
export type { ClassifiedFailure, FailureKind } from './classifyFailure/classifyFailure.ts';
export { MAX_STORED_ISSUES } from './renderJob/renderJob.ts';
export type { RenderJobData, RenderJobRecord, RenderJobResult, RenderJobState } from './renderJob/renderJob.ts';
export { RenderQueueError } from './queueErrors/queueErrors.ts';
export type { RenderQueueErrorCode } from './queueErrors/queueErrors.ts';
export { jobRoutes } from './jobRoutes/jobRoutes.ts';
export type { JobRoutesOptions } from './jobRoutes/jobRoutes.ts';
