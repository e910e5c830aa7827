import type { ReportIssue } from '../../issues/issue.ts';
import type { LayoutPreset } from '../../schema/layoutPreset/layoutPreset.ts';
import type { TextMeasurer } from '../../text/measure/measure.ts';
import type { PageFrame } from '../frame/pageFrame.ts';
import type { FlowBlock } from './flowBlock.ts';
import type { FlowItem } from './flowItem.ts';

/** What setting needs: the preset and the measuring engine. */
export interface SetContext {
  /** The layout preset. */
  readonly preset: LayoutPreset;
  /** Font metrics. */
  readonly measurer: TextMeasurer;
}

/** What setting a block gives: its flow items, and warnings about its text (missing glyphs, removed characters). */
export interface SetResult {
  /** Flow items in print order. */
  readonly items: readonly FlowItem[];
  /** Warnings, in the order the texts were checked. */
  readonly warnings: readonly ReportIssue[];
}

/** The block of one kind. */
export type BlockOf<K extends FlowBlock['kind']> = Extract<FlowBlock, { readonly kind: K }>;

/** Sets one kind of block for the page frame it is printed in. */
export type Setter<K extends FlowBlock['kind']> = (block: BlockOf<K>, frame: PageFrame, context: SetContext) => SetResult;
