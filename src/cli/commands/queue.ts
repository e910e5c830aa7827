import type { RenderQueueCounts } from '../../queue/index.ts';
import { defineCommand } from '../defineCommand.ts';
import { CliUsageError, EXIT_CODES } from '../errors.ts';
import { _langArg } from './_sharedArgs.ts';
import { _jobLine, _loadQueue, _queueNameArg, _redisArg, _withQueueErrors } from './_queue.ts';

const ACTIONS = ['status', 'results'] as const;

/** `queue status|results --redis <url>`: the queue's counts, or one JSON line per finished job. */
export const queue = defineCommand({
  name: 'queue',
  description: { zh: '查看渲染队列的状态或结果', en: "the render queue's counts or results" },
  args: {
    action: {
      type: 'positional',
      valueName: 'status|results',
      required: true,
      description: { zh: 'status：等待/进行/完成/失败数（终端上显示进度条直到队列清空）；results：每个已结束任务一行 JSON', en: 'status: waiting/active/completed/failed counts (a progress bar on a terminal until the queue drains); results: one JSON line per finished job' },
    },
    redis: _redisArg,
    queue: _queueNameArg,
    lang: _langArg,
  },
  examples: ['queue status --redis redis://127.0.0.1:6379', 'queue results --redis redis://127.0.0.1:6379 > results.jsonl'],
  async run({ args, io }) {
    const lang = args.lang ?? 'both';
    if (!(ACTIONS as readonly string[]).includes(args.action)) {
      throw new CliUsageError('E_INVALID_VALUE', { zh: `未知操作 “${args.action}”；可选：${ACTIONS.join('、')}`, en: `unknown action "${args.action}"; expected one of: ${ACTIONS.join(', ')}` }, 'queue');
    }
    const { createRenderQueue } = await _loadQueue();
    const renderQueue = await _withQueueErrors('queue', () => createRenderQueue({ redis: args.redis, ...(args.queue === undefined ? {} : { queueName: args.queue }) }));
    try {
      if (args.action === 'results') {
        let failed = 0;
        for await (const record of renderQueue.finished()) {
          if (record.ok !== true) failed += 1;
          io.stdout(JSON.stringify(_jobLine(record, lang)));
        }
        return failed > 0 ? EXIT_CODES.refused : EXIT_CODES.ok;
      }
      let counts = await renderQueue.counts();
      if (io.isTTY) {
        // Follow the queue on a terminal until nothing is left to do (or Ctrl-C).
        let stopped = false;
        io.onShutdown?.(() => void (stopped = true));
        io.progress(progressBar(counts));
        while (!stopped && counts.waiting + counts.active + counts.delayed > 0) {
          await new Promise((resolve) => setTimeout(resolve, 500));
          counts = await renderQueue.counts();
          io.progress(progressBar(counts));
        }
        io.progress('');
      }
      io.stdout(JSON.stringify(counts));
      return EXIT_CODES.ok;
    } finally {
      await renderQueue.close();
    }
  },
});

/**
 * The progress line: finished jobs over all jobs Redis still knows about.
 *
 * @param counts Jobs per state.
 * @returns `[#####-----] 45/50 done (5 failed) · 2 active · 3 waiting · 0 delayed`.
 */
export function progressBar(counts: RenderQueueCounts): string {
  const done = counts.completed + counts.failed;
  const total = done + counts.waiting + counts.active + counts.delayed;
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} done${counts.failed > 0 ? ` (${counts.failed} failed)` : ''} · ${counts.active} active · ${counts.waiting} waiting · ${counts.delayed} delayed`;
}
