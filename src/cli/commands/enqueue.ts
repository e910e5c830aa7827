import { resolve } from 'node:path';
import type { RenderJobOptions, SubmitResult } from '../../queue/index.ts';
import { defineCommand } from '../defineCommand.ts';
import { CliError, CliUsageError, EXIT_CODES } from '../errors.ts';
import type { CliIo } from '../io.ts';
import { _parseJson, _readJsonFile, _STDIO_PATH } from '../_readJsonFile.ts';
import { _say } from '../_text.ts';
import { listInputs } from './batch.ts';
import { _fillTotalsArg, _langArg, _pdfaArg, _strictArg } from './_sharedArgs.ts';
import { _loadQueue, _queueNameArg, _redisArg, _wholeNumber, _withQueueErrors } from './_queue.ts';

/** Reports submitted at once (each is one round trip to Redis). */
const IN_FLIGHT = 16;

/** `enqueue <dir|glob> --redis <url>`: adds one render job per report and prints the job ids. */
export const enqueue = defineCommand({
  name: 'enqueue',
  description: { zh: '把报告加入渲染队列', en: 'add reports to the render queue' },
  args: {
    inputs: {
      type: 'positional',
      valueName: 'dir|glob|-',
      required: true,
      description: { zh: '报告所在文件夹、如 reports/*.json 的通配符、单个文件，或 -（从标准输入读一份）', en: 'a folder of reports, a pattern such as reports/*.json, one file, or - (one report from standard input)' },
    },
    redis: _redisArg,
    priority: { type: 'string', valueName: 'N', description: { zh: '优先级：1 最优先，默认 10（更正后重出的报告可用 1 插队）', en: 'priority: 1 is the most urgent, default 10 (re-renders after a correction can jump the queue with 1)' } },
    options: { type: 'string', valueName: 'json|file.json', description: { zh: '渲染选项 JSON（layout、strict、fillTotals、previousYear、creationDate、pdfa），或其文件', en: 'render options as JSON (layout, strict, fillTotals, previousYear, creationDate, pdfa), or a file holding them' } },
    layout: { type: 'string', valueName: 'name', description: { zh: '内置版式名称', en: 'a built-in layout name' } },
    strict: _strictArg,
    fillTotals: _fillTotalsArg,
    pdfa: _pdfaArg,
    queue: _queueNameArg,
    keepHours: { type: 'string', valueName: 'hours', description: { zh: '完成的任务及结果在 Redis 中保留的小时数（默认 168）；PDF 保留在磁盘上', en: 'hours finished jobs and their results stay in Redis (default 168); the PDFs stay on disk' } },
    lang: _langArg,
  },
  examples: ['enqueue reports/ --redis redis://127.0.0.1:6379', 'enqueue "reports/*-2024.json" --redis redis://127.0.0.1:6379 --options \'{"layout":"compact"}\' --priority 1'],
  async run({ args, io }) {
    const lang = args.lang ?? 'both';
    const priority = _wholeNumber('enqueue', '--priority', args.priority, 1, 2_097_152);
    const keepHours = _wholeNumber('enqueue', '--keep-hours', args.keepHours, 1, 24 * 366);
    const options = await readOptions(io, args.options, { layout: args.layout, strict: args.strict, fillTotals: args.fillTotals, pdfa: args.pdfa });
    const files = await listInputs(io, args.inputs);
    if (files.length === 0) {
      throw new CliUsageError('E_USAGE', { zh: `${args.inputs} 中没有 .json 文件`, en: `no .json files in ${args.inputs}` }, 'enqueue');
    }
    const { createRenderQueue, checkJobOptions } = await _loadQueue();
    const jobOptions = checkJobOptions(options);
    const queue = await _withQueueErrors('enqueue', () =>
      createRenderQueue({
        redis: args.redis,
        ...(args.queue === undefined ? {} : { queueName: args.queue }),
        ...(keepHours === undefined ? {} : { keepSeconds: keepHours * 3600 }),
      }),
    );
    const tally = { added: 0, existing: 0, retried: 0, unreadable: 0 };
    try {
      for (let start = 0; start < files.length; start += IN_FLIGHT) {
        const outcomes = await Promise.all(
          files.slice(start, start + IN_FLIGHT).map(async (file): Promise<{ file: string; submitted?: SubmitResult; problem?: CliError }> => {
            try {
              const report = await _readJsonFile(io, file);
              // A report from standard input has no name: its PDF is report.<id>.pdf.
              const named = file === _STDIO_PATH ? {} : { file };
              return { file, submitted: await queue.submit({ report, ...named, options: jobOptions, ...(priority === undefined ? {} : { priority }) }) };
            } catch (error) {
              if (error instanceof CliError) return { file, problem: error };
              throw error;
            }
          }),
        );
        for (const { file, submitted, problem } of outcomes) {
          if (submitted === undefined) {
            tally.unreadable += 1;
            io.stderr(`× ${_say(problem!.bilingual, lang)} (${problem!.code})`);
            continue;
          }
          tally[submitted.outcome] += 1;
          io.stdout(JSON.stringify({ id: submitted.id, file, outcome: submitted.outcome, state: submitted.state }));
        }
      }
    } finally {
      await queue.close();
    }
    io.stderr(_say({
      zh: `共 ${files.length} 份：新加入 ${tally.added}，已在队列中 ${tally.existing}，重新排队 ${tally.retried}${tally.unreadable > 0 ? `，无法读取 ${tally.unreadable}` : ''}`,
      en: `${files.length} reports: ${tally.added} added, ${tally.existing} already queued or done, ${tally.retried} queued again${tally.unreadable > 0 ? `, ${tally.unreadable} unreadable` : ''}`,
    }, lang));
    return tally.unreadable > 0 ? EXIT_CODES.refused : EXIT_CODES.ok;
  },
});

/** `--options` as JSON text or a file, with `--layout`, `--strict`, `--fill-totals`, `--pdfa` on top. */
async function readOptions(io: CliIo, given: string | undefined, flags: { layout: string | undefined; strict: boolean; fillTotals: boolean; pdfa: '2b' | '2u' | undefined }): Promise<RenderJobOptions> {
  let options: unknown = {};
  if (given !== undefined) {
    options = given.trimStart().startsWith('{') ? _parseJson(new TextEncoder().encode(given), '--options') : await _readJsonFile(io, resolve(io.cwd, given));
  }
  if (options === null || typeof options !== 'object' || Array.isArray(options)) return options as RenderJobOptions;
  return {
    ...(options as RenderJobOptions),
    ...(flags.layout === undefined ? {} : { layout: flags.layout }),
    ...(flags.strict ? { strict: true } : {}),
    ...(flags.fillTotals ? { fillTotals: true } : {}),
    ...(flags.pdfa === undefined ? {} : { pdfa: flags.pdfa }),
  };
}
