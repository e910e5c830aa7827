import type { BilingualText, IssuePathSegment } from '../../issues/issue.ts';
import { roleOf } from './roleOf.ts';

/** A row by its label, or by its number when it has none (表四's data row). */
function rowName(label: unknown, path: readonly IssuePathSegment[]): BilingualText {
  if (typeof label === 'string' && label !== '') return { zh: `行“${label}”`, en: `row "${label}"` };
  const index = [...path].reverse().find((segment): segment is number => typeof segment === 'number');
  return index === undefined ? { zh: '该行', en: 'the row' } : { zh: `第 ${index + 1} 行`, en: `row ${index + 1}` };
}

/**
 * The message of one of our own refinements (`params.rule`), in both languages, with what would be valid.
 *
 * @param params The refinement's params.
 * @param path Where the issue is.
 * @returns Message and expectation.
 * @internal
 */
export function describeCustom(params: Record<string, unknown> | undefined, path: readonly IssuePathSegment[]): { message: BilingualText; expected?: string } {
  switch (params?.rule) {
    case 'not_blank': {
      const what = roleOf(path, params as { role?: string });
      return { message: { zh: `${what.zh}不能为空`, en: `${what.en} must not be empty` }, expected: 'non-blank text' };
    }
    case 'row_children_or_values': {
      const row = rowName(params.label, path);
      return {
        message: {
          zh: `${row.zh}须有 children（下级行）或 values（数值）之一，且只能有其一`,
          en: `${row.en} must have either children (sub-rows) or values, not both or neither`,
        },
        expected: 'children or values',
      };
    }
    case 'row_value_count': {
      const columns = (params.columns as string[]).join('、');
      const row = rowName(params.label, path.slice(0, -1));
      return {
        message: {
          zh: `${row.zh}有 ${String(params.actual)} 个数值，应为 ${String(params.expected)} 个（${columns}）`,
          en: `${row.en} has ${String(params.actual)} value(s) but the table has ${String(params.expected)} data column(s): ${(params.columns as string[]).join(', ')}`,
        },
        expected: `${String(params.expected)} values`,
      };
    }
    case 'row_label_required':
      return {
        message: { zh: '有下级行的行必须有标签', en: 'a row with sub-rows needs a label' },
        expected: 'a label',
      };
    case 'corner_without_row_labels':
      return {
        message: {
          zh: '表格的行没有标签，因而没有行标题列，角单元格（corner）无处可放；请删除 corner 或为各行加上标签',
          en: 'the rows have no labels, so the table has no row-header column for the corner; remove corner or label the rows',
        },
        expected: 'no corner, or labelled rows',
      };
    case 'row_label_mixed':
      return {
        message: {
          zh: '同一表中的行要么都有标签，要么都没有标签（没有标签时表格不设行标题列）',
          en: 'either every row of a table has a label or none has (a table without labels has no row-header column)',
        },
        expected: 'labels on all rows or on none',
      };
    case 'limit':
      if (params.total === true) {
        // A work budget: the total over the whole report passed the limit at this path.
        return {
          message: {
            zh: `超出工作量限制 ${String(params.limit)}：全报告合计 ${String(params.actual)}，上限 ${String(params.max)}（在此处超出）`,
            en: `exceeds the work budget ${String(params.limit)}: the whole report has ${String(params.actual)}, at most ${String(params.max)} (passed here)`,
          },
          expected: `at most ${String(params.max)} in the whole report`,
        };
      }
      return {
        message: {
          zh: `超出限制 ${String(params.limit)}（上限 ${String(params.max)}${params.actual === undefined ? '' : `，实际 ${String(params.actual)}`}）`,
          en: `exceeds the limit ${String(params.limit)} (at most ${String(params.max)}${params.actual === undefined ? '' : `, got ${String(params.actual)}`})`,
        },
        expected: `at most ${String(params.max)}`,
      };
    case 'image_source':
      return {
        message: { zh: '图片须给出 data（图片数据）或 src（路径/网址）之一', en: 'an image needs exactly one of data (the bytes or base64) or src (a path or URL)' },
        expected: 'data or src',
      };
    default:
      // Rules defined elsewhere (the official forms) carry their own bilingual message.
      if (typeof params?.zh === 'string' && typeof params.en === 'string') {
        return { message: { zh: params.zh, en: params.en }, ...(typeof params.expected === 'string' ? { expected: params.expected } : {}) };
      }
      return { message: { zh: '取值无效', en: 'invalid value' } };
  }
}
