/**
 * Child process of budget.fuzz.test.ts: renders the report in the given JSON file with the default
 * limits and prints one JSON line: the outcome, the wall and CPU time of the render and the
 * process's peak RSS (in a fresh process, so the figures are this render's).
 */
import { readFileSync } from 'node:fs';
import { renderReport, GovReportError } from '../../src/index.ts';

const input = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as unknown;
const cpu = process.cpuUsage();
const started = performance.now();
const outcome = await renderReport(input).then(
  (result) => `rendered ${result.pageCount} pages`,
  (error: unknown) => (error instanceof GovReportError ? `${error.code}: ${error.issues[0]?.pathText ?? ''} ${error.issues[0]?.message.en ?? ''}` : `UNNAMED ${String(error)}`),
);
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({ outcome, wallMs: Math.round(performance.now() - started), cpuMs: Math.round((used.user + used.system) / 1000), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
