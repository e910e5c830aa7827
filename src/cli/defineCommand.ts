import type { BilingualText } from '../issues/issue.ts';
import type { CliApi } from './api.ts';
import type { CliIo } from './io.ts';

/** A positional argument, e.g. `<report.json>`. */
export interface PositionalArgDef {
  /** Kind of argument. */
  readonly type: 'positional';
  /** Name shown in usage, e.g. `report.json`. */
  readonly valueName: string;
  /** What the argument is, in both languages. */
  readonly description: BilingualText;
  /** Whether the command fails without it. */
  readonly required?: boolean;
}

/** An option that takes a value, e.g. `-o <out.pdf>` or `--lang <zh|en>`. */
export interface StringArgDef {
  /** Kind of argument. */
  readonly type: 'string';
  /** One-letter alias, e.g. `o` for `-o`. */
  readonly short?: string;
  /** Name of the value shown in usage, e.g. `out.pdf`. */
  readonly valueName: string;
  /** What the option does, in both languages. */
  readonly description: BilingualText;
  /** Whether the command fails without it. */
  readonly required?: boolean;
  /** The only values accepted; listed in help and in the error for any other value. */
  readonly choices?: readonly string[];
}

/** An on/off flag, e.g. `--strict`. */
export interface BooleanArgDef {
  /** Kind of argument. */
  readonly type: 'boolean';
  /** One-letter alias. */
  readonly short?: string;
  /** What the flag does, in both languages. */
  readonly description: BilingualText;
}

/** Any argument definition. */
export type ArgDef = PositionalArgDef | StringArgDef | BooleanArgDef;

/** A command's arguments, keyed by camelCase name; an option `fillTotals` is written `--fill-totals`. */
export type ArgsDef = Readonly<Record<string, ArgDef>>;

/** The parsed value of one argument definition. */
export type ArgValue<D> = D extends BooleanArgDef
  ? boolean
  : D extends { readonly choices: readonly (infer C)[] }
    ? D extends { readonly required: true }
      ? C
      : C | undefined
    : D extends { readonly required: true }
      ? string
      : string | undefined;

/** The parsed arguments of a command, typed from its definition. */
export type ParsedArgs<D extends ArgsDef> = { readonly [K in keyof D]: ArgValue<D[K]> };

/** What a command's `run` receives. */
export interface CommandContext<A> {
  /** The parsed arguments. */
  readonly args: A;
  /** The outside world. */
  readonly io: CliIo;
  /** Loads the library (lazily; only commands that need it call this). */
  api(): Promise<CliApi>;
}

/** A command as data: name, description, arguments and the function that runs it. */
export interface CommandDef<D extends ArgsDef = ArgsDef> {
  /** The word after `gov-report-pdf`, e.g. `render`. */
  readonly name: string;
  /** One line, in both languages: `渲染报告 / render a report`. */
  readonly description: BilingualText;
  /** Arguments; they drive parsing, validation and help alike. */
  readonly args: D;
  /** Example command lines for the help text (without `gov-report-pdf`). */
  readonly examples?: readonly string[];
  /**
   * Runs the command.
   *
   * @param context Parsed arguments, io and api.
   * @returns The exit code.
   */
  run(context: CommandContext<ParsedArgs<D>>): Promise<number>;
}

/**
 * Declares a command; an identity function that infers the argument types for `run`.
 *
 * @param command The command definition.
 * @returns The same definition.
 */
export function defineCommand<const D extends ArgsDef>(command: CommandDef<D>): CommandDef<D> {
  return command;
}

/**
 * The flag an argument key is written as: `fillTotals` → `fill-totals`.
 *
 * @param key The camelCase key.
 * @returns The kebab-case flag name, without dashes.
 */
export function toFlagName(key: string): string {
  return key.replace(/[A-Z]/gu, (letter) => `-${letter.toLowerCase()}`);
}

/**
 * How an option is named in messages: `-o/--output`, `--strict`; a positional as `<report.json>`.
 *
 * @param key The argument's key.
 * @param def Its definition.
 * @returns The label.
 */
export function argLabel(key: string, def: ArgDef): string {
  if (def.type === 'positional') return `<${def.valueName}>`;
  const long = `--${toFlagName(key)}`;
  return def.short === undefined ? long : `-${def.short}/${long}`;
}
