import { describe, expect, test } from 'vitest';
import { FontError, ReportValidationError, StrictModeRefusalError } from '../../src/errors/errors.ts';
import { runCli } from '../../src/cli/runCli.ts';
import { CWD, FAKE_PDF, createFakeApi, createFakeIo, issue, readText, REPORT_JSON } from './_fakes.ts';

const WARNINGS = [
  issue('warning', ['attachments', 0, 'content', 0, 'data', '本年新收'], '合计不等于各项之和', 'the total is not the sum of its parts'),
  issue('warning', ['meta', 'title'], '标题含占位符', 'the title holds a placeholder'),
];

function setup(files: Record<string, string | Uint8Array> = {}) {
  const io = createFakeIo({ 'report.json': REPORT_JSON, ...files });
  return { io, api: createFakeApi() };
}

describe('render: success', () => {
  test('reads the report, renders, writes the PDF, prints path and page count, exit 0', async () => {
    const { io, api } = setup();
    expect(await runCli(['render', 'report.json', '-o', 'out/report.pdf'], io, api)).toBe(0);
    expect(api.renderReport).toHaveBeenCalledWith(REPORT_JSON, { strict: false, fillTotals: false });
    expect(io.files.get(`${CWD}/out/report.pdf`)).toEqual(FAKE_PDF);
    expect(io.out).toEqual(['已写入 out/report.pdf（3 页） / wrote out/report.pdf (3 pages)']);
    expect(io.err).toEqual([]);
  });

  test('passes --strict, --fill-totals, a layout name and last year\'s report', async () => {
    const { io, api } = setup({ 'last.json': '{"meta":{"year":2023}}' });
    const argv = ['render', 'report.json', '-o', 'a.pdf', '--strict', '--fill-totals', '--layout', 'compact', '--previous', 'last.json'];
    expect(await runCli(argv, io, api)).toBe(0);
    expect(api.renderReport).toHaveBeenCalledWith(REPORT_JSON, {
      strict: true,
      fillTotals: true,
      layout: 'compact',
      previousYear: { meta: { year: 2023 } },
    });
  });

  test('--pdfa 2b|2u asks for archival output; another level is a usage error', async () => {
    const { io, api } = setup();
    expect(await runCli(['render', 'report.json', '-o', 'a.pdf', '--pdfa', '2u'], io, api)).toBe(0);
    expect(api.renderReport.mock.calls[0]?.[1]).toMatchObject({ pdfa: '2u' });
    const bad = setup();
    expect(await runCli(['render', 'report.json', '-o', 'a.pdf', '--pdfa', '1a'], bad.io, bad.api)).toBe(2);
    expect(bad.api.renderReport).not.toHaveBeenCalled();
  });

  test('--layout with a .json file passes the preset object', async () => {
    const { io, api } = setup({ 'presets/mine.json': '{"name":"mine","marginsMm":{"top":37}}' });
    expect(await runCli(['render', 'report.json', '-o', 'a.pdf', '--layout', 'presets/mine.json'], io, api)).toBe(0);
    expect(api.renderReport.mock.calls[0]?.[1]).toMatchObject({ layout: { name: 'mine', marginsMm: { top: 37 } } });
  });

  test('--layout file that is not an object is a usage error', async () => {
    const { io, api } = setup({ 'bad.json': '[1,2]' });
    expect(await runCli(['render', 'report.json', '-o', 'a.pdf', '--layout', 'bad.json'], io, api)).toBe(2);
    expect(io.err.join('\n')).toContain('must hold a JSON object');
  });
});

describe('render: warnings, one per line with the path, in the chosen language', () => {
  test.each([
    [[], ['! attachments[0].content[0].data["本年新收"]: 合计不等于各项之和 / the total is not the sum of its parts', '! meta.title: 标题含占位符 / the title holds a placeholder'], '已写入 a.pdf（3 页，2 条警告） / wrote a.pdf (3 pages, 2 warnings)'],
    [['--lang', 'zh'], ['! attachments[0].content[0].data["本年新收"]: 合计不等于各项之和', '! meta.title: 标题含占位符'], '已写入 a.pdf（3 页，2 条警告）'],
    [['--lang', 'en'], ['! attachments[0].content[0].data["本年新收"]: the total is not the sum of its parts', '! meta.title: the title holds a placeholder'], 'wrote a.pdf (3 pages, 2 warnings)'],
  ])('%j', async (flags, warningLines, summary) => {
    const { io, api } = setup();
    api.renderReport.mockResolvedValue({ pdf: FAKE_PDF, warnings: WARNINGS, pageCount: 3 });
    expect(await runCli(['render', 'report.json', '-o', 'a.pdf', ...flags], io, api)).toBe(0);
    expect(io.err).toEqual(warningLines);
    expect(io.out).toEqual([summary]);
  });

  test('--quiet prints nothing on success', async () => {
    const { io, api } = setup();
    api.renderReport.mockResolvedValue({ pdf: FAKE_PDF, warnings: WARNINGS, pageCount: 1 });
    expect(await runCli(['render', 'report.json', '-o', 'a.pdf', '-q'], io, api)).toBe(0);
    expect([...io.out, ...io.err]).toEqual([]);
    expect(io.files.has(`${CWD}/a.pdf`)).toBe(true);
  });
});

