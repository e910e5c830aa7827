import type { InputLimits } from '../limits/limits.ts';

/**
 * Prefix of a zod issue message that carries our own bilingual message as JSON, for checks that
 * zod's `params` cannot reach (`.max()`, unions). `toReportIssues` decodes it; users never see it.
 * @internal
 */
export const MESSAGE_MARKER = 'gov-report-pdf-message:';

/** What a marked message holds. @internal */
export interface MarkedMessage {
  readonly code?: string;
  readonly zh: string;
  readonly en: string;
  readonly expected?: string;
}

/**
 * zod check options whose failure message is the given bilingual text.
 *
 * @param message The message.
 * @returns Options for a zod check or schema.
 * @internal
 */
export function withMessage(message: MarkedMessage): { error: () => string } {
  const text = `${MESSAGE_MARKER}${JSON.stringify(message)}`;
  return { error: () => text };
}

const LIMIT_UNITS: Partial<Record<keyof InputLimits, { zh: string; en: string }>> = {
  maxCellTextLength: { zh: '个字符', en: 'characters' },
  maxParagraphLength: { zh: '个字符', en: 'characters' },
  maxImageBytes: { zh: '个字符（base64）', en: 'characters of base64' },
};

/**
 * Options for a `.max()` check that enforces one of the input limits: it names the limit in the
 * message, and it runs only on strings and arrays (zod would otherwise also compare the `length`
 * of any object, and throw on an exotic one).
 *
 * @param name The limit.
 * @param max Its value (for base64 image text, the text length that value allows).
 * @returns Options for `.max()`.
 * @internal
 */
export function limitCheck(name: keyof InputLimits, max: number) {
  const unit = LIMIT_UNITS[name] ?? { zh: '项', en: 'items' };
  return {
    when: (payload: { value: unknown }) => typeof payload.value === 'string' || Array.isArray(payload.value),
    ...withMessage({
      code: 'limit',
      zh: `超出限制 ${name}：最多 ${max} ${unit.zh}`,
      en: `exceeds the limit ${name}: at most ${max} ${unit.en}`,
      expected: `at most ${max} ${unit.en}`,
    }),
  };
}
