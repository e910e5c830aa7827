import type { BilingualText } from '../issues/issue.ts';
import { toFlagName, type ArgDef, type CommandDef } from './defineCommand.ts';
import { EXIT_CODES } from './errors.ts';

/** The program's name as typed in a shell. */
export const PROGRAM = 'gov-report-pdf';

const HELP_ROW: Row = ['-h, --help', { zh: '显示帮助', en: 'show this help' }];

const EXIT_ROWS: Row[] = [
  [String(EXIT_CODES.ok), { zh: '成功', en: 'success' }],
  [String(EXIT_CODES.refused), { zh: '报告被拒（JSON 或数据有误、严格模式下有警告）', en: 'the report was refused (bad JSON or data, warnings in strict mode)' }],
  [String(EXIT_CODES.usage), { zh: '命令行用法错误', en: 'wrong command line' }],
  [String(EXIT_CODES.failure), { zh: '其他失败（字体、写入文件、程序缺陷）', en: 'other failure (fonts, writing the file, a bug)' }],
];

type Row = readonly [string, BilingualText];

/** Descriptions longer than this (both languages) put the English on its own line. */
const WRAP_AT = 72;

/**
 * The general help: commands, global options and exit codes (pure; `runCli` prints it).
 *
 * @param commands The commands, in the order to list them.
 * @returns The help text.
 */
export function renderUsage(commands: readonly CommandDef[]): string {
  return [
    `${PROGRAM} — 政府信息公开工作年度报告 PDF 生成工具 / print-ready PDFs of government information disclosure annual reports`,
    section('用法 / Usage', [`  ${PROGRAM} <command> [options]`]),
    section('命令 / Commands', table(commands.map((command) => [command.name, command.description]))),
    section(
      '全局选项 / Global options',
      table([
        HELP_ROW,
        ['-v, --version', { zh: '显示版本号', en: 'show the version' }],
        ['--debug', { zh: '出现意外错误时显示堆栈', en: 'show the stack trace of unexpected errors' }],
      ]),
    ),
    section('退出码 / Exit codes', table(EXIT_ROWS)),
    `运行 ${PROGRAM} <command> --help 查看命令的选项 / run ${PROGRAM} <command> --help for its options`,
  ].join('\n\n');
}

/**
 * The help of one command, generated from its argument definitions (pure).
 *
 * @param command The command.
 * @returns The help text.
 */
export function renderCommandUsage(command: CommandDef): string {
  const entries = Object.entries(command.args) as [string, ArgDef][];
  const positionals = entries.filter(([, def]) => def.type === 'positional');
  const options = entries.filter(([, def]) => def.type !== 'positional');
  const parts = [
    `${PROGRAM} ${command.name} — ${command.description.zh} / ${command.description.en}`,
    section('用法 / Usage', [`  ${usageLine(command)}`]),
  ];
  if (positionals.length > 0) {
    parts.push(section('参数 / Arguments', table(positionals.map(([key, def]) => [`<${valueName(key, def)}>`, withRequired(def)]))));
  }
  parts.push(section('选项 / Options', table([...options.map(([key, def]) => [optionColumn(key, def), withRequired(def)] as const), HELP_ROW])));
  if (command.examples !== undefined && command.examples.length > 0) {
    parts.push(section('示例 / Examples', command.examples.map((example) => `  ${PROGRAM} ${example}`)));
  }
  return parts.join('\n\n');
}

/**
 * The one-line synopsis of a command: `gov-report-pdf render <report.json> -o <out.pdf> [options]`.
 *
 * @param command The command.
 * @returns The synopsis.
 */
export function usageLine(command: CommandDef): string {
  const words = [PROGRAM, command.name];
  let hasOptional = false;
  for (const [key, def] of Object.entries(command.args) as [string, ArgDef][]) {
    const required = def.type !== 'boolean' && def.required === true;
    if (def.type === 'positional') words.push(required ? `<${def.valueName}>` : `[${def.valueName}]`);
    else if (required) words.push(`${def.short === undefined ? `--${toFlagName(key)}` : `-${def.short}`} <${def.valueName}>`);
    else hasOptional = true;
  }
  if (hasOptional) words.push('[options]');
  return words.join(' ');
}

function optionColumn(key: string, def: ArgDef): string {
  const flag = def.type !== 'positional' && def.short !== undefined ? `-${def.short}, --${toFlagName(key)}` : `--${toFlagName(key)}`;
  return def.type === 'string' ? `${flag} <${valueName(key, def)}>` : flag;
}

function valueName(key: string, def: ArgDef): string {
  return def.type === 'boolean' ? key : def.valueName;
}

function withRequired(def: ArgDef): BilingualText {
  if (def.type === 'boolean' || def.required !== true) return def.description;
  return { zh: `${def.description.zh}（必填）`, en: `${def.description.en} (required)` };
}

function section(title: string, lines: readonly string[]): string {
  return [`${title}:`, ...lines].join('\n');
}

function table(rows: readonly Row[]): string[] {
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows.map(([left, text]) => {
    const both = `${text.zh} / ${text.en}`;
    if (both.length <= WRAP_AT) return `  ${left.padEnd(width)}${both}`;
    return `  ${left.padEnd(width)}${text.zh}\n  ${' '.repeat(width)}${text.en}`;
  });
}
