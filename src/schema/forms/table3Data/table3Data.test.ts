import { describe, expect, test } from 'vitest';
import { DEFAULT_LIMITS } from '../../limits/limits.ts';
import { createTable3DataSchema, TABLE3_COLUMN_LABELS } from './table3Data.ts';

const schema = createTable3DataSchema(DEFAULT_LIMITS);

describe('createTable3DataSchema', () => {
  test('has the seven applicant columns', () => {
    expect(Object.keys(TABLE3_COLUMN_LABELS)).toStrictEqual([
      'naturalPerson', 'commercialEnterprise', 'researchInstitution', 'socialWelfareOrganization', 'legalServiceAgency', 'otherOrganization', 'total',
    ]);
  });

  test('accepts rows, grouped rows and both shapes of （六）其他处理', () => {
    const data = {
      newlyReceived: { naturalPerson: 5, total: 5 },
      withheld: { enforcementCaseFile: { naturalPerson: null } },
      unableToProvide: { needsCreation: { commercialEnterprise: { value: 2, note: '含转办1件' } } },
      otherHandling: { naturalPerson: 1, noCorrection: { total: 0 } },
      carriedForward: {},
    };
    expect(schema.parse(data)).toStrictEqual(data);
  });

  test('rejects unknown rows and columns', () => {
    expect(schema.safeParse({ received: {} }).success).toBe(false);
    expect(schema.safeParse({ granted: { person: 1 } }).success).toBe(false);
    expect(schema.safeParse({ withheld: { naturalPerson: 1 } }).success).toBe(false);
  });
});
