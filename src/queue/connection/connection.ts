import { RenderQueueError } from '../queueErrors/queueErrors.ts';

/** Where the queue lives: the Redis server and the queue's name in it. */
export interface RenderQueueConnection {
  /** `redis://[user:password@]host:port[/db]` or `rediss://…` (TLS). */
  readonly redis: string;
  /** Name of the queue (default {@link DEFAULT_QUEUE_NAME}); producers and workers must agree. */
  readonly queueName?: string;
}

/** The queue's default name. */
export const DEFAULT_QUEUE_NAME = 'gov-report-pdf';

/**
 * Checks a Redis address before anything connects to it, so a typo is a clear error instead of
 * endless reconnect attempts.
 *
 * @param url The address as given.
 * @returns The same address.
 * @throws {RenderQueueError} `E_QUEUE_URL` when it is not a `redis://` or `rediss://` URL with a host.
 */
export function checkRedisUrl(url: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') || parsed.hostname === '') {
    throw new RenderQueueError('E_QUEUE_URL', {
      zh: `Redis 地址 “${url}” 无效；应形如 redis://127.0.0.1:6379`,
      en: `"${url}" is not a Redis address; expected something like redis://127.0.0.1:6379`,
    });
  }
  return url;
}

/**
 * Checks a queue name: BullMQ builds Redis keys from it with `:` as separator.
 *
 * @param name The name, or `undefined` for the default.
 * @returns The name to use.
 * @throws {RenderQueueError} `E_QUEUE_URL` when the name is empty or holds `:`.
 */
export function queueNameOf(name: string | undefined): string {
  if (name === undefined) return DEFAULT_QUEUE_NAME;
  if (name === '' || name.includes(':')) {
    throw new RenderQueueError('E_QUEUE_URL', { zh: `队列名 “${name}” 不能为空或含冒号`, en: `queue name "${name}" must not be empty or hold ":"` });
  }
  return name;
}

/**
 * Waits for a BullMQ object to be connected, or fails after `timeoutMs` with a named error.
 *
 * @param ready The object's `waitUntilReady()` promise.
 * @param url The address, for the message.
 * @param timeoutMs How long to wait.
 * @param lastError The last connection error seen, for the message.
 * @returns Resolves once connected.
 */
export async function waitForRedis(ready: Promise<unknown>, url: string, timeoutMs: number, lastError: () => unknown): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const outcome = await Promise.race([ready.then(() => 'ready' as const), timeout]);
    if (outcome === 'timeout') throw unavailable(url, timeoutMs, lastError());
  } catch (error) {
    throw error instanceof RenderQueueError ? error : unavailable(url, timeoutMs, error);
  } finally {
    clearTimeout(timer);
  }
}

function unavailable(url: string, timeoutMs: number, cause: unknown): RenderQueueError {
  const reason = cause instanceof Error ? `: ${cause.message.split('\n')[0]}` : '';
  const shown = redactUrl(url);
  return new RenderQueueError(
    'E_QUEUE_UNAVAILABLE',
    { zh: `${timeoutMs} 毫秒内无法连接 Redis ${shown}${reason}；请检查地址和服务器`, en: `could not reach Redis at ${shown} within ${timeoutMs} ms${reason}; check the address and the server` },
    { cause },
  );
}

/**
 * The address without its password, for messages and logs.
 *
 * @param url A Redis URL.
 * @returns The URL with `***` for the password.
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}
