// Running one measured child process: wall time from spawn to exit, CPU time and peak RSS from /usr/bin/time
// (GNU time: wait4 rusage, so CPU includes every reaped descendant and %M is the largest single process of the
// tree), and optionally the peak of the summed RSS of the whole process tree, sampled from /proc (for Chromium,
// whose work happens in several browser processes; the sum over-counts pages shared between them).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const PAGE_KB = 4;

function treeRssKb(rootPid) {
  const parent = new Map();
  const rss = new Map();
  let entries;
  try { entries = readdirSync('/proc'); } catch { return null; }
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'latin1');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(name), Number(fields[1]));
      rss.set(Number(name), Number(fields[21]) * PAGE_KB); // field 24 (rss, pages)
    } catch { /* process exited meanwhile */ }
  }
  let total = 0;
  const inTree = (pid) => {
    for (let p = pid, hops = 0; p > 1 && hops < 64; p = parent.get(p) ?? 0, hops++) if (p === rootPid) return true;
    return false;
  };
  for (const [pid, kb] of rss) if (inTree(pid)) total += kb;
  return total;
}

/**
 * Runs `node <args>` (or another command) and measures it.
 * @returns {Promise<{code:number, wall_ms:number, stdout:string, stderr:string, cpu_ms:number|null,
 *   max_rss_kb:number|null, tree_peak_rss_kb:number|null, load_before:number[]}>}
 */
export function runMeasured(command, args, { cwd, env, sampleTree = false, sampleMs = 50, timeoutMs = 30 * 60_000 } = {}) {
  return new Promise((resolve, reject) => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-time-'));
    const timeFile = join(dir, 'time');
    const [cmd, argv] = GNU_TIME
      ? [GNU_TIME, ['-f', '%e %U %S %M', '-o', timeFile, command, ...args]]
      : [command, args];
    const load_before = loadavg().map((x) => Math.round(x * 100) / 100);
    const t0 = performance.now();
    const child = spawn(cmd, argv, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    let treePeak = null;
    const timer = sampleTree
      ? setInterval(() => {
        const kb = treeRssKb(child.pid);
        if (kb !== null) treePeak = Math.max(treePeak ?? 0, kb);
      }, sampleMs)
      : null;
    const killer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => { clearTimeout(killer); if (timer) clearInterval(timer); reject(error); });
    child.on('close', (code) => {
      const wall = performance.now() - t0;
      clearTimeout(killer);
      if (timer) clearInterval(timer);
      let cpu = null;
      let maxRss = null;
      if (GNU_TIME) {
        try {
          // The file may hold "Command exited with non-zero status N" before the figures.
          const line = readFileSync(timeFile, 'utf8').trim().split('\n').pop();
          const [, user, sys, rssKb] = line.split(' ').map(Number);
          cpu = Math.round((user + sys) * 1000);
          maxRss = rssKb;
        } catch { /* leave null */ }
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({
        code, wall_ms: Math.round(wall * 10) / 10, stdout, stderr, cpu_ms: cpu, max_rss_kb: maxRss,
        tree_peak_rss_kb: treePeak, load_before,
      });
    });
  });
}

/** Samples the summed RSS of a process tree every `sampleMs`; stop() returns the peak in kB. */
export function startTreeSampler(pid, sampleMs = 50) {
  let peak = null;
  const timer = setInterval(() => {
    const kb = treeRssKb(pid);
    if (kb !== null && kb > 0) peak = Math.max(peak ?? 0, kb);
  }, sampleMs);
  return { stop: () => { clearInterval(timer); return peak; } };
}

/** The last line of stdout that parses as a JSON object. */
export function lastJson(stdout) {
  const text = stdout.trim();
  // The peers' bench.mjs pretty-prints one object; our run-*.mjs print one line.
  try { return JSON.parse(text); } catch { /* fall through */ }
  for (const line of text.split('\n').reverse()) {
    try {
      const value = JSON.parse(line);
      if (value && typeof value === 'object') return value;
    } catch { /* not JSON */ }
  }
  throw new Error(`no JSON in output:\n${text.slice(-2000)}`);
}
