import { describe, expect, test } from 'vitest';
import { resolvePreset } from '../../render/presets/resolvePreset.ts';
import { pageFrame, PT_PER_MM } from './pageFrame.ts';

describe('pageFrame', () => {
  const preset = resolvePreset('gbt9704');

  test('GB/T 9704: A4, a 156 × 225 mm text block, 22 lines of 28 characters', () => {
    const frame = pageFrame(preset, false);
    expect(frame.width).toBeCloseTo(210 * PT_PER_MM, 9);
    expect(frame.textWidth).toBeCloseTo(156 * PT_PER_MM, 9);
    expect(frame.textHeight).toBeCloseTo(225 * PT_PER_MM, 9);
    expect(frame.bodyPitch * 22).toBeCloseTo(frame.textHeight, 9);
    expect(frame.charWidth * 28).toBeCloseTo(frame.textWidth, 9);
    expect(frame.bodyTracking).toBeCloseTo(-0.207, 3);
    expect(frame).toMatchObject({ left: 28 * PT_PER_MM, top: 37 * PT_PER_MM, gridded: true, landscape: false });
  });

  test('landscape swaps the paper, keeps the margins and the portrait grid pitch', () => {
    const portrait = pageFrame(preset, false);
    const landscape = pageFrame(preset, true);
    expect(landscape.width).toBeCloseTo(portrait.height, 9);
    expect(landscape.textWidth).toBeCloseTo((297 - 28 - 26) * PT_PER_MM, 9);
    expect(landscape.bodyPitch).toBe(portrait.bodyPitch);
    expect(landscape.left).toBe(portrait.left);
  });

  test('without a grid: the body line height from the preset, no tracking', () => {
    const { grid: _grid, ...rest } = preset;
    const frame = pageFrame({ ...rest, body: { ...preset.body, lineHeight: 28 } }, false);
    expect(frame).toMatchObject({ bodyPitch: 28, bodyTracking: 0, charWidth: 16, gridded: false });
  });
});
