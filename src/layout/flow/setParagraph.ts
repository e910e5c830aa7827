import type { Setter } from './setContext.ts';
import { setBodyLines } from './setLines.ts';

/**
 * Sets a paragraph of body text on the grid (first-line indent, justified as the preset says);
 * it may split across pages.
 *
 * @param block The paragraph block.
 * @param frame The page frame.
 * @param context Preset and measurer.
 * @returns One splittable lines item.
 */
export const setParagraph: Setter<'paragraph'> = (block, frame, context) => {
  const { lines, warnings } = setBodyLines(block.runs, block.paths, context.preset.body.indentChars, frame, context);
  return { items: [{ kind: 'lines', lines, keepWithNext: false, splittable: true, note: 'paragraph' }], warnings };
};
