import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * Lowers the scheduling priority of the calling thread (Linux: `nice` is per thread). A render
 * worker calls it so that, when renders fill every core, the main thread (a service's event
 * loop: health checks, 429 answers) still gets the CPU first. Elsewhere it does nothing.
 *
 * @param nice 1 (slightly lower) to 19 (lowest).
 * @returns Whether the priority was changed.
 */
export function lowerThreadPriority(nice: number): boolean {
  try {
    // /proc/thread-self → "<pid>/task/<tid>"; setpriority(PRIO_PROCESS, tid) changes that thread only.
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    setPriority(tid, nice);
    return true;
  } catch {
    return false;
  }
}
