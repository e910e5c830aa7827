import type { IssuePath, ReportIssue } from '../../issues/issue.ts';
import { breakLines } from '../../text/breakLines/breakLines.ts';
import { faceOf } from '../face/faceOf.ts';
import { checkText } from './checkText.ts';
import type { FlowLine } from './flowItem.ts';
import type { Setter } from './setContext.ts';
import { toFlowLine } from './setLines.ts';

/**
 * Sets the signature block (落款): blank lines for the seal, the issuing body centred over the
 * date, and the date ending `insetChars` characters from the right edge (GB/T 9704 §7.3.5).
 * Kept together and never split.
 *
 * @param block The signature block.
 * @param frame The page frame.
 * @param context Preset and measurer.
 * @returns One lines item.
 */
export const setSignature: Setter<'signature'> = (block, frame, context) => {
  const { preset, measurer } = context;
  const warnings: ReportIssue[] = [];
  const face = faceOf(preset.body);
  const inset = preset.signature.insetChars * frame.charWidth;
  const lineOf = (text: string, path: IssuePath) =>
    breakLines([{ text: checkText(text, face, path, measurer, warnings), face, size: preset.body.size }], measurer, { width: frame.textWidth, tracking: frame.bodyTracking })[0]!;
  const date = block.date === undefined ? undefined : lineOf(block.date, block.path);
  const issuer = block.issuer === undefined ? undefined : lineOf(block.issuer, block.issuerPath);
  // GB/T 9704 §7.3.5: the date ends `insetChars` characters from the right; the issuer is centred over the date.
  const dateRight = frame.textWidth - inset;
  const dateCenter = date === undefined ? dateRight - (issuer?.width ?? 0) / 2 : dateRight - date.width / 2;
  const lines: FlowLine[] = [];
  for (let i = 0; i < preset.signature.spaceBeforeLines; i++) lines.push({ height: frame.bodyPitch, texts: [] });
  if (issuer !== undefined) {
    const left = Math.min(dateCenter - issuer.width / 2, frame.textWidth - issuer.width);
    lines.push(toFlowLine({ ...issuer, indent: left }, frame.bodyPitch, 'left', frame.textWidth, measurer));
  }
  if (date !== undefined) lines.push(toFlowLine({ ...date, indent: dateRight - date.width }, frame.bodyPitch, 'left', frame.textWidth, measurer));
  return { items: [{ kind: 'lines', lines, keepWithNext: false, splittable: false, keepTogether: true, note: 'signature' }], warnings };
};
