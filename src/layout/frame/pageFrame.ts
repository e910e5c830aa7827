import type { LayoutPreset } from '../../schema/layoutPreset/layoutPreset.ts';

/** Points per millimetre. */
export const PT_PER_MM = 72 / 25.4;

/** A page's geometry in pt, derived from the preset for one orientation. */
export interface PageFrame {
  /** Page width. */
  readonly width: number;
  /** Page height. */
  readonly height: number;
  /** Landscape. */
  readonly landscape: boolean;
  /** Left edge of the text block. */
  readonly left: number;
  /** Top edge of the text block. */
  readonly top: number;
  /** Width of the text block. */
  readonly textWidth: number;
  /** Height of the text block. */
  readonly textHeight: number;
  /** Body line pitch (GB/T 9704: 225 mm / 22). */
  readonly bodyPitch: number;
  /** Space added after each body character so that `chars` characters fill a line exactly. */
  readonly bodyTracking: number;
  /** Width of one body character including tracking: the unit of indents. */
  readonly charWidth: number;
  /** Whether body lines sit on a fixed grid (content after a table or image snaps back to it). */
  readonly gridded: boolean;
}

/**
 * Derives the page geometry from a preset. With a grid (GB/T 9704's 22 × 28), the line pitch is
 * the text block height over the lines, and characters are tightened so that a line of `chars`
 * full-width characters is exactly the text block width. A landscape page swaps the paper's sides
 * and keeps the margins' roles (binding margin stays left).
 *
 * @param preset The layout preset.
 * @param landscape Whether the page is landscape.
 * @returns The page frame.
 */
export function pageFrame(preset: LayoutPreset, landscape: boolean): PageFrame {
  const { page, grid, body } = preset;
  const paperWidth = (landscape ? page.height : page.width) * PT_PER_MM;
  const paperHeight = (landscape ? page.width : page.height) * PT_PER_MM;
  const left = page.margins.left * PT_PER_MM;
  const top = page.margins.top * PT_PER_MM;
  const textWidth = paperWidth - left - page.margins.right * PT_PER_MM;
  const textHeight = paperHeight - top - page.margins.bottom * PT_PER_MM;
  const portraitTextWidth = (page.width - page.margins.left - page.margins.right) * PT_PER_MM;
  const portraitTextHeight = (page.height - page.margins.top - page.margins.bottom) * PT_PER_MM;
  const bodyPitch = grid !== undefined ? portraitTextHeight / grid.lines : (body.lineHeight ?? body.size * 1.75);
  const bodyTracking = grid !== undefined ? portraitTextWidth / grid.chars - body.size : 0;
  return {
    width: paperWidth,
    height: paperHeight,
    landscape,
    left,
    top,
    textWidth,
    textHeight,
    bodyPitch,
    bodyTracking,
    charWidth: body.size + bodyTracking,
    gridded: grid !== undefined,
  };
}
