import { resolve } from 'node:path';
import { defineCommand } from '../defineCommand.ts';
import { CliUsageError, EXIT_CODES } from '../errors.ts';
import { _say } from '../_text.ts';
import { _langArg } from './_sharedArgs.ts';
import { _jobLine, _loadQueue, _queueNameArg, _redisArg, _wholeNumber, _withQueueErrors } from './_queue.ts';

/** `worker --redis <url>`: renders jobs from the queue until stopped. */
export const worker = defineCommand({
  name: 'worker',
  description: { zh: '渲染 Redis 队列中的任务', en: 'render jobs from a Redis queue' },
  args: {
    redis: _redisArg,
    concurrency: { type: 'string', short: 'c', valueName: 'N', description: { zh: '同时渲染的任务数，每个占一个工作线程（默认为 CPU 核数）', en: 'jobs rendered at once, one worker thread each (default: the number of cores)' } },
    out: { type: 'string', short: 'o', valueName: 'dir', description: { zh: 'PDF 输出文件夹（默认 ./pdf）', en: 'folder to write the PDFs to (default ./pdf)' } },
    timeout: { type: 'string', valueName: 'ms', description: { zh: '单份报告的渲染时限（毫秒，默认 60000）；超时的任务会重试', en: 'time budget per report in ms (default 60000); a job past it is retried' } },
    queue: _queueNameArg,
    name: { type: 'string', valueName: 'name', description: { zh: 'worker 名称，记录在它处理的任务上（默认：主机名加随机后缀）', en: 'worker name, stored on the jobs it takes (default: the host name and a random suffix)' } },
    lockDuration: { type: 'string', valueName: 'ms', description: { zh: '任务锁时长（毫秒，默认 30000）：worker 失联这么久后，其任务由其他 worker 接手', en: 'job lock in ms (default 30000): a dead worker\'s jobs are taken back after this long' } },
    stalledInterval: { type: 'string', valueName: 'ms', description: { zh: '检查失联任务的间隔（毫秒，默认 30000）', en: 'how often to look for jobs of dead workers, in ms (default 30000)' } },
    lang: _langArg,
  },
  examples: ['worker --redis redis://127.0.0.1:6379 --out pdf/', 'worker --redis redis://queue.internal:6379 --concurrency 4 --out /srv/pdf'],
  async run({ args, io }) {
    const lang = args.lang ?? 'both';
    const concurrency = _wholeNumber('worker', '--concurrency', args.concurrency, 1, 256);
    const timeoutMs = _wholeNumber('worker', '--timeout', args.timeout, 1, 3_600_000);
    const lockDurationMs = _wholeNumber('worker', '--lock-duration', args.lockDuration, 100, 3_600_000);
    const stalledIntervalMs = _wholeNumber('worker', '--stalled-interval', args.stalledInterval, 100, 3_600_000);
    if (io.onShutdown === undefined) {
      throw new CliUsageError('E_USAGE', { zh: 'worker 需要能接收停止信号的终端环境', en: 'worker needs an environment that can deliver stop signals' }, 'worker');
    }
    const { startRenderWorker, redactUrl } = await _loadQueue();
    let lastComplaint = 0;
    const running = await _withQueueErrors('worker', () =>
      startRenderWorker({
        redis: args.redis,
        outDir: resolve(io.cwd, args.out ?? 'pdf'),
        ...(args.queue === undefined ? {} : { queueName: args.queue }),
        ...(args.name === undefined ? {} : { name: args.name }),
        ...(concurrency === undefined ? {} : { concurrency }),
        ...(timeoutMs === undefined ? {} : { timeoutMs }),
        ...(lockDurationMs === undefined ? {} : { lockDurationMs }),
        ...(stalledIntervalMs === undefined ? {} : { stalledIntervalMs }),
        onJob: (record, retrying) => {
          const line = _jobLine(record, lang);
          if (retrying) {
            io.stderr(`↻ ${record.file ?? record.id} ${_say({ zh: `第 ${record.attempts} 次失败，稍后重试`, en: `attempt ${record.attempts} failed, will retry` }, lang)}: ${line.problems[0] ?? ''}`);
            return;
          }
          io.stdout(JSON.stringify(line));
          io.stderr(`${line.ok ? '✓' : '×'} ${record.file ?? record.id}${line.ok ? ` → ${line.output} (${line.pages} p)` : ` ${line.code ?? ''}`}`);
        },
        onConnectionError: (error) => {
          // Redis down: BullMQ keeps reconnecting; say so once every 10 s, not once per try.
          if (io.now().getTime() - lastComplaint < 10_000) return;
          lastComplaint = io.now().getTime();
          io.stderr(`! ${_say({ zh: `Redis 连接出错，正在重连：${error.message}`, en: `Redis connection error, reconnecting: ${error.message}` }, lang)}`);
        },
      }),
    );
    io.stderr(_say({
      zh: `worker ${running.name} 已连接 ${redactUrl(args.redis)}，PDF 写入 ${running.outDir}；按 Ctrl-C 结束`,
      en: `worker ${running.name} connected to ${redactUrl(args.redis)}, writing PDFs to ${running.outDir}; Ctrl-C to stop`,
    }, lang));
    // The first signal finishes the jobs in hand; a second one has its default effect (the process
    // ends at once, and other workers take its jobs back when their locks expire).
    await new Promise<void>((done) => {
      io.onShutdown!(() => {
        io.stderr(_say({ zh: '正在完成手头的任务后退出（再按一次 Ctrl-C 立即退出）', en: 'finishing the jobs in hand, then stopping (Ctrl-C again to stop now)' }, lang));
        void running.close().then(done, done);
      });
    });
    return EXIT_CODES.ok;
  },
});
