import { formatIssue } from '../issues/createIssue.ts';
import type { BilingualText, ReportIssue } from '../issues/issue.ts';

/** Stable codes of every error this library throws; match on these, not on messages. */
export type GovReportErrorCode =
  | 'E_INVALID_REPORT'
  | 'E_REFUSED_STRICT'
  | 'E_INVALID_LAYOUT'
  | 'E_UNKNOWN_LAYOUT'
  | 'E_FONT'
  | 'E_INPUT_LIMIT'
  | 'E_RESOURCE_DENIED'
  | 'E_IMAGE'
  | 'E_RENDER_FAILED'
  | 'E_RENDER_TIMEOUT'
  | 'E_QUEUE_FULL'
  | 'E_RENDER_ABORTED'
  | 'E_WORKER_MEMORY'
  | 'E_PLAN_MISMATCH'
  | 'E_INVALID_ARGUMENT';

/**
 * Base class of every error gov-report-pdf throws. Carries a stable `code`, a message in
 * Chinese and English, and — when the error is about the input — the list of issues with paths.
 */
export class GovReportError extends Error {
  /** Stable code, e.g. `E_INVALID_REPORT`. */
  readonly code: GovReportErrorCode;
  /** The message in both languages. */
  readonly bilingual: BilingualText;
  /** The problems behind this error, each with its path; empty when the error is not about input. */
  readonly issues: readonly ReportIssue[];

  /**
   * @param code Stable error code.
   * @param message What went wrong and what to do, in both languages.
   * @param issues The problems behind the error.
   * @param options Standard error options (`cause`).
   */
  constructor(
    code: GovReportErrorCode,
    message: BilingualText,
    issues: readonly ReportIssue[] = [],
    options?: { cause?: unknown },
  ) {
    const lines = issues.slice(0, 20).map((issue) => `  × ${formatIssue(issue)}`);
    if (issues.length > 20) lines.push(`  … ${issues.length - 20} more / 另有 ${issues.length - 20} 条`);
    super([`${message.zh} / ${message.en}`, ...lines].join('\n'), options);
    this.name = new.target.name;
    this.code = code;
    this.bilingual = message;
    this.issues = issues;
  }
}

/** The report does not match the input model; `issues` says where and what would be valid. */
export class ReportValidationError extends GovReportError {
  /** @param issues The validation problems, at least one. */
  constructor(issues: readonly ReportIssue[]) {
    super(
      'E_INVALID_REPORT',
      {
        zh: `报告数据有 ${issues.length} 处错误，请按下列路径修改`,
        en: `the report has ${issues.length} problem(s); fix them at the paths below`,
      },
      issues,
    );
  }
}

/** Strict mode was on and the report has warnings; nothing was rendered. */
export class StrictModeRefusalError extends GovReportError {
  /** @param warnings The warnings that strict mode turned into errors. */
  constructor(warnings: readonly ReportIssue[]) {
    super(
      'E_REFUSED_STRICT',
      {
        zh: `严格模式下报告有 ${warnings.length} 条警告，未生成 PDF；修改后重试，或关闭 strict`,
        en: `strict mode: the report has ${warnings.length} warning(s), so no PDF was made; fix them or turn strict off`,
      },
      warnings,
    );
  }
}

/** A layout preset (a name or a JSON object) is not valid. */
export class LayoutPresetError extends GovReportError {
  /**
   * @param message What is wrong.
   * @param issues Problems inside the preset, with paths from the preset's root.
   */
  constructor(message: BilingualText, issues: readonly ReportIssue[] = []) {
    super(issues.length > 0 ? 'E_INVALID_LAYOUT' : 'E_UNKNOWN_LAYOUT', message, issues);
  }
}

/** A font file could not be read or parsed, or a role has no font. */
export class FontError extends GovReportError {
  /**
   * @param message What is wrong and which file or role it concerns.
   * @param cause The underlying error, if any.
   */
  constructor(message: BilingualText, cause?: unknown) {
    super('E_FONT', message, [], cause === undefined ? undefined : { cause });
  }
}

/** The input is larger than a configured limit (bytes, rows, depth, …). */
export class InputLimitError extends GovReportError {
  /** @param issues One issue per limit exceeded, with the path and the limit. */
  constructor(issues: readonly ReportIssue[]) {
    super(
      'E_INPUT_LIMIT',
      {
        zh: '报告超出允许的规模限制；如确需更大规模，请调大 limits 选项',
        en: 'the report exceeds a size limit; raise the `limits` option if it really must be this large',
      },
      issues,
    );
  }
}

/** The report named a file or URL the caller's options do not allow. */
export class ResourceDeniedError extends GovReportError {
  /** @param issues One issue per denied resource. */
  constructor(issues: readonly ReportIssue[]) {
    super(
      'E_RESOURCE_DENIED',
      {
        zh: '报告引用了未获允许的本地文件或网址；请改为直接传入数据，或在选项中允许该来源',
        en: 'the report names a local file or URL that is not allowed; pass the data itself or allow the source in the options',
      },
      issues,
    );
  }
}

