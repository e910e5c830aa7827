import type { IssuePath } from '../../issues/issue.ts';
import type { ResolvedBlock, ResolvedReport, ResolvedSection } from '../../forms/resolvedReport/resolvedReport.ts';
import type { Paragraph } from '../../schema/content/content.ts';
import type { LayoutPreset } from '../../schema/layoutPreset/layoutPreset.ts';
import { chineseNumber } from '../../text/chineseNumber/chineseNumber.ts';
import { faceOf } from '../face/faceOf.ts';
import type { FlowBlock } from './flowBlock.ts';

/** Section numbers by level: 一、 → （一） → 1. → （1）. */
const NUMBERING: readonly ((n: number) => string)[] = [
  (n) => `${chineseNumber(n)}、`,
  (n) => `（${chineseNumber(n)}）`,
  (n) => `${n}.`,
  (n) => `（${n}）`,
];

/**
 * Flattens a report into blocks in print order: title, intro, sections with their numbers
 * (produced from the nesting unless a heading gives its own or `null`), the signature and draft
 * date line, then each attachment. Nothing is measured here.
 *
 * @param report A resolved report (official form blocks already turned into tables).
 * @param preset The layout preset (faces and sizes).
 * @returns The blocks.
 */
export function collectBlocks(report: ResolvedReport, preset: LayoutPreset): FlowBlock[] {
  const blocks: FlowBlock[] = [];
  const title = report.meta.title;
  blocks.push({ kind: 'title', lines: typeof title === 'string' ? [title] : title, explicit: typeof title !== 'string', path: ['meta', 'title'] });
  (report.intro ?? []).forEach((paragraph, index) => blocks.push(paragraphBlock(paragraph, ['intro', index], preset)));
  let outlineCount = 0;
  const nextOutlineId = () => `o${++outlineCount}`;
  const walk = (items: readonly ResolvedBlock[], level: number, path: IssuePath, parentOutline: string | undefined): void => {
    let counter = 0;
    items.forEach((block, index) => {
      const here = [...path, index];
      if (typeof block === 'string' || 'text' in block) {
        blocks.push(paragraphBlock(block, here, preset));
      } else if ('heading' in block) {
        if (block.number !== null) counter += 1;
        blocks.push(headingBlock(block, level, counter, here, preset, nextOutlineId(), parentOutline));
        const outlineId = (blocks.at(-1) as { outline: { id: string } }).outline.id;
        walk(block.content ?? [], level + 1, [...here, 'content'], level < 2 ? outlineId : parentOutline);
      } else if ('table' in block) {
        // A form table's caption, notes and values live at the form block's own keys.
        blocks.push({ kind: 'table', table: block.table, source: block.source, path: block.source.kind === 'form' ? here : [...here, 'table'] });
      } else {
        blocks.push({ kind: 'image', image: block.image, path: [...here, 'image'] });
      }
    });
  };
  walk(report.sections, 0, ['sections'], undefined);
  const signature = report.signature;
  if (signature !== false && (signature !== undefined || report.meta.date !== undefined)) {
    const issuer = signature?.issuer ?? report.meta.issuer;
    const date = signature?.date ?? report.meta.date;
    blocks.push({
      kind: 'signature',
      issuer,
      issuerPath: signature?.issuer === undefined ? ['meta', 'issuer'] : ['signature', 'issuer'],
      ...(date === undefined ? {} : { date: formatChineseDate(date) }),
      path: signature?.date === undefined ? ['meta', 'date'] : ['signature', 'date'],
    });
  }
  if (report.draft?.dateLine !== undefined) blocks.push({ kind: 'dateLine', text: report.draft.dateLine, path: ['draft', 'dateLine'] });
  (report.attachments ?? []).forEach((attachment, index) => {
    const path = ['attachments', index];
    const id = nextOutlineId();
    blocks.push({
      kind: 'attachment',
      label: attachment.label,
      ...(attachment.title === undefined ? {} : { title: attachment.title }),
      landscape: attachment.orientation === 'landscape',
      path,
      outline: { id, title: attachment.title === undefined ? attachment.label : `${attachment.label} ${attachment.title}` },
    });
    walk(attachment.content, 0, [...path, 'content'], id);
  });
  return blocks;
}

function paragraphBlock(paragraph: Paragraph, path: IssuePath, preset: LayoutPreset): FlowBlock {
  const body = { face: faceOf(preset.body), size: preset.body.size };
  if (typeof paragraph === 'string') return { kind: 'paragraph', runs: [{ text: paragraph, ...body }], paths: [path] };
  const runs = [{ text: paragraph.text, ...body }];
  const paths: IssuePath[] = [[...path, 'text']];
  if (paragraph.lead !== undefined) {
    runs.unshift({ text: paragraph.lead, face: faceOf(preset.lead), size: preset.body.size });
    paths.unshift([...path, 'lead']);
  }
  return { kind: 'paragraph', runs, paths };
}

function headingBlock(
  section: ResolvedSection,
  level: number,
  counter: number,
  path: IssuePath,
  preset: LayoutPreset,
  id: string,
  parentId: string | undefined,
): FlowBlock {
  const style = preset.headings[Math.min(level, preset.headings.length - 1)]!;
  const number = section.number === undefined ? (NUMBERING[Math.min(level, NUMBERING.length - 1)]!)(counter) : (section.number ?? '');
  const face = faceOf(style);
  const runs = number === '' ? [{ text: section.heading, face, size: style.size }] : [{ text: number, face, size: style.size }, { text: section.heading, face, size: style.size }];
  const paths: IssuePath[] = number === '' ? [[...path, 'heading']] : [[...path, 'number'], [...path, 'heading']];
  return {
    kind: 'heading',
    level,
    runs,
    paths,
    outline: { id, ...(parentId === undefined ? {} : { parentId }), title: `${number}${section.heading}` },
  };
}

/**
 * Writes an ISO date the way official documents print it: `2021-01-05` → `2021年1月5日`.
 *
 * @param iso A `YYYY-MM-DD` date.
 * @returns The date in Chinese.
 */
export function formatChineseDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}
