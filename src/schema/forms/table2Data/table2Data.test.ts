import { describe, expect, test } from 'vitest';
import { DEFAULT_LIMITS } from '../../limits/limits.ts';
import { createTable2DataSchema } from './table2Data.ts';

const schema = createTable2DataSchema(DEFAULT_LIMITS);

describe('createTable2DataSchema', () => {
  test('accepts a 2019 table and a 2021 table', () => {
    const v2019 = {
      documents: { rules: { newlyMade: 0, newlyPublished: 0, totalPublished: 0 }, normativeDocuments: { newlyMade: 203, newlyPublished: 203, totalPublished: 203 } },
      licensing: { administrativeLicensing: { previousYear: 0, change: 14, decisions: 14 }, otherExternalServices: { previousYear: 0, change: -2, decisions: 0 } },
      enforcement: { administrativePenalty: { previousYear: 0, change: 10, decisions: 10 }, administrativeCoercion: {} },
      fees: { administrativeFees: { previousYear: 0, change: 0 } },
      procurement: { centralizedProcurement: { projects: 2, amount: '251000元' } },
    };
    const v2021 = {
      documents: { normativeDocuments: { issued: 3, repealed: 1, inForce: { value: 55, note: '含自然失效29件' } } },
      licensing: { administrativeLicensing: { decisions: 412 } },
      fees: { administrativeFees: { amount: '12.50' } },
    };
    expect(schema.parse(v2019)).toStrictEqual(v2019);
    expect(schema.parse(v2021)).toStrictEqual(v2021);
  });

  test('rejects unknown keys and wrong kinds', () => {
    expect(schema.safeParse({ documents: { regulations: {} } }).success).toBe(false);
    expect(schema.safeParse({ fees: { administrativeFees: { amount: 12 } } }).success).toBe(false);
    expect(schema.safeParse({ licensing: { administrativeLicensing: { change: 1.5 } } }).success).toBe(false);
  });
});
