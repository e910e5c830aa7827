import { resolve } from 'node:path';
import { defineCommand } from '../defineCommand.ts';
import { CliFileError, CliUsageError, EXIT_CODES } from '../errors.ts';
import { _say } from '../_text.ts';
import { _loadQueue, _withQueueErrors } from './_queue.ts';

/** `serve`: the HTTP service (src/service) until SIGTERM/SIGINT, then a drain and exit 0. */
export const serve = defineCommand({
  name: 'serve',
  description: { zh: '以 HTTP 服务运行', en: 'run as an HTTP service' },
  args: {
    port: { type: 'string', short: 'p', valueName: 'port', description: { zh: '端口（默认 8080）', en: 'port (default 8080)' } },
    host: { type: 'string', valueName: 'address', description: { zh: '监听地址（默认 127.0.0.1；容器内用 0.0.0.0）', en: 'address to listen on (default 127.0.0.1; 0.0.0.0 in a container)' } },
    workers: { type: 'string', short: 'j', valueName: 'n', description: { zh: '渲染工作线程数（默认为 CPU 核数）', en: 'render worker threads (default: cores)' } },
    maxQueue: { type: 'string', valueName: 'n', description: { zh: '最多排队的渲染数（默认每线程 4 个），超出回 429', en: 'renders that may wait (default 4 per worker); more get 429' } },
    timeoutMs: { type: 'string', valueName: 'ms', description: { zh: '单次渲染时间预算（默认 60000 毫秒），超出回 504', en: 'time budget of one render (default 60000 ms); past it 504' } },
    workerMemoryMb: { type: 'string', valueName: 'MB', description: { zh: '每个工作线程的堆内存上限（默认 1024）', en: 'heap limit of each worker (default 1024)' } },
    maxInputBytes: { type: 'string', valueName: 'bytes', description: { zh: '请求体上限（默认 20 MiB），超出回 413', en: 'largest request body (default 20 MiB); larger gets 413' } },
    allowDir: { type: 'string', valueName: 'dir,dir', description: { zh: '允许报告图片读取的目录（逗号分隔；默认不读任何文件）', en: 'folders report images may be read from (comma-separated; default none)' } },
    allowUrlPrefix: { type: 'string', valueName: 'prefix,prefix', description: { zh: '允许报告图片下载的网址前缀（逗号分隔；默认无）', en: 'URL prefixes report images may be fetched from (comma-separated; default none)' } },
    corsOrigin: { type: 'string', valueName: 'origin,origin', description: { zh: '允许跨域调用的来源（逗号分隔；默认关闭 CORS）', en: 'origins allowed to call from a browser (comma-separated; default: CORS off)' } },
    tokenFile: { type: 'string', valueName: 'file', description: { zh: '含令牌的文件；设置后 /v1/ 与 /metrics 须带 Authorization: Bearer', en: 'a file holding a token; then /v1/ and /metrics need Authorization: Bearer' } },
    redis: { type: 'string', valueName: 'redis://host:6379', description: { zh: '设置后提供 /v1/jobs：报告进入该 Redis 队列，由 worker 渲染', en: 'adds /v1/jobs: reports go to this Redis queue, rendered by workers' } },
    queue: { type: 'string', valueName: 'name', description: { zh: '队列名（默认 gov-report-pdf），与 worker 一致', en: 'queue name (default gov-report-pdf), as the workers use' } },
    out: { type: 'string', valueName: 'dir', description: { zh: 'worker 写入 PDF 的共享文件夹（默认 ./pdf），供 GET /v1/jobs/{id}/pdf', en: 'the folder workers write PDFs to (default ./pdf), for GET /v1/jobs/{id}/pdf' } },
    noPreview: { type: 'boolean', description: { zh: '不提供 GET / 预览页', en: 'do not serve the preview page at GET /' } },
  },
  examples: ['serve', 'serve --port 8080 --host 0.0.0.0 --workers 2', 'serve --token-file /run/secrets/token --cors-origin https://portal.example.gov.cn'],
  async run({ args, io }) {
    const number = (name: string, value: string | undefined, min: number): number | undefined => {
      if (value === undefined) return undefined;
      const parsed = Number(value);
      if (!Number.isInteger(parsed) || parsed < min) {
        throw new CliUsageError('E_INVALID_VALUE', { zh: `--${name} 须为不小于 ${min} 的整数，实际为 ${value}`, en: `--${name} must be a whole number of at least ${min}, got ${value}` }, 'serve');
      }
      return parsed;
    };
    const list = (value: string | undefined) => value?.split(',').map((item) => item.trim()).filter((item) => item !== '') ?? [];
    let token: string | undefined;
    if (args.tokenFile !== undefined) {
      try {
        token = Buffer.from(await io.readFile(resolve(io.cwd, args.tokenFile))).toString('utf8').trim();
      } catch (error) {
        throw new CliFileError('E_READ_FILE', args.tokenFile, error);
      }
      if (token === '') throw new CliUsageError('E_INVALID_VALUE', { zh: `令牌文件 ${args.tokenFile} 为空`, en: `the token file ${args.tokenFile} is empty` }, 'serve');
    }
    const options = {
      port: number('port', args.port, 0) ?? 8080,
      host: args.host ?? '127.0.0.1',
      workers: number('workers', args.workers, 1),
      maxQueue: number('max-queue', args.maxQueue, 0),
      timeoutMs: number('timeout-ms', args.timeoutMs, 1),
      workerMemoryMb: number('worker-memory-mb', args.workerMemoryMb, 16),
      maxInputBytes: number('max-input-bytes', args.maxInputBytes, 1),
    };
    const { createServer } = await import('../../service/index.ts');
    const jobs = args.redis === undefined ? undefined : await connectJobRoutes(args.redis, args.queue, resolve(io.cwd, args.out ?? 'pdf'));
    const service = await createServer({
      ...(jobs === undefined ? {} : { plugins: [jobs.plugin] }),
      ...Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)),
      resources: { allowedDirectories: list(args.allowDir).map((dir) => resolve(io.cwd, dir)), allowedUrlPrefixes: list(args.allowUrlPrefix) },
      corsOrigins: list(args.corsOrigin),
      ...(token === undefined ? {} : { token }),
      preview: !args.noPreview,
      log: (line) => io.stdout(line),
    });
    const stopped = new Promise<string>((done) => io.onShutdown?.(done));
    let url: string;
    try {
      url = await service.start();
    } catch (error) {
      // A port in use: stop the workers too, or they would keep the process alive.
      await service.close();
      throw error;
    }
    io.stderr(_say({ zh: `正在监听 ${url}（OpenAPI：${url}/openapi.json；预览：${url}/）`, en: `listening on ${url} (OpenAPI: ${url}/openapi.json; preview: ${url}/)` }, 'both'));
    const signal = await stopped;
    io.stderr(_say({ zh: `收到 ${signal}：不再接受新任务，等待进行中的渲染完成`, en: `${signal}: taking no new work, finishing the renders in flight` }, 'both'));
    await service.drain();
    await jobs?.close();
    io.stderr(_say({ zh: '已停止', en: 'stopped' }, 'both'));
    return EXIT_CODES.ok;
  },
});

/** The /v1/jobs routes on a connected queue (only with --redis). */
async function connectJobRoutes(redis: string, queueName: string | undefined, outDir: string) {
  const { createRenderQueue, jobRoutes } = await _loadQueue();
  const queue = await _withQueueErrors('serve', () => createRenderQueue({ redis, ...(queueName === undefined ? {} : { queueName }) }));
  return { plugin: jobRoutes({ queue, outDir }), close: () => queue.close() };
}
