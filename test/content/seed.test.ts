/**
 * Text content of the rendered seed examples: every heading, paragraph, table label, row (label
 * followed by its numbers) and attachment label of the example JSON appears in the PDF's text,
 * in document order, on the right pages (body before the first attachment, each attachment from
 * the page that starts with its label). The expected strings are derived from the JSON; a few key
 * facts are hard-coded below so that a bug in the derivation cannot hide a missing title.
 *
 * Official-form blocks (`{ form: 'table3', data }`) carry only keyed numbers: their labels and
 * printed values (本年增/减 with its sign) come from the library's templates, so such examples are
 * first passed through `validateReport` + `resolveForms` and the resulting generic tables walked.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { compactText, extractPdfText, type PageText } from '../helpers/extractPdfText.ts';
import { describeMissing, locateTexts, type PageRange } from '../helpers/locateText.ts';
import { textRightOf } from '../helpers/tableRows.ts';
import { FIXED_CREATION_DATE, listSeedExamples, loadRenderReport, readExample } from '../helpers/renderReport.ts';
import { collectExpectedText, hasFormBlocks, type ExpectedReport, type ExpectedText } from '../helpers/reportText.ts';
import { resolveForms } from '../../src/forms/index.ts';
import { validateReport } from '../../src/schema/index.ts';

/** Facts checked literally, per example. */
interface KeyFacts {
  readonly titleLines: readonly string[];
  readonly firstHeading: string;
  readonly firstAttachmentLabel: string;
  readonly onFirstAttachmentPage: readonly string[];
  /** A row of the first attachment page: label and its printed values, left to right. */
  readonly rowOnFirstAttachmentPage: { readonly label: string; readonly values: readonly string[] };
}

const KEY_FACTS: Record<string, KeyFacts> = {
  'seed-2020-generic-tables': {
    titleLines: ['沈阳市辽中区水务局2020年', '政府信息公开工作总结'],
    firstHeading: '一、总体公开情况',
    firstAttachmentLabel: '附件2',
    onFirstAttachmentPage: ['二、主动公开政府信息情况', '第二十条第（一）项', '本年新制作数量'],
    rowOnFirstAttachmentPage: { label: '规范性文件', values: ['203', '203', '203'] },
  },
};

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];

/** The JSON whose text the PDF must show: official-form blocks expanded into generic tables. */
function expandForms(json: unknown): unknown {
  if (!hasFormBlocks(json)) return json;
  const validation = validateReport(json);
  if (!validation.ok) throw new Error(`example does not validate: ${JSON.stringify(validation.issues.slice(0, 3))}`);
  return resolveForms(validation.report).report;
}

/** Top-level body sections without an explicit number are numbered 一、二、… (GB/T 9704 level 1). */
function numberedTopHeadings(report: unknown): ExpectedText[] {
  const sections = (report as { sections?: { heading: string; number?: string | null }[] }).sections ?? [];
  let next = 0;
  return sections.flatMap((section, index) => {
    if (section.number !== undefined) return [];
    const numeral = NUMERALS[next++];
    return numeral === undefined ? [] : [{ kind: 'heading' as const, text: compactText(`${numeral}、${section.heading}`), path: `sections[${index}].heading (numbered)` }];
  });
}

/** First page at or after `from` (1-based) that has a line equal to `label`, or -1. */
function findLabelPage(pages: readonly PageText[], label: string, from: number): number {
  const page = pages.find((p) => p.pageNumber >= from && p.lines.includes(label));
  return page?.pageNumber ?? -1;
}

const seeds = listSeedExamples();

test('should find seed examples (examples/seed-*.json)', () => {
  expect(seeds.map((seed) => seed.name)).not.toStrictEqual([]);
});

