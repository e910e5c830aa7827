import { describe, expect, test } from 'vitest';
import { createIssue } from '../../issues/createIssue.ts';
import { FontError, RenderFailedError, RenderTimeoutError, ReportValidationError, StrictModeRefusalError } from '../../errors/errors.ts';
import { classifyFailure } from './classifyFailure.ts';

const issue = createIssue('invalid_type', 'error', ['meta', 'title'], { zh: '标题必须是文本', en: 'title must be text' });

describe('classifyFailure', () => {
  test('a refused report fails at once, with its issues', () => {
    expect(classifyFailure(new ReportValidationError([issue]))).toMatchObject({ kind: 'refused', code: 'E_INVALID_REPORT', issues: [issue] });
    expect(classifyFailure(new StrictModeRefusalError([issue])).kind).toBe('refused');
  });

  test.each([
    ['a time budget', new RenderTimeoutError(10)],
    ['a font that cannot be read on this worker', new FontError({ zh: '字体', en: 'font' })],
    ['a bug while painting', new RenderFailedError(new Error('boom'))],
  ])('%s is retried', (_case, error) => {
    expect(classifyFailure(error).kind).toBe('retry');
  });

  test('an error that is not the library\'s is retried as E_INTERNAL with its first line', () => {
    expect(classifyFailure(new Error('ENOSPC: no space left\nstack'))).toStrictEqual({ kind: 'retry', code: 'E_INTERNAL', message: 'Error: ENOSPC: no space left', issues: [] });
  });
});
