import { describe, expect, test } from 'vitest';
import type { Report } from '../../schema/report/report.ts';
import { walkBlocks } from './walkBlocks.ts';

describe('walkBlocks', () => {
  test('visits sections recursively, then attachments, with paths', () => {
    const report: Report = {
      meta: { title: 't', issuer: 'i', year: 2021 },
      sections: [{ heading: 'a', content: ['p', { heading: 'b', content: ['q'] }] }],
      attachments: [{ label: '附件2', content: ['r'] }],
    };
    const seen: string[] = [];
    walkBlocks(report, (block, path) => seen.push(`${path.join('.')}=${typeof block === 'string' ? block : 'heading' in block ? block.heading : '?'}`));
    expect(seen).toStrictEqual(['sections.0=a', 'sections.0.content.0=p', 'sections.0.content.1=b', 'sections.0.content.1.content.0=q', 'attachments.0.content.0=r']);
  });
});
