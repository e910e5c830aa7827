import { dirname, resolve } from 'node:path';
import type { CliFormVersion } from '../api.ts';
import { defineCommand } from '../defineCommand.ts';
import { CliFileError, CliUsageError, EXIT_CODES } from '../errors.ts';
import { PROGRAM } from '../renderUsage.ts';
import { _say } from '../_text.ts';

/** `init --form 2019|2021`: writes a report skeleton with the official tables left blank. */
export const init = defineCommand({
  name: 'init',
  description: { zh: '生成报告模板（含空白统计表）', en: 'write a report skeleton with blank official tables' },
  args: {
    form: {
      type: 'string',
      valueName: '2019|2021',
      required: true,
      choices: ['2019', '2021'],
      description: {
        zh: '表格版本：2019 版（2019–2020 年度）或 2021 版（2021 年度起）',
        en: 'form version: 2019 (report years 2019–2020) or 2021 (2021 onward)',
      },
    },
    year: {
      type: 'string',
      valueName: 'N',
      description: {
        zh: '报告年度（默认：2019 版为 2020，2021 版为上一年）',
        en: 'report year (default: 2020 for the 2019 form, last year for the 2021 form)',
      },
    },
    output: {
      type: 'string',
      short: 'o',
      valueName: 'report.json',
      description: { zh: '写入的文件（默认输出到标准输出）', en: 'the file to write (default: standard output)' },
    },
    force: { type: 'boolean', description: { zh: '覆盖已存在的文件', en: 'overwrite an existing file' } },
  },
  examples: ['init --form 2021 --year 2024 -o report.json', 'init --form 2019 > report.json'],
  async run({ args, io, api }) {
    const year = args.year === undefined ? defaultYear(args.form, io.now()) : parseYear(args.year);
    const text = JSON.stringify((await api()).createFormSkeleton(args.form, year), null, 2);
    if (usualForm(year) !== args.form) {
      const usual = usualForm(year);
      io.stderr(`! ${_say({ zh: `${year} 年度通常使用 ${usual} 版表格`, en: `the ${year} report normally uses the ${usual} form` }, 'both')}`);
    }
    if (args.output === undefined) {
      io.stdout(text);
      return EXIT_CODES.ok;
    }
    const target = resolve(io.cwd, args.output);
    if (!args.force && (await io.exists(target))) throw new CliFileError('E_FILE_EXISTS', args.output);
    try {
      await io.mkdir(dirname(target));
      await io.writeFileAtomic(target, `${text}\n`);
    } catch (error) {
      throw new CliFileError('E_WRITE_FILE', args.output, error);
    }
    io.stdout(
      _say(
        {
          zh: `已写入 ${args.output}（${args.form} 版表格，${year} 年度）；填写后运行 ${PROGRAM} check ${args.output}`,
          en: `wrote ${args.output} (${args.form} form, year ${year}); fill it in, then run ${PROGRAM} check ${args.output}`,
        },
        'both',
      ),
    );
    return EXIT_CODES.ok;
  },
});

/** The 2019 form covers report years 2019–2020; the 2021 form every year since. */
function usualForm(year: number): CliFormVersion {
  return year >= 2021 ? '2021' : '2019';
}

function defaultYear(form: CliFormVersion, now: Date): number {
  return form === '2019' ? 2020 : Math.max(2021, now.getFullYear() - 1);
}

function parseYear(value: string): number {
  const year = /^\d{4}$/u.test(value) ? Number(value) : Number.NaN;
  if (year >= 1990 && year <= 2200) return year;
  throw new CliUsageError(
    'E_INVALID_VALUE',
    { zh: `--year 的值 “${value}” 无效；应为四位年份，如 2024`, en: `invalid value "${value}" for --year; expected a four-digit year such as 2024` },
    'init',
  );
}
