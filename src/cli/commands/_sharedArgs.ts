/** @internal `--lang zh|en`: print one language only. */
export const _langArg = {
  type: 'string',
  valueName: 'zh|en',
  choices: ['zh', 'en'],
  description: { zh: '只用一种语言输出（默认中英双语）', en: 'print one language only (default: both)' },
} as const;

/** @internal `--strict`: warnings count as errors. */
export const _strictArg = {
  type: 'boolean',
  description: { zh: '严格模式：有任何警告即视为失败', en: 'strict mode: any warning is a failure' },
} as const;

/** @internal `--fill-totals`: compute blank totals of the official tables. */
export const _fillTotalsArg = {
  type: 'boolean',
  description: { zh: '计算表格中留空的合计（不覆盖已填的合计）', en: 'compute totals left blank in the official tables (never overwrites one)' },
} as const;

/** @internal `--previous <file>`: last year's report, for the carried-forward check. */
export const _previousArg = {
  type: 'string',
  valueName: 'last-year.json',
  description: { zh: '上一年度的报告，用于核对上年结转数', en: "last year's report, to check the numbers carried forward" },
} as const;

/** @internal `--pdfa 2b|2u`: archival output. */
export const _pdfaArg = {
  type: 'string',
  valueName: '2b|2u',
  choices: ['2b', '2u'],
  description: { zh: '写入长期保存格式 PDF/A-2b 或 PDF/A-2u', en: 'write archival PDF/A-2b or PDF/A-2u' },
} as const;

/** @internal `<report.json>`: the report file. */
export const _reportArg = {
  type: 'positional',
  valueName: 'report.json',
  required: true,
  description: { zh: '报告 JSON 文件；- 表示从标准输入读取', en: 'the report, a JSON file; - reads it from standard input' },
} as const;

/** @internal `--layout <name|preset.json>`: a built-in layout or a preset file. */
export const _layoutArg = {
  type: 'string',
  valueName: 'name|preset.json',
  description: {
    zh: '版式：内置名称（如 gbt9704）或预设 JSON 文件；优先于报告中的 layout',
    en: "layout: a built-in name (e.g. gbt9704) or a preset JSON file; overrides the report's layout",
  },
} as const;

/** @internal `-q/--quiet`: errors only. */
export const _quietArg = {
  type: 'boolean',
  short: 'q',
  description: { zh: '只输出错误（不输出警告和结果）', en: 'print errors only (no warnings, no summary)' },
} as const;

/** @internal `--json`: the outcome and its issues as one JSON document, for other programs. */
export const _jsonArg = {
  type: 'boolean',
  description: {
    zh: '以 JSON 输出结果和问题列表（字段同 API 的 ReportIssue）',
    en: 'print the outcome and its issues as JSON (the API\'s ReportIssue objects)',
  },
} as const;
