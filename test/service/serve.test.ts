import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { longReport, postJson, waitFor } from './_helpers.ts';

// `gov-report-pdf serve` in a child process: SIGTERM drains (no new work, the render in flight
// finishes), then the process exits 0; its stdout is the request log.
const root = fileURLToPath(new URL('../../', import.meta.url));

describe('serve', () => {
  test('SIGTERM: new work gets 503, the render in flight finishes, then the process exits 0', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/bin.ts'), 'serve', '--port', '0', '--workers', '1'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await waitFor('the server listening', () => /listening on (http:\/\/127\.0\.0\.1:\d+)/u.test(stderr), 60_000);
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/u.exec(stderr)![1]!;
      const marker = `停机测试标记${Date.now()}`;
      const inFlight = postJson(`${url}/v1/render`, longReport(1500, marker));
      await waitFor('the render running', async () => ((await (await fetch(`${url}/readyz`)).json()) as { running: number }).running === 1);

      child.kill('SIGTERM');
      await waitFor('the drain message', () => stderr.includes('SIGTERM'));
      const refused = await postJson(`${url}/v1/check`, longReport(2));
      expect(refused.status).toBe(503);
      expect(((await refused.json()) as { code: string }).code).toBe('E_DRAINING');
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      expect(((await (await fetch(`${url}/readyz`)).json()) as { status: string }).status).toBe('draining');

      const finished = await inFlight;
      expect(finished.status).toBe(200);
      expect(Buffer.from(await finished.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
      expect(await exited).toBe(0);

      const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as { route: string; status: number; pages: number | null });
      expect(lines).toContainEqual(expect.objectContaining({ route: '/v1/render', status: 200 }));
      expect(lines.find((line) => line.route === '/v1/render')!.pages).toBeGreaterThan(1);
      expect(lines).toContainEqual(expect.objectContaining({ route: '/v1/check', status: 503 }));
      expect(stdout + stderr).not.toContain(marker);
    } finally {
      child.kill('SIGKILL');
    }
  }, 120_000);
});
