import type { ReportIssue } from '../../issues/issue.ts';
import { pageFrame } from '../frame/pageFrame.ts';
import type { FlowBlock } from './flowBlock.ts';
import type { FlowItem } from './flowItem.ts';
import type { SetContext, SetResult } from './setContext.ts';
import { setAttachment } from './setAttachment.ts';
import { setDateLine } from './setDateLine.ts';
import { setHeading } from './setHeading.ts';
import { setImage } from './setImage.ts';
import { setParagraph } from './setParagraph.ts';
import { setSignature } from './setSignature.ts';
import { setTable } from './setTable.ts';
import { setTitle } from './setTitle.ts';
import type { PageFrame } from '../frame/pageFrame.ts';

export type { SetContext } from './setContext.ts';

/** What {@link setBlocks} gives: every block set, in print order. */
export interface SetDocument {
  /** Flow items: measured lines with their keep rules, sized tables, images, space, page starts. */
  readonly items: readonly FlowItem[];
  /** Warnings about printed text (missing glyphs, removed invisible characters), with paths. */
  readonly warnings: readonly ReportIssue[];
}

/**
 * Sets every block for the page frame it will be printed in (an attachment's orientation holds
 * until the next attachment), with one setter per kind of block: text broken into lines with
 * the grid's tracking and justification, tables sized, images scaled.
 *
 * @param blocks The blocks in print order.
 * @param context Preset and measurer.
 * @returns The flow items and the warnings.
 */
export function setBlocks(blocks: readonly FlowBlock[], context: SetContext): SetDocument {
  const items: FlowItem[] = [];
  const warnings: ReportIssue[] = [];
  let frame = pageFrame(context.preset, false);
  for (const block of blocks) {
    if (block.kind === 'attachment') frame = pageFrame(context.preset, block.landscape);
    const set = setBlock(block, frame, context);
    items.push(...set.items);
    warnings.push(...set.warnings);
  }
  return { items, warnings };
}

/**
 * Sets one block with the setter of its kind.
 *
 * @param block The block.
 * @param frame The page frame it is printed in.
 * @param context Preset and measurer.
 * @returns Its flow items and warnings.
 */
export function setBlock(block: FlowBlock, frame: PageFrame, context: SetContext): SetResult {
  switch (block.kind) {
    case 'title': return setTitle(block, frame, context);
    case 'paragraph': return setParagraph(block, frame, context);
    case 'heading': return setHeading(block, frame, context);
    case 'table': return setTable(block, frame, context);
    case 'image': return setImage(block, frame, context);
    case 'attachment': return setAttachment(block, frame, context);
    case 'signature': return setSignature(block, frame, context);
    case 'dateLine': return setDateLine(block, frame, context);
  }
}
