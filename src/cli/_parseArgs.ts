import { parseArgs } from 'node:util';
import { nearestKey } from '../schema/toReportIssues/nearestKey.ts';
import { argLabel, toFlagName, type ArgDef, type CommandDef, type ParsedArgs } from './defineCommand.ts';
import { CliUsageError, type CliUsageErrorCode } from './errors.ts';

/** @internal The parsed command line of one command. */
export interface _ParsedCommandLine<A> {
  /** The arguments; only checked for completeness when `help` is false. */
  readonly args: A;
  /** `-h`/`--help` was given. */
  readonly help: boolean;
}

type _UsageErrorFactory = (code: CliUsageErrorCode, zh: string, en: string) => CliUsageError;

type Options = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/**
 * @internal Parses a command's arguments (after the command name) against its definition.
 *
 * @param command The command definition.
 * @param argv The words after the command name.
 * @returns The typed arguments and whether help was asked for.
 */
export function _parseArgs<D extends CommandDef['args']>(
  command: CommandDef<D>,
  argv: readonly string[],
): _ParsedCommandLine<ParsedArgs<D>> {
  const entries = Object.entries(command.args) as [string, ArgDef][];
  const byFlag = new Map<string, [string, ArgDef]>();
  const options: Options = { help: { type: 'boolean', short: 'h' } };
  for (const [key, def] of entries) {
    if (def.type === 'positional') continue;
    byFlag.set(toFlagName(key), [key, def]);
    options[toFlagName(key)] = def.short === undefined ? { type: def.type } : { type: def.type, short: def.short };
  }
  const usage: _UsageErrorFactory = (code, zh, en) => new CliUsageError(code, { zh, en }, command.name);
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  const values: Record<string, string | boolean | undefined> = {};
  const positionals: string[] = [];
  let help = false;
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    if (token.name === 'help') {
      help = true;
      continue;
    }
    const found = byFlag.get(token.name);
    if (found === undefined) {
      const allowed = [...byFlag.entries()].map(([, [key, def]]) => argLabel(key, def)).concat('-h/--help');
      const near = nearestKey(token.name, [...byFlag.keys()]);
      const hint = near === undefined ? { zh: '', en: '' } : { zh: `（是否想输入 --${near}？）`, en: ` (did you mean --${near}?)` };
      throw usage(
        'E_UNKNOWN_OPTION',
        `${command.name} 没有选项 ${token.rawName}${hint.zh}；可用选项：${allowed.join('、')}`,
        `${command.name} has no option ${token.rawName}${hint.en}; expected one of: ${allowed.join(', ')}`,
      );
    }
    const [key, def] = found;
    values[key] = readValue(key, def, token, usage);
  }
  const positionalDefs = entries.filter(([, def]) => def.type === 'positional');
  if (positionals.length > positionalDefs.length) {
    const extra = positionals[positionalDefs.length] ?? '';
    throw usage(
      'E_UNEXPECTED_ARGUMENT',
      `${command.name} 多了参数 “${extra}”；需要 ${positionalDefs.length} 个参数`,
      `${command.name} got an unexpected argument "${extra}"; it takes ${positionalDefs.length}`,
    );
  }
  positionalDefs.forEach(([key], index) => (values[key] = positionals[index]));
  if (!help) {
    for (const [key, def] of entries) {
      if (def.type === 'boolean') values[key] ??= false;
      else if (def.required === true && values[key] === undefined) {
        const label = def.type === 'positional' ? argLabel(key, def) : `${argLabel(key, def)} <${def.valueName}>`;
        throw usage('E_MISSING_ARGUMENT', `${command.name} 缺少 ${label}`, `${command.name} needs ${label}`);
      }
    }
  }
  return { args: values as ParsedArgs<D>, help };
}

interface OptionToken {
  readonly name: string;
  readonly rawName: string;
  readonly value?: string | undefined;
  readonly inlineValue?: boolean | undefined;
}

function readValue(
  key: string,
  def: ArgDef,
  token: OptionToken,
  usage: _UsageErrorFactory,
): string | boolean {
  const label = argLabel(key, def);
  if (def.type === 'boolean') {
    if (token.value === undefined) return true;
    throw usage('E_INVALID_VALUE', `${label} 不接受值（收到 “${token.value}”）`, `${label} takes no value (got "${token.value}")`);
  }
  if (def.type === 'positional') throw usage('E_USAGE', label, label);
  const looksLikeOption = token.inlineValue !== true && token.value !== undefined && /^-./u.test(token.value);
  if (token.value === undefined || looksLikeOption) {
    throw usage('E_MISSING_VALUE', `${label} 后面需要 <${def.valueName}>`, `${label} needs a value <${def.valueName}>`);
  }
  if (def.choices !== undefined && !def.choices.includes(token.value)) {
    throw usage(
      'E_INVALID_VALUE',
      `${label} 的值 “${token.value}” 无效；可选值：${def.choices.join('、')}`,
      `invalid value "${token.value}" for ${label}; expected one of: ${def.choices.join(', ')}`,
    );
  }
  return token.value;
}
