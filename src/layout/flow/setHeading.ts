import type { Setter } from './setContext.ts';
import { setBodyLines } from './setLines.ts';

/**
 * Sets a section heading on the body grid with its level's indent; never split, kept with what
 * follows, and carrying its bookmark.
 *
 * @param block The heading block.
 * @param frame The page frame.
 * @param context Preset and measurer.
 * @returns One lines item.
 */
export const setHeading: Setter<'heading'> = (block, frame, context) => {
  const style = context.preset.headings[Math.min(block.level, 3)]!;
  const { lines, warnings } = setBodyLines(block.runs, block.paths, style.indentChars, frame, context);
  return { items: [{ kind: 'lines', lines, keepWithNext: true, splittable: false, outline: block.outline, note: `heading ${block.outline.title}` }], warnings };
};
