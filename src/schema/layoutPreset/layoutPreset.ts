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

/** The fields of a layout preset, each checked on its own. */
const presetShape = strictObject({
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
    minRowScale: z.number().min(0.5).max(1).optional().describe('Rows may be tightened (vertical padding only) down to this share of their height to keep a table whole or avoid a short 续表 piece; 1 or absent: never'),
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
  pagination: strictObject({
    minSpaceScale: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe('To avoid a forbidden break (a signature alone on a page), the blank space between blocks (the seal room before the signature, the space after a title or an attachment label) may lose whole body lines down to this share of its lines; 1 or absent: never'),
    signaturePageExtraLines: z
      .int()
      .min(0)
      .max(1)
      .optional()
      .describe('To avoid a forbidden break, the page that takes the signature may hold this many body lines beyond the grid, its lines set closer (GB/T 9704-2012 7.3.5: 调整行距); only a page of text lines (no table or image); 0 or absent: never'),
  })
    .optional()
    .describe('Small adjustments the paginator may make to avoid a forbidden break, each penalised (used only where it lowers the pagination cost)'),
});

/** Points per millimetre. */
const PT_PER_MM = 72 / 25.4;

type PresetShape = z.output<typeof presetShape>;

/**
 * The geometry a preset must leave room for, in portrait and in landscape (any attachment may be
 * landscape): a text block of positive size that holds one body line (its pitch and the title's,
 * a heading's and one table row's height) and one body character after the widest indent, an
 * attachment title line inside the block, and the page number inside the bottom margin. A preset
 * that cannot is refused here with the path and the sizes, not later as a plan mismatch.
 */
