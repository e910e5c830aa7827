import * as z from 'zod';
import { strictObject } from '../strictObject/strictObject.ts';

/** The font roles a preset assigns text to; each role is served by a registered font file. */
export const FONT_ROLES = ['title', 'heading', 'kai', 'body', 'table', 'folio'] as const;

/** One of {@link FONT_ROLES}. */
export type FontRole = (typeof FONT_ROLES)[number];

/**
 * Names of the built-in layout presets (the files in `layouts/`; a test keeps the two in step).
 * A report's `layout` names one of them; a preset object is passed through the render options.
 */
export const LAYOUT_PRESET_NAMES = ['compact', 'gbt9704'] as const;

/** One of {@link LAYOUT_PRESET_NAMES}. */
export type LayoutPresetName = (typeof LAYOUT_PRESET_NAMES)[number];
const mm = z.number().min(0).max(2000);
const pt = z.number().positive().max(500);

const textStyle = strictObject({
  role: z.enum(FONT_ROLES).describe('Font role that serves this text'),
  bold: z.boolean().optional().describe('Use the bold face of the role'),
  size: pt.describe('Font size in pt'),
});

/**
 * The zod schema of a layout preset: page format, fonts by role, sizes, line pitch, indents,
 * heading, table, folio and signature styles. Presets are data (layouts/*.json); they hold no code.
 */
export const layoutPresetSchema = strictObject({
  name: z.string().min(1).max(100),
  description: z.string().max(1000).optional(),
  page: strictObject({
    width: mm.describe('Page width in mm (portrait)'),
    height: mm.describe('Page height in mm (portrait)'),
    margins: strictObject({ top: mm, right: mm, bottom: mm, left: mm }).describe('Margins in mm'),
  }),
  grid: strictObject({
    lines: z.int().min(1).max(200).describe('Body lines per page'),
    chars: z.int().min(1).max(200).describe('Body characters per line'),
  })
    .optional()
    .describe('A line/character grid (GB/T 9704: 22 × 28): fixes the body line pitch and tightens character spacing to fit'),
  body: textStyle.extend({
    lineHeight: pt.optional().describe('Body line pitch in pt; derived from the grid when there is one'),
    indentChars: z.number().min(0).max(10).describe('First-line indent in body characters'),
    justify: z.boolean().describe('Spread full lines to the exact width'),
    maxSpacing: z
      .number()
      .min(0)
      .max(2)
      .optional()
      .describe('Largest space justification may add between two characters, in ems of the body size; a line that would need more is broken inside an e-mail address or URL, or else left ragged (unset: no limit)'),
  }),
  lead: strictObject({ role: z.enum(FONT_ROLES), bold: z.boolean() }).describe('Face of a paragraph lead phrase'),
  title: textStyle.extend({
    lineHeight: pt.describe('Title line pitch in pt'),
    spaceAfterLines: z.number().min(0).max(10).describe('Blank body lines after the title'),
    shape: z
      .enum(['trapezoid', 'diamond', 'block'])
      .describe('How a wrapped title is balanced: trapezoid (lines grow or shrink steadily, 上短下长 preferred), diamond (middle lines longest), block (full lines, the last shorter)'),
  }),
  headings: z
    .array(textStyle.extend({ indentChars: z.number().min(0).max(10) }))
    .length(4)
    .describe('Heading styles of levels 一、 （一） 1. （1）'),
  table: strictObject({
    role: z.enum(FONT_ROLES),
    size: pt,
    minSize: pt.describe('Smallest size the table may shrink to so that numbers and short labels fit'),
    lineHeight: z.number().min(1).max(3).describe('Line pitch as a multiple of the table font size'),
    headerRole: z.enum(FONT_ROLES),
    headerBold: z.boolean(),
    paddingX: z.number().min(0).max(30),
    paddingY: z.number().min(0).max(30),
    ruleWidth: z.number().min(0.1).max(5),
    maxStubShare: z.number().min(0.1).max(0.8).describe('Largest share of the width the row-header columns may take'),
    continuedText: z.string().max(20).describe('Marker above a table continued on a new page (续表)'),
    continuedAlign: z.enum(['left', 'right']),
    captionStyle: textStyle,
    noteStyle: textStyle,
    spaceBeforeLines: z.number().min(0).max(5),
    keepTogether: z.boolean().describe('Move a table that fits on one page to the next page rather than split it (otherwise it starts wherever at least minRowsBeforeBreak rows fit)'),
    minRowsBeforeBreak: z.int().min(1).max(50).describe('Fewest body rows a table may leave at the bottom of a page before continuing'),
  }),
  attachment: strictObject({
    label: textStyle,
    title: textStyle.extend({ lineHeight: pt }),
    titleLine: z.int().min(1).max(10).describe('Body line on which the attachment title is set'),
  }),
  folio: textStyle.extend({
    format: z.string().max(40).describe('Page number text; {n} is the number'),
    distanceBelow: mm.describe('Distance from the text block to the top of the page number, in mm'),
    insetChars: z.number().min(0).max(10),
    alternate: z.boolean().describe('Odd pages right, even pages left (otherwise centred)'),
  }),
  signature: strictObject({
    insetChars: z.number().min(0).max(20).describe('Right inset of the date line, in body characters'),
    spaceBeforeLines: z.number().min(0).max(10),
  }),
});

/** A layout preset as validated. */
export type LayoutPreset = z.output<typeof layoutPresetSchema>;

/** A layout preset object as a caller may write it (the schema's input type). */
export type LayoutPresetInput = z.input<typeof layoutPresetSchema>;
