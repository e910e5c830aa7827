import { nearestKey } from '../schema/toReportIssues/nearestKey.ts';
import { loadLibraryApi, type CliApi, type CliApiSource } from './api.ts';
import { COMMANDS } from './commands/index.ts';
import type { CommandDef } from './defineCommand.ts';
import { CliUsageError, EXIT_CODES } from './errors.ts';
import type { CliIo } from './io.ts';
import { PROGRAM, renderCommandUsage, renderUsage, usageLine } from './renderUsage.ts';
import { _describeError } from './_describeError.ts';
import { _parseArgs } from './_parseArgs.ts';
import { _say, type _Lang } from './_text.ts';
import { _readVersion } from './_version.ts';

/**
 * Runs the CLI in-process: parses `argv`, runs the command, prints through `io`, and returns the
 * exit code instead of exiting. Never throws: every error becomes a message and an exit code
 * (0 ok, 1 report refused, 2 usage error, 3 other failure).
 *
 * @param argv The words after the program name, e.g. `['render', 'a.json', '-o', 'a.pdf']`.
 * @param io Output, files, working directory and clock.
 * @param api The library functions, or a loader for them (default: the library, loaded on first use).
 * @returns The exit code.
 */
export async function runCli(argv: readonly string[], io: CliIo, api: CliApiSource = loadLibraryApi): Promise<number> {
  const terminator = argv.indexOf('--');
  const head = terminator === -1 ? argv : argv.slice(0, terminator);
  const debug = head.includes('--debug');
  const words = [...head.filter((word) => word !== '--debug'), ...(terminator === -1 ? [] : argv.slice(terminator))];
  let loaded: Promise<CliApi> | undefined;
  const loadApi = () => (loaded ??= typeof api === 'function' ? api() : Promise.resolve(api));
  let lang: _Lang = 'both';
  try {
    const [name, ...rest] = words;
    if (name === '-h' || name === '--help' || name === 'help') return showHelp(io, rest[0]);
    if (name === '-v' || name === '--version') {
      io.stdout(await _readVersion(io));
      return EXIT_CODES.ok;
    }
    const command = findCommand(name);
    const { args, help } = _parseArgs(command, rest);
    if (help) {
      io.stdout(renderCommandUsage(command));
      return EXIT_CODES.ok;
    }
    if (args['lang'] === 'zh' || args['lang'] === 'en') lang = args['lang'];
    return await command.run({ args, io, api: loadApi });
  } catch (error) {
    const { lines, exitCode } = _describeError(error, lang, debug);
    for (const line of lines) io.stderr(line);
    if (error instanceof CliUsageError) io.stderr(usageHint(error.command));
    return exitCode;
  }
}

function showHelp(io: CliIo, name: string | undefined): number {
  io.stdout(name === undefined ? renderUsage(COMMANDS) : renderCommandUsage(findCommand(name)));
  return EXIT_CODES.ok;
}

function findCommand(name: string | undefined): CommandDef {
  const names = COMMANDS.map((command) => command.name);
  if (name === undefined) {
    throw new CliUsageError('E_NO_COMMAND', { zh: `请指定命令：${names.join('、')}`, en: `no command given; expected one of: ${names.join(', ')}` });
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (command !== undefined) return command;
  if (name.startsWith('-')) {
    throw new CliUsageError('E_UNKNOWN_OPTION', {
      zh: `未知选项 ${name}；命令之前只能用 -h/--help、-v/--version、--debug`,
      en: `unknown option ${name}; before a command only -h/--help, -v/--version and --debug are allowed`,
    });
  }
  const near = nearestKey(name, names);
  throw new CliUsageError('E_UNKNOWN_COMMAND', {
    zh: `未知命令 “${name}”${near === undefined ? '' : `（是否想输入 ${near}？）`}；可用命令：${names.join('、')}`,
    en: `unknown command "${name}"${near === undefined ? '' : ` (did you mean ${near}?)`}; expected one of: ${names.join(', ')}`,
  });
}

function usageHint(commandName: string | undefined): string {
  const command = COMMANDS.find((candidate) => candidate.name === commandName);
  if (command === undefined) {
    return `  ${_say({ zh: `运行 ${PROGRAM} --help 查看用法`, en: `run ${PROGRAM} --help for usage` }, 'both')}`;
  }
  return [
    `  ${_say({ zh: '用法', en: 'usage' }, 'both')}: ${usageLine(command)}`,
    `  ${_say({ zh: `运行 ${PROGRAM} ${command.name} --help 查看全部选项`, en: `run ${PROGRAM} ${command.name} --help for all options` }, 'both')}`,
  ].join('\n');
}