function checkGeometry(preset: PresetShape, ctx: z.RefinementCtx): void {
  const { page, grid, body } = preset;
  const add = (path: (string | number)[], zh: string, en: string, expected: string) =>
    ctx.addIssue({ code: 'custom', path, params: { rule: 'preset_geometry', zh, en, expected } });
  const portraitWidth = (page.width - page.margins.left - page.margins.right) * PT_PER_MM;
  const portraitHeight = (page.height - page.margins.top - page.margins.bottom) * PT_PER_MM;
  if (page.width > page.height) {
    // The page is given in portrait; landscape pages are the same paper turned (pdfmake turns it by its sides).
    add(['page', 'width'], `页面按纵向给出，宽 ${page.width} mm 不应大于高 ${page.height} mm（横向请在附件上设 orientation）`, `the page is given in portrait: its width of ${page.width} mm must not exceed its height of ${page.height} mm (set orientation on an attachment for landscape)`, 'width ≤ height');
  }
  if (portraitWidth > 0 && portraitHeight > 0) {
    const pitch = grid !== undefined ? portraitHeight / grid.lines : (body.lineHeight ?? body.size * 1.75);
    if (pitch < body.size) {
      add(grid !== undefined ? ['grid', 'lines'] : ['body', 'lineHeight'], `正文行距 ${pitch.toFixed(1)} pt 小于字号 ${body.size} pt，行与行会重叠`, `the body line pitch of ${pitch.toFixed(1)} pt is less than the ${body.size} pt type: lines would overlap`, `a line pitch of at least ${body.size} pt`);
    }
    if (grid !== undefined && portraitWidth / grid.chars < body.size / 2) {
      add(['grid', 'chars'], `每行 ${grid.chars} 字时每字只有 ${(portraitWidth / grid.chars).toFixed(1)} pt，不足字号的一半`, `${grid.chars} characters a line leave ${(portraitWidth / grid.chars).toFixed(1)} pt a character, less than half the ${body.size} pt type`, `at most ${Math.floor(portraitWidth / (body.size / 2))} characters a line`);
    }
  }
  for (const landscape of [false, true]) {
    const side = landscape ? { zh: '横向页面', en: 'on a landscape page' } : { zh: '纵向页面', en: 'on a portrait page' };
    const paperWidth = landscape ? page.height : page.width;
    const paperHeight = landscape ? page.width : page.height;
    const textWidth = (paperWidth - page.margins.left - page.margins.right) * PT_PER_MM;
    const textHeight = (paperHeight - page.margins.top - page.margins.bottom) * PT_PER_MM;
    const mmText = (pt: number) => `${(pt / PT_PER_MM).toFixed(1)} mm`;
    if (textWidth <= 0 || textHeight <= 0) {
      add(['page', 'margins'], `${side.zh}的页边距超出纸张（版心 ${mmText(textWidth)} × ${mmText(textHeight)}）`, `the margins leave no text block ${side.en} (${mmText(textWidth)} × ${mmText(textHeight)})`, 'margins smaller than the page in both orientations');
      continue;
    }
    if (landscape && portraitWidth <= 0) continue;
    const pitch = grid !== undefined ? portraitHeight / grid.lines : (body.lineHeight ?? body.size * 1.75);
    const charWidth = grid !== undefined ? portraitWidth / grid.chars : body.size;
    const tallest = Math.max(
      pitch,
      preset.title.lineHeight,
      preset.attachment.title.lineHeight,
      ...preset.headings.map((heading) => heading.size),
      preset.table.size * preset.table.lineHeight + 2 * preset.table.paddingY,
    );
    if (tallest > textHeight) {
      add(['page', 'margins'], `${side.zh}的版心高 ${mmText(textHeight)}，容不下一行（需 ${mmText(tallest)}）`, `the text block ${side.en} is ${mmText(textHeight)} high, less than one line (${mmText(tallest)})`, `a text block at least ${mmText(tallest)} high`);
    }
    const indent = Math.max(body.indentChars, ...preset.headings.map((heading) => heading.indentChars), preset.signature.insetChars, preset.folio.insetChars);
    const widest = Math.max(charWidth * (indent + 1), ...preset.headings.map((heading) => heading.size + charWidth * heading.indentChars), preset.title.size, 2 * preset.table.paddingX + preset.table.size * 2);
    if (widest > textWidth) {
      add(['page', 'margins'], `${side.zh}的版心宽 ${mmText(textWidth)}，放不下缩进后的一个字（需 ${mmText(widest)}）`, `the text block ${side.en} is ${mmText(textWidth)} wide, too narrow for one character after the indent (${mmText(widest)})`, `a text block at least ${mmText(widest)} wide`);
    }
    if (preset.attachment.titleLine * pitch > textHeight) {
      add(['attachment', 'titleLine'], `附件标题在第 ${preset.attachment.titleLine} 行，超出${side.zh}的版心`, `the attachment title on line ${preset.attachment.titleLine} falls below the text block ${side.en}`, 'a line inside the text block');
    }
  }
  // A line of type takes about 1.5 × its size (the CJK faces' ascent + descent).
  const folioMm = preset.folio.distanceBelow + (preset.folio.size * 1.5) / PT_PER_MM;
  if (folioMm > page.margins.bottom) {
    add(['folio', 'distanceBelow'], `页码距版心 ${preset.folio.distanceBelow} mm 加行高超出下边距 ${page.margins.bottom} mm`, `the page number (${preset.folio.distanceBelow} mm below the text block plus its line height) falls outside the bottom margin of ${page.margins.bottom} mm`, `distanceBelow + 1.5 × the folio size within ${page.margins.bottom} mm`);
  }
}

/**
 * The zod schema of a layout preset: page format, fonts by role, sizes, line pitch, indents,
 * heading, table, folio and signature styles, and a geometry that can hold a line of text (see
 * {@link checkGeometry}). Presets are data (layouts/*.json); they hold no code.
 */
export const layoutPresetSchema = presetShape.superRefine(checkGeometry);

/** A layout preset as validated. */
export type LayoutPreset = z.output<typeof layoutPresetSchema>;

/** A layout preset object as a caller may write it (the schema's input type). */
export type LayoutPresetInput = z.input<typeof layoutPresetSchema>;