describe.each(seeds.map((seed) => [seed.name, seed] as const))('%s', (name, seed) => {
  const json = readExample(seed);
  const expected: ExpectedReport = collectExpectedText(expandForms(json));
  let pages: PageText[] = [];
  let pageCount = 0;
  let attachmentStarts: number[] = [];
  let loadError: unknown;

  beforeAll(async () => {
    try {
      const renderReport = await loadRenderReport();
      const result = await renderReport(json, { creationDate: FIXED_CREATION_DATE });
      pageCount = result.pageCount;
      pages = await extractPdfText(result.pdf);
      let from = 2;
      attachmentStarts = expected.attachments.map((attachment) => {
        const start = findLabelPage(pages, attachment.label, from);
        if (start > 0) from = start + 1;
        return start;
      });
    } catch (error) {
      loadError = error; // reported by every test below, so none of them passes or skips silently
    }
  });

  function ready(): void {
    if (loadError !== undefined) throw loadError;
  }

  const bodyRange = (): PageRange => ({ first: 1, last: (attachmentStarts.find((p) => p > 0) ?? pages.length + 1) - 1 });
  const attachmentRange = (index: number): PageRange => {
    const next = attachmentStarts.slice(index + 1).find((p) => p > 0);
    return { first: attachmentStarts[index] ?? -1, last: (next ?? pages.length + 1) - 1 };
  };

  test('should have as many pages of text as renderReport planned', () => {
    ready();
    expect(pages.length).toBe(pageCount);
  });

  test('should print the title lines on page 1', () => {
    ready();
    const missing = expected.titleLines.filter((line) => !pages[0]?.compact.includes(line));
    expect(missing, `page 1 text: ${pages[0]?.compact}`).toStrictEqual([]);
  });

  test('should start every attachment on a new page with its label on a line of its own', () => {
    ready();
    const missing = expected.attachments.filter((_, index) => (attachmentStarts[index] ?? -1) < 2).map((a) => a.label);
    expect(missing, `lines per page: ${JSON.stringify(pages.map((p) => p.lines.slice(0, 3)))}`).toStrictEqual([]);
  });

  test('should print the body (intro, headings, paragraphs, tables) in order before the first attachment', () => {
    ready();
    const range = bodyRange();
    expect(describeMissing(locateTexts(expected.body, pages, range), range)).toStrictEqual([]);
  });

  test('should number the top-level body headings 一、二、…', () => {
    ready();
    const range = bodyRange();
    expect(describeMissing(locateTexts(numberedTopHeadings(json), pages, range), range)).toStrictEqual([]);
  });

  test.each(expected.attachments.map((attachment, index) => [attachment.label, index] as const))(
    'should print attachment %s (labels, rows with their numbers) on its own pages, in order',
    (_label, index) => {
      ready();
      const range = attachmentRange(index);
      expect(range.first, `attachment ${index} not found`).toBeGreaterThan(1);
      expect(describeMissing(locateTexts(expected.attachments[index]!.items, pages, range), range)).toStrictEqual([]);
    },
  );

  const facts = KEY_FACTS[name];
  if (facts !== undefined) {
    test('key facts: title lines on page 1', () => {
      ready();
      for (const line of facts.titleLines) expect(pages[0]?.lines ?? [], `page 1 lines`).toContain(compactText(line));
    });

    test('key facts: the first heading is on page 1', () => {
      ready();
      expect(pages[0]?.compact).toContain(compactText(facts.firstHeading));
    });

    test('key facts: the first attachment page starts the attachment', () => {
      ready();
      const first = findLabelPage(pages, compactText(facts.firstAttachmentLabel), 2);
      expect(first, `no page has a line "${facts.firstAttachmentLabel}"`).toBeGreaterThan(1);
      const text = pages[first - 1]?.compact ?? '';
      for (const fact of facts.onFirstAttachmentPage) expect(text, `page ${first}`).toContain(compactText(fact));
      const { label, values } = facts.rowOnFirstAttachmentPage;
      expect(textRightOf(pages[first - 1]!, compactText(label)), `row ${label}`).toContain(values.join(''));
      expect(pages.slice(0, first - 1).some((page) => page.lines.includes(compactText(facts.firstAttachmentLabel)))).toBe(false);
    });
  }
});
