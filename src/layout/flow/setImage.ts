import type { ReportIssue } from '../../issues/issue.ts';
import { captionLines } from './captionLines.ts';
import { imageSize } from './imageSize.ts';
import type { Setter } from './setContext.ts';

/**
 * Sets an image: its printed width (given in mm, or its natural size at 96 dpi), at most the text
 * block, height in proportion, and its caption under it.
 *
 * @param block The image block.
 * @param frame The page frame.
 * @param context Preset and measurer.
 * @returns One image item.
 */
export const setImage: Setter<'image'> = (block, frame, context) => {
  const warnings: ReportIssue[] = [];
  const caption = block.image.caption === undefined ? [] : captionLines(block.image.caption, [...block.path, 'caption'], frame, context, warnings);
  const data = block.image.data as Uint8Array;
  const natural = imageSize(data);
  const width = Math.min(frame.textWidth, block.image.width !== undefined ? block.image.width * (72 / 25.4) : natural.width * 0.75);
  return { items: [{ kind: 'image', data, width, height: (width * natural.height) / natural.width, caption, note: 'image' }], warnings };
};
