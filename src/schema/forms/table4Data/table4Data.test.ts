import { describe, expect, test } from 'vitest';
import { DEFAULT_LIMITS } from '../../limits/limits.ts';
import { createTable4DataSchema, TABLE4_OUTCOME_LABELS } from './table4Data.ts';

const schema = createTable4DataSchema(DEFAULT_LIMITS);

describe('createTable4DataSchema', () => {
  test('has five outcomes per group', () => {
    expect(Object.values(TABLE4_OUTCOME_LABELS)).toStrictEqual(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']);
  });

  test('accepts the three groups', () => {
    const data = { review: { upheld: 1, total: 1 }, litigation: { direct: { pending: null }, afterReview: {} } };
    expect(schema.parse(data)).toStrictEqual(data);
  });

  test('rejects unknown groups and outcomes', () => {
    expect(schema.safeParse({ lawsuit: {} }).success).toBe(false);
    expect(schema.safeParse({ review: { maintained: 1 } }).success).toBe(false);
    expect(schema.safeParse({ litigation: { upheld: 1 } }).success).toBe(false);
  });
});