describe('render: refusals exit 1 and write nothing', () => {
  test('validation errors print the message and every issue with its path', async () => {
    const { io, api } = setup();
    api.renderReport.mockRejectedValue(
      new ReportValidationError([issue('error', ['sections', 2, 'heading'], '标题不能为空', 'heading must not be empty')]),
    );
    expect(await runCli(['render', 'report.json', '-o', 'a.pdf', '--lang', 'en'], io, api)).toBe(1);
    expect(io.err).toEqual([
      '× the report has 1 problem(s); fix them at the paths below (E_INVALID_REPORT)',
      '  × sections[2].heading: heading must not be empty',
    ]);
    expect(io.out).toEqual([]);
    expect(io.files.has(`${CWD}/a.pdf`)).toBe(false);
  });

  test('strict mode refusal, in Chinese', async () => {
    const { io, api } = setup();
    api.renderReport.mockRejectedValue(new StrictModeRefusalError(WARNINGS.slice(1)));
    expect(await runCli(['render', 'report.json', '-o', 'a.pdf', '--strict', '--lang', 'zh'], io, api)).toBe(1);
    expect(io.err[0]).toMatch(/^× 严格模式下报告有 1 条警告，未生成 PDF.*\(E_REFUSED_STRICT\)$/u);
    expect(io.err[1]).toBe('  ! meta.title: 标题含占位符');
  });

  test('invalid JSON (refused by the library as invalid_json) names the file, line and column', async () => {
    const { io, api } = setup({ 'broken.json': '{\n  "meta": {\n    "year": 2024,\n  }\n}' });
    expect(await runCli(['render', 'broken.json', '-o', 'a.pdf'], io, api)).toBe(1);
    expect(io.err).toEqual([
      '× broken.json 第 3 行第 17 列：JSON 格式错误，} 前多了一个逗号 / broken.json line 3, column 17: invalid JSON, trailing comma before \'}\' (E_INVALID_JSON)',
    ]);
    expect(api.renderReport).toHaveBeenCalledWith('{\n  "meta": {\n    "year": 2024,\n  }\n}', { strict: false, fillTotals: false });
    expect(io.files.has(`${CWD}/a.pdf`)).toBe(false);
  });

  test('invalid JSON in --previous is reported with that file name', async () => {
    const { io, api } = setup({ 'last.json': '{"a" 1}' });
    expect(await runCli(['render', 'report.json', '-o', 'a.pdf', '--previous', 'last.json', '--lang', 'en'], io, api)).toBe(1);
    expect(io.err[0]).toContain("last.json line 1, column 6: invalid JSON, expected ':' but found \"1\"");
  });
});

describe('render: failures that are not the report\'s fault exit 3', () => {
  test('font error', async () => {
    const { io, api } = setup();
    api.renderReport.mockRejectedValue(new FontError({ zh: '找不到正文字体', en: 'no font for the body role' }));
    expect(await runCli(['render', 'report.json', '-o', 'a.pdf'], io, api)).toBe(3);
    expect(io.err).toEqual(['× 找不到正文字体 / no font for the body role (E_FONT)']);
  });

  test('the output cannot be written', async () => {
    const { io, api } = setup();
    io.writeFileAtomic = async () => {
      throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
    };
    expect(await runCli(['render', 'report.json', '-o', '/root/a.pdf'], io, api)).toBe(3);
    expect(io.err).toEqual(['× 无法写入 /root/a.pdf：没有权限 / cannot write /root/a.pdf: permission denied (E_WRITE_FILE)']);
    expect(io.out).toEqual([]);
  });

  test('an unexpected error is called a bug, without a stack', async () => {
    const { io, api } = setup();
    api.renderReport.mockRejectedValue(new TypeError('Cannot read properties of undefined'));
    expect(await runCli(['render', 'report.json', '-o', 'a.pdf', '--lang', 'en'], io, api)).toBe(3);
    expect(io.err).toEqual([
      '× unexpected error: TypeError: Cannot read properties of undefined. This is a bug in gov-report-pdf; please report it with the input',
      '  add --debug to see the stack trace',
    ]);
  });

  test('--debug (anywhere before --) adds the stack and causes', async () => {
    const { io, api } = setup();
    api.renderReport.mockRejectedValue(new Error('outer', { cause: new Error('inner') }));
    expect(await runCli(['--debug', 'render', 'report.json', '-o', 'a.pdf'], io, api)).toBe(3);
    const text = io.err.join('\n');
    expect(text).toMatch(/Error: outer\n\s+at /u);
    expect(text).toContain('Caused by:');
    expect(text).toContain('Error: inner');
  });
});

test('the written PDF is what the renderer returned, via writeFileAtomic', async () => {
  const { io, api } = setup();
  const writes: string[] = [];
  const write = io.writeFileAtomic;
  io.writeFileAtomic = async (path, data) => {
    writes.push(path);
    await write(path, data);
  };
  await runCli(['render', 'report.json', '-o', 'a.pdf'], io, api);
  expect(writes).toEqual([`${CWD}/a.pdf`]);
  expect(readText(io, 'a.pdf')).toMatch(/^%PDF-/u);
});

describe('render: output folder', () => {
  test('creates the folder of -o when it does not exist', async () => {
    const io = createFakeIo({ 'report.json': REPORT_JSON });
    const made: string[] = [];
    const tracking = { ...io, mkdir: async (path: string) => void made.push(path) };
    expect(await runCli(['render', 'report.json', '-o', 'new/folder/report.pdf'], tracking, createFakeApi())).toBe(0);
    expect(made).toEqual([`${CWD}/new/folder`]);
  });
});
