import { describe, expect, test } from 'vitest';
import { canonicalJson, renderJobId } from './renderJobId.ts';

describe('renderJobId', () => {
  const report = { meta: { title: '报告', issuer: '某局', year: 2024 }, sections: [{ heading: '总体情况', content: ['正文'] }] };

  test('is stable for the same report and options, whatever the key order', () => {
    const reordered = { sections: [{ content: ['正文'], heading: '总体情况' }], meta: { year: 2024, issuer: '某局', title: '报告' } };
    expect(renderJobId(report, { strict: true, layout: 'compact' })).toBe(renderJobId(reordered, { layout: 'compact', strict: true }));
  });

  test('changes with the report or with the options', () => {
    const id = renderJobId(report);
    expect(renderJobId({ ...report, intro: ['多一段'] })).not.toBe(id);
    expect(renderJobId(report, { layout: 'compact' })).not.toBe(id);
    expect(renderJobId(report, { strict: true })).not.toBe(id);
  });

  test('has the prefix and 32 hex digits (never an integer, no colon)', () => {
    expect(renderJobId(report)).toMatch(/^rpt-[0-9a-f]{32}$/u);
  });

  test('an option left undefined is the same as an option left out', () => {
    expect(renderJobId(report, { strict: undefined })).toBe(renderJobId(report, {}));
  });
});

describe('canonicalJson', () => {
  test('sorts keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
  });
});
