import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A small valid report, different for each `n` (so each gets its own job id); `rows` table rows
 * make it take longer to render.
 *
 * @param n Its number.
 * @param rows Rows of its table.
 * @returns The report.
 */
export function smallReport(n: number, rows = 3): object {
  return {
    meta: { title: `测试机关${n}号2024年政府信息公开工作年度报告`, issuer: `测试机关${n}号`, year: 2024, date: '2025-01-15' },
    sections: [
      { heading: '总体情况', content: [`第${n}份报告的正文。`] },
      { heading: '统计', content: [{ table: { corner: '项目', columns: ['本年', '上年'], rows: Array.from({ length: rows }, (_, i) => ({ label: `第${i + 1}项`, values: [n + i, i] })) } }] },
    ],
  };
}

/**
 * A report the schema refuses: an empty title and an unknown key.
 *
 * @param n Its number.
 * @returns The report.
 */
export function badReport(n: number): object {
  return { meta: { title: '', issuer: `坏机关${n}`, year: 2024 }, sections: [{ heading: '总体情况', content: ['正文'], colour: n }] };
}

/**
 * Writes `good` valid and `bad` refused reports into a folder as `r-NN.json` (the bad ones as `bad-NN.json`).
 *
 * @param folder The folder (created).
 * @param good How many valid reports.
 * @param bad How many refused ones.
 * @param rows Table rows of each valid report.
 * @returns The file paths written.
 */
export async function writeReports(folder: string, good: number, bad: number, rows = 3): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  const files: string[] = [];
  for (let n = 0; n < good; n++) {
    const path = join(folder, `r-${String(n).padStart(3, '0')}.json`);
    await writeFile(path, JSON.stringify(smallReport(n, rows)));
    files.push(path);
  }
  for (let n = 0; n < bad; n++) {
    const path = join(folder, `bad-${String(n).padStart(2, '0')}.json`);
    await writeFile(path, JSON.stringify(badReport(n)));
    files.push(path);
  }
  return files;
}

/**
 * Polls until `check` returns true, or fails after `timeoutMs` with the last `describe()`.
 *
 * @param check The condition.
 * @param timeoutMs How long to wait.
 * @param describe What to say on timeout.
 */
export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, describe: () => Promise<string> | string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${await describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
