import { describe, expect, test, vi } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.ts';
import { toFlagName } from '../../src/cli/defineCommand.ts';
import { renderCommandUsage, renderUsage, usageLine } from '../../src/cli/renderUsage.ts';
import { runCli } from '../../src/cli/runCli.ts';
import { createFakeIo } from './_fakes.ts';

describe('general help', () => {
  test.each([['--help'], ['-h'], ['help']])('%s prints every command with both descriptions, exit 0', async (flag) => {
    const io = createFakeIo();
    const loader = vi.fn();
    expect(await runCli([flag], io, loader)).toBe(0);
    const text = io.out.join('\n');
    expect(text).toBe(renderUsage(COMMANDS));
    for (const command of COMMANDS) {
      expect(text).toContain(`${command.name}`);
      expect(text).toContain(`${command.description.zh} / ${command.description.en}`);
    }
    expect(text).toMatch(/退出码 \/ Exit codes/u);
    expect(io.err).toEqual([]);
    expect(loader).not.toHaveBeenCalled();
  });

  test('lists the commands in help order', () => {
    expect(COMMANDS.map((command) => command.name)).toEqual(['render', 'check', 'batch', 'init', 'schema', 'serve', 'worker', 'enqueue', 'queue']);
  });
});

describe('command help', () => {
  test.each(COMMANDS.map((command) => [command.name]))('%s --help is generated from its argument definitions', async (name) => {
    const command = COMMANDS.find((candidate) => candidate.name === name)!;
    const io = createFakeIo();
    expect(await runCli([name, '--help'], io)).toBe(0);
    const text = io.out.join('\n');
    expect(text).toBe(renderCommandUsage(command));
    expect(text).toContain(usageLine(command));
    for (const [key, def] of Object.entries(command.args)) {
      if (def.type !== 'positional') expect(text).toContain(`--${toFlagName(key)}`);
      expect(text).toContain(def.description.zh);
      expect(text).toContain(def.description.en);
    }
  });

  test('-h works after other arguments and skips required checks', async () => {
    const io = createFakeIo();
    expect(await runCli(['render', '-h'], io)).toBe(0);
    expect(io.out.join('\n')).toContain('gov-report-pdf render <report.json> -o <out.pdf> [options]');
  });

  test('help <command> prints that command', async () => {
    const io = createFakeIo();
    expect(await runCli(['help', 'check'], io)).toBe(0);
    expect(io.out.join('\n')).toContain('gov-report-pdf check <report.json> [options]');
  });

  test('help of an unknown command is a usage error', async () => {
    const io = createFakeIo();
    expect(await runCli(['help', 'nope'], io)).toBe(2);
    expect(io.err.join('\n')).toContain('E_UNKNOWN_COMMAND');
  });

  test('render lists choices and required marks', () => {
    const text = renderCommandUsage(COMMANDS[0]!);
    expect(text).toContain('--lang <zh|en>');
    expect(text).toContain('-o, --output <out.pdf>');
    expect(text).toContain('(required)');
    expect(text).toContain('-q, --quiet');
  });
});