/**
 * An image cannot be used: it could not be read or fetched (timeout, HTTP error, not a regular
 * file, larger than `maxImageBytes`), it is not a whole PNG or JPEG, or it has more pixels than
 * `maxImagePixels` / `maxTotalImagePixels` allow. Each issue names the image's path and the rule.
 */
export class ImageError extends GovReportError {
  /** @param issues One issue per image refused. */
  constructor(issues: readonly ReportIssue[]) {
    super(
      'E_IMAGE',
      {
        zh: `报告中有 ${issues.length} 张图片无法使用（无法读取、文件损坏或像素过多）；请按下列路径修改`,
        en: `${issues.length} image(s) of the report cannot be used (unreadable, corrupt or too many pixels); fix them at the paths below`,
      },
      issues,
    );
  }
}

/** pdfmake failed while painting a finished plan — a bug in this library; please report it. */
export class RenderFailedError extends GovReportError {
  /** @param cause The error pdfmake threw. */
  constructor(cause: unknown) {
    super(
      'E_RENDER_FAILED',
      {
        zh: `PDF 输出失败（${describeCause(cause)}）；这是本库的缺陷，请附上输入报告提交问题`,
        en: `writing the PDF failed (${describeCause(cause)}); this is a bug in gov-report-pdf, please report it with the input`,
      },
      [],
      { cause },
    );
  }
}

/** A render on the worker pool ran past its time budget and its worker was stopped. */
export class RenderTimeoutError extends GovReportError {
  /** @param budgetMs The time budget in milliseconds. */
  constructor(budgetMs: number) {
    super('E_RENDER_TIMEOUT', {
      zh: `渲染超过时间预算 ${budgetMs} 毫秒，已终止；请缩小报告或调大 timeoutMs`,
      en: `the render ran past its ${budgetMs} ms budget and was stopped; make the report smaller or raise timeoutMs`,
    });
  }
}

/** The render pool's queue is at its maximum length; try again later (a service answers 429). */
export class QueueFullError extends GovReportError {
  /** Renders waiting when this one was refused (the pool's `maxQueue`). */
  readonly queued: number;

  /** @param maxQueue The pool's maximum queue length. */
  constructor(maxQueue: number) {
    super('E_QUEUE_FULL', {
      zh: `渲染队列已满（${maxQueue} 个任务在等待），请稍后重试`,
      en: `the render queue is full (${maxQueue} renders waiting); try again later`,
    });
    this.queued = maxQueue;
  }
}

/** The caller's `AbortSignal` fired: the render was taken off the queue, or its worker was stopped. */
export class RenderAbortedError extends GovReportError {
  /** @param running Whether the render had started (then its worker was stopped and replaced). */
  constructor(running: boolean) {
    super('E_RENDER_ABORTED', running
      ? { zh: '调用方已取消渲染，执行中的工作线程已终止', en: 'the caller cancelled the render; its running worker was stopped' }
      : { zh: '调用方已取消渲染，任务已移出队列', en: 'the caller cancelled the render; it was taken off the queue' });
  }
}

/** A render needed more memory than the worker's `resourceLimits`; the worker was replaced, the process is unharmed. */
export class WorkerMemoryError extends GovReportError {
  /** @param limitMb The worker's old-generation heap limit in MB, when one was set. */
  constructor(limitMb: number | undefined) {
    const limit = limitMb === undefined ? '' : `（${limitMb} MB）`;
    super('E_WORKER_MEMORY', {
      zh: `渲染所需内存超过工作线程的上限${limit}，已终止；请缩小报告，或调大内存上限`,
      en: `the render needed more memory than the worker's limit${limitMb === undefined ? '' : ` (${limitMb} MB)`} and was stopped; make the report smaller or raise the limit`,
    });
  }
}

/** The PDF pdfmake wrote does not have the pages the layout planned — a bug; please report it. */
export class PlanMismatchError extends GovReportError {
  /**
   * @param planned Pages in the layout plan.
   * @param actual Pages pdfmake produced.
   */
  constructor(planned: number, actual: number) {
    super('E_PLAN_MISMATCH', {
      zh: `排版计划为 ${planned} 页，实际输出 ${actual} 页；这是本库的缺陷，请提交问题`,
      en: `the layout planned ${planned} page(s) but pdfmake wrote ${actual}; this is a bug in gov-report-pdf, please report it`,
    });
  }
}

/** A function of the public API was called with an argument outside its range. */
export class InvalidArgumentError extends GovReportError {
  /**
   * @param name The argument, e.g. `options.jobs`.
   * @param expected What it must be.
   * @param actual What it was.
   */
  constructor(name: string, expected: BilingualText, actual: unknown) {
    super('E_INVALID_ARGUMENT', {
      zh: `参数 \`${name}\` 必须是${expected.zh}，实际为 ${describeValue(actual)}`,
      en: `\`${name}\` must be ${expected.en}, but was actually ${describeValue(actual)}`,
    });
  }
}

function describeCause(cause: unknown): string {
  return cause instanceof Error ? cause.message.split('\n')[0] ?? cause.name : String(cause);
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}
