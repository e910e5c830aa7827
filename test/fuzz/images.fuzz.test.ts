/**
 * Issue 10, fuzzing images: generated PNGs (every colour type, bit depth, interlace) and JPEGs,
 * the same cut short at a random byte, pixel bombs, bad filter bytes and single flipped bits, each
 * drawn in a report. A valid image must render; a truncated, bomb or bad-filter one must be
 * refused with E_IMAGE at its path; a flipped bit may go either way but must end in a PDF or a
 * named error — never an uncaught exception from pdfkit's decoder, never a hang.
 *
 * `FUZZ_SCALE=10` multiplies the number of runs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRenderer } from '../../src/index.ts';
import { thrownProblems } from './checkOutcome.ts';
import { imageCaseArb } from './imageSamples.ts';

const SCALE = Number(process.env.FUZZ_SCALE ?? '1');
const renderer = createRenderer();
const report = (data: Uint8Array) => ({ meta: { title: '图片', issuer: '某局', year: 2020 }, sections: [{ heading: '一', content: ['前文。', { image: { data, width: 30 } }] }] });

describe('generated images', () => {
  it('valid images render; truncated, bombs and bad filters are E_IMAGE; anything else ends named', async () => {
    const kinds = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(imageCaseArb, async (image) => {
        kinds.set(image.kind, (kinds.get(image.kind) ?? 0) + 1);
        const outcome = await renderer.render(report(image.bytes)).then(
          () => 'rendered' as const,
          (error: unknown) => error,
        );
        if (outcome === 'rendered') {
          if (image.valid === false) throw new Error(`a ${image.kind} image was rendered`);
          return;
        }
        const problems = thrownProblems(outcome);
        if (problems.length > 0) throw new Error(problems.join('; '));
        const { code, issues } = outcome as { code: string; issues: { pathText: string }[] };
        if (image.valid === true) throw new Error(`a valid ${image.kind} image was refused: ${code}`);
        expect(code).toBe('E_IMAGE');
        expect(issues[0]?.pathText).toBe('sections[0].content[1].image.data');
      }),
      { numRuns: Math.round(120 * SCALE) },
    );
    // Every kind of the generator was drawn.
    expect([...kinds.keys()].sort()).toEqual(['bad-filter', 'bit-flip', 'bomb', 'truncated', 'valid-jpeg', 'valid-png']);
  });
});
