/**
 * fast-check arbitraries for the reliability suite (issue 7): valid reports to start from, and
 * mutations that turn them into almost-valid, hostile or absurd input.
 *
 * Big or deep values are generated as small *descriptors* (`{ kind: 'deep', depth: 10000 }`)
 * and only built by {@link materializeMutated} inside the property, so that fast-check can print
 * and shrink a counterexample without itself overflowing the stack.
 */
import fc from 'fast-check';
import { DEFAULT_LIMITS, type InputLimits } from '../../src/schema/limits/limits.ts';
import { countLeafColumns, type CellValue, type HeaderNode, type RowNode } from '../../src/schema/table/table.ts';
import type { Attachment, Block, ImageSpec, Paragraph, Section } from '../../src/schema/content/content.ts';
import type { Report, ReportMeta } from '../../src/schema/report/report.ts';

// ---------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------

/**
 * Characters that fonts cannot draw, that are invisible, or that are not well-formed UTF-16:
 * every C0 control, DEL, zero-width space, BOM, bidi marks and overrides, lone surrogates,
 * emoji (with ZWJ and flags), a rare ideograph outside the BMP, private-use characters,
 * combining marks and non-characters.
 */
export const SPECIAL_CHARACTERS: readonly string[] = Object.freeze([
  ...Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)),
  '\u007F',
  '\u200B', // zero-width space
  '\uFEFF', // BOM / zero-width no-break space
  '\u200E', // left-to-right mark
  '\u200F', // right-to-left mark
  '\u202A', // LRE
  '\u202B', // RLE
  '\u202C', // PDF
  '\u202D', // LRO
  '\u202E', // RLO
  '\u2066', // LRI
  '\u2067', // RLI
  '\u2068', // FSI
  '\u2069', // PDI
  '\u061C', // Arabic letter mark
  '\uD800', // lone high surrogate
  '\uDBFF',
  '\uDC00', // lone low surrogate
  '\uDFFF',
  '😀',
  '👩‍💻',
  '🇨🇳',
  '\u{20BB7}', // 𠮷, CJK extension B
  '\u{2A6A5}',
  '\uE000', // private use
  '\uF8FF',
  '\u{F0000}', // supplementary private use
  '\u3000', // ideographic space
  '\u00A0', // no-break space
  '\u0301', // combining acute accent
  '\uFFFD',
  '\uFFFF', // non-character
  'مرحبا', // right-to-left text
  'שלום',
]);

const hanChar = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((code) => String.fromCharCode(code));
const asciiChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
const cjkPunctuation = fc.constantFrom('，', '。', '、', '（', '）', '《', '》', '：', '；', '“', '”', ' ', '-', '%', '〔', '〕');
const specialChar = fc.constantFrom(...SPECIAL_CHARACTERS);

/** Options of {@link textArb}. */
export interface TextOptions {
  /** Longest text, in characters of the unit (≤ the schema's limit for the role). */
  readonly maxLength: number;
  /** Weight (out of ~20) of characters from {@link SPECIAL_CHARACTERS}; 0 gives plain text. */
  readonly exotic?: number;
}

/**
 * Non-blank text that the schema accepts: starts with an ideograph, then ideographs, ASCII,
 * CJK punctuation and (with `exotic`) special characters.
 *
 * @param options Length and how often special characters appear.
 * @returns An arbitrary of strings.
 */
export function textArb(options: TextOptions): fc.Arbitrary<string> {
  const exotic = options.exotic ?? 0;
  const unit = fc.oneof(
    { weight: 12, arbitrary: hanChar },
    { weight: 4, arbitrary: asciiChar },
    { weight: 3, arbitrary: cjkPunctuation },
    ...(exotic > 0 ? [{ weight: exotic, arbitrary: specialChar }] : []),
  );
  if (exotic === 0) {
    return fc.tuple(hanChar, fc.string({ unit, maxLength: Math.max(0, options.maxLength - 1) })).map(([first, rest]) => first + rest);
  }
  // Special characters may be up to five UTF-16 units long: one may come first (a leading line
  // feed, BOM or bidi mark is common in pasted text), then an ideograph, then the rest.
  const budget = Math.max(0, Math.floor((options.maxLength - 6) / 5));
  const leading = fc.option(specialChar, { freq: 8, nil: '' });
  return fc
    .tuple(leading, hanChar, fc.string({ unit, maxLength: budget }))
    .map(([lead, first, rest]) => lead + first + rest);
}

/** A date `YYYY-MM-DD` that exists in every month (day ≤ 28). */
export const isoDateArb: fc.Arbitrary<string> = fc
  .record({ year: fc.integer({ min: 1990, max: 2200 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
  .map(({ year, month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);

// ---------------------------------------------------------------------------------------------
// Valid reports
// ---------------------------------------------------------------------------------------------

/** Options of {@link validReportArb}. */
export interface ValidReportOptions {
  /** Weight of special characters in text (see {@link TextOptions.exotic}); default 1. */
  readonly exotic?: number;
  /** Deepest section nesting generated (≤ `DEFAULT_LIMITS.maxSectionDepth`); default 4. */
  readonly maxSectionDepth?: number;
  /** Include images given as `Uint8Array` (not JSON, but accepted from code); default false. */
  readonly binaryImages?: boolean;
  /** Include images given by `src` (denied by default at render time); default true. */
  readonly imageSources?: boolean;
}

/** Base64 of a 1×1 transparent PNG. */
export const TINY_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

function metaArb(text: (max: number) => fc.Arbitrary<string>): fc.Arbitrary<ReportMeta> {
  return fc.record(
    {
      title: fc.oneof(text(40), fc.array(text(30), { minLength: 1, maxLength: 3 })),
      issuer: text(30),
      year: fc.integer({ min: 1990, max: 2200 }),
      date: isoDateArb,
      subject: text(40),
      keywords: fc.array(text(10), { maxLength: 4 }),
    },
    { requiredKeys: ['title', 'issuer', 'year'] },
  );
}

function paragraphArb(text: (max: number) => fc.Arbitrary<string>): fc.Arbitrary<Paragraph> {
  return fc.oneof(
    { weight: 3, arbitrary: text(120) },
    fc.record({ lead: text(20), text: text(120) }, { requiredKeys: ['text'] }),
  );
}

function headerArb(text: (max: number) => fc.Arbitrary<string>, depth: number, maxDepth: number): fc.Arbitrary<HeaderNode> {
  const label = text(12);
  if (depth >= maxDepth) return label;
  return fc.oneof(
    { weight: 3, arbitrary: label },
    fc.record(
      { label, children: fc.array(headerArb(text, depth + 1, maxDepth), { minLength: 1, maxLength: 3 }) },
      { requiredKeys: ['label'] },
    ),
  );
}

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 100_000 }) },
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }),
  fc.constantFrom('—', '', '0', '不适用', '12.5%'),
  fc.constant(null),
);

function rowArb(text: (max: number) => fc.Arbitrary<string>, columns: number, labelled: boolean, depth: number): fc.Arbitrary<RowNode> {
  const values = fc.array(cellArb, { minLength: columns, maxLength: columns });
  const leaf: fc.Arbitrary<RowNode> = labelled ? fc.record({ label: text(12), values }) : fc.record({ values });
  if (!labelled || depth >= 3) return leaf;
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    fc.record({ label: text(12), children: fc.array(rowArb(text, columns, true, depth + 1), { minLength: 1, maxLength: 2 }) }),
  );
}

function bandArb(text: (max: number) => fc.Arbitrary<string>, withTitle: boolean) {
  return fc.array(headerArb(text, 1, 3), { minLength: 1, maxLength: 4 }).chain((columns) => {
    const count = countLeafColumns(columns);
    return fc.boolean().chain((labelled) =>
      fc.record(
        {
          ...(withTitle ? { title: text(20) } : {}),
          // A corner needs a row-header column, which only labelled rows have.
          ...(labelled ? { corner: text(8) } : {}),
          columns: fc.constant(columns),
          rows: fc.array(rowArb(text, count, labelled, 1), { minLength: 1, maxLength: 4 }),
        },
        { requiredKeys: ['columns', 'rows'] },
      ),
    );
  });
}

function tableArb(text: (max: number) => fc.Arbitrary<string>): fc.Arbitrary<Record<string, unknown>> {
  const extras = { caption: text(30), notes: fc.array(text(60), { maxLength: 2 }) };
  const single = bandArb(text, false).chain((band) =>
    fc.record(extras, { requiredKeys: [] }).map((more) => ({ ...more, ...band })),
  );
  const banded = fc.record(
    { ...extras, bands: fc.array(bandArb(text, true), { minLength: 1, maxLength: 2 }) },
    { requiredKeys: ['bands'] },
  );
  return fc.oneof({ weight: 3, arbitrary: single }, banded);
}

function imageArb(text: (max: number) => fc.Arbitrary<string>, options: ValidReportOptions): fc.Arbitrary<ImageSpec> {
  const extras = { width: fc.integer({ min: 5, max: 160 }), caption: text(30) };
  const sources: fc.Arbitrary<ImageSpec>[] = [
    fc.record({ data: fc.constantFrom(TINY_PNG_BASE64, `data:image/png;base64,${TINY_PNG_BASE64}`), ...extras }, { requiredKeys: ['data'] }),
  ];
  if (options.imageSources ?? true) {
    sources.push(fc.record({ src: fc.constantFrom('images/seal.png', 'https://example.gov.cn/a.png', '../../etc/passwd'), ...extras }, { requiredKeys: ['src'] }));
  }
  if (options.binaryImages ?? false) {
    sources.push(fc.record({ data: fc.constant(Uint8Array.from(Buffer.from(TINY_PNG_BASE64, 'base64'))), ...extras }, { requiredKeys: ['data'] }));
  }
  return fc.oneof(...sources);
}

function formBlockArb(text: (max: number) => fc.Arbitrary<string>): fc.Arbitrary<Record<string, unknown>> {
  const count = fc.oneof(fc.integer({ min: 0, max: 500 }), fc.constant(null));
  // 表二 data that belongs to one version only (keys of the other version are reported at render time).
  const table2ByVersion = {
    '2019': fc.record({ rules: fc.record({ newlyMade: count, newlyPublished: count, totalPublished: count }, { requiredKeys: [] }) }, { requiredKeys: [] }),
    '2021': fc.record({ rules: fc.record({ issued: count, repealed: count, inForce: count }, { requiredKeys: [] }) }, { requiredKeys: [] }),
  } as const;
  const withoutVersion = fc.record(
    { form: fc.constantFrom('table2', 'table3', 'table4'), caption: text(30), data: fc.constant({}) },
    { requiredKeys: ['form', 'data'] },
  );
  const table2 = fc.constantFrom('2019' as const, '2021' as const).chain((version) =>
    fc.record(
      { form: fc.constant('table2'), version: fc.constant(version), caption: text(30), data: table2ByVersion[version].map((documents) => ({ documents })) },
      { requiredKeys: ['form', 'version', 'data'] },
    ),
  );
  return fc.oneof(withoutVersion, table2);
}

function leafBlockArb(text: (max: number) => fc.Arbitrary<string>, options: ValidReportOptions): fc.Arbitrary<Block> {
  return fc.oneof(
    { weight: 8, arbitrary: paragraphArb(text) },
    { weight: 2, arbitrary: tableArb(text).map((table) => ({ table }) as unknown as Block) },
    { weight: 1, arbitrary: imageArb(text, options).map((image) => ({ image })) },
    { weight: 1, arbitrary: formBlockArb(text) as unknown as fc.Arbitrary<Block> },
  );
}

function sectionArb(text: (max: number) => fc.Arbitrary<string>, leaf: fc.Arbitrary<Block>, level: number, maxDepth: number): fc.Arbitrary<Section> {
  const block: fc.Arbitrary<Block> =
    level >= maxDepth ? leaf : fc.oneof({ weight: 5, arbitrary: leaf }, { weight: 1, arbitrary: sectionArb(text, leaf, level + 1, maxDepth) });
  return fc.record(
    {
      heading: text(30),
      number: fc.constantFrom('一、', '（二）', '3.', '（4）', '', null),
      content: fc.array(block, { maxLength: 4 }),
    },
    { requiredKeys: ['heading'] },
  );
}

/**
 * Reports that `validateReport` accepts with the default limits: meta, intro, up to four levels
 * of sections holding paragraphs (plain and with lead phrases), generic tables (single and
 * banded, header trees up to three levels, one value per leaf column, labelled and unlabelled
 * rows), images, official-form blocks, attachments, signature and draft marks.
 *
 * @param options What kinds of content to include.
 * @returns An arbitrary of valid reports.
 */
export function validReportArb(options: ValidReportOptions = {}): fc.Arbitrary<Report> {
  const exotic = options.exotic ?? 1;
  const text = (max: number) => textArb({ maxLength: max, exotic });
  const leaf = leafBlockArb(text, options);
  const depth = Math.min(options.maxSectionDepth ?? 4, DEFAULT_LIMITS.maxSectionDepth);
  const section = sectionArb(text, leaf, 1, depth);
  const block = fc.oneof({ weight: 5, arbitrary: leaf }, { weight: 1, arbitrary: section as fc.Arbitrary<Block> });
  const attachment: fc.Arbitrary<Attachment> = fc.record(
    {
      label: fc.constantFrom('附件1', '附件2', '附件'),
      title: text(30),
      orientation: fc.constantFrom('portrait' as const, 'landscape' as const),
      content: fc.array(block, { maxLength: 3 }),
    },
    { requiredKeys: ['label', 'content'] },
  );
  return fc.record(
    {
      meta: metaArb(text),
      form: fc.constantFrom('2019' as const, '2021' as const),
      layout: fc.constantFrom('gbt9704', 'compact'),
      intro: fc.array(paragraphArb(text), { maxLength: 2 }),
      sections: fc.array(section, { maxLength: 5 }),
      attachments: fc.array(attachment, { maxLength: 2 }),
      signature: fc.oneof(
        fc.constant(false as const),
        fc.record({ issuer: text(30), date: isoDateArb }, { requiredKeys: [] }),
      ),
      draft: fc.record({ watermark: text(10), dateLine: text(30) }, { requiredKeys: [] }),
    },
    { requiredKeys: ['meta', 'sections'] },
  ) as fc.Arbitrary<Report>;
}

// ---------------------------------------------------------------------------------------------
// Tree helpers (copy-on-write, own `__proto__` keys preserved)
// ---------------------------------------------------------------------------------------------

/** A path from the root of a JSON-like value. */
export type Path = readonly (string | number)[];

/** What a mutation may be applied to. */
type NodeFilter = 'any' | 'nonRoot' | 'object' | 'array' | 'string' | 'number';

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Lists the paths of every node of a JSON-like tree (plain objects and arrays are descended),
 * the root included, in depth-first order. Stops descending at `maxDepth`.
 *
 * @param root The tree.
 * @param maxDepth Deepest path listed.
 * @returns The paths.
 */
export function listPaths(root: unknown, maxDepth = 64): Path[] {
  const paths: Path[] = [];
  const visit = (node: unknown, path: Path): void => {
    paths.push(path);
    if (path.length >= maxDepth) return;
    if (Array.isArray(node)) node.forEach((child, index) => visit(child, [...path, index]));
    else if (isPlainRecord(node)) for (const key of Object.keys(node)) visit(node[key], [...path, key]);
  };
  visit(root, []);
  return paths;
}

/**
 * Reads the value at a path (own properties only).
 *
 * @param root The tree.
 * @param path The path.
 * @returns The value, or `undefined`.
 */
export function getAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** Sets an own, enumerable property — even `__proto__` — without invoking any setter. */
function setOwn(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Shallow copy keeping the prototype (null or Object.prototype) and own `__proto__` keys. */
function shallowCopy(node: unknown): unknown {
  if (Array.isArray(node)) return node.slice();
  if (isPlainRecord(node)) {
    const copy: Record<string, unknown> = Object.getPrototypeOf(node) === null ? Object.create(null) : {};
    for (const key of Object.keys(node)) setOwn(copy, key, node[key]);
    return copy;
  }
  return node;
}

/**
 * Replaces the node at `path` by `update(node)`, copying the containers on the way so that the
 * input is left untouched. `update` may return {@link REMOVE} to delete the node.
 *
 * @param root The tree.
 * @param path Where to apply the update.
 * @param update The change.
 * @returns The new tree.
 */
export function updateAt(root: unknown, path: Path, update: (node: unknown) => unknown): unknown {
  if (path.length === 0) {
    const next = update(root);
    return next === REMOVE ? undefined : next;
  }
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = shallowCopy(root);
  if (copy === null || typeof copy !== 'object') return copy;
  const child = (root as Record<string | number, unknown>)[key];
  const next = rest.length === 0 ? update(child) : updateAt(child, rest, update);
  if (next === REMOVE) {
    if (Array.isArray(copy)) copy.splice(Number(key), 1);
    else delete (copy as Record<string | number, unknown>)[key];
  } else {
    setOwn(copy, key, next);
  }
  return copy;
}

/** Returned by an update of {@link updateAt} to delete the node. */
export const REMOVE: unique symbol = Symbol('remove');

// ---------------------------------------------------------------------------------------------
// Hostile values
// ---------------------------------------------------------------------------------------------

/** Shapes of deeply nested values. */
export type DeepShape = 'array' | 'object' | 'section' | 'row' | 'header' | 'paragraph';

/** A value to put into a report, described so that fast-check can print it. */
export type HostileValue =
  | { readonly kind: 'literal'; readonly value: unknown }
  | { readonly kind: 'huge'; readonly length: number; readonly unit: string }
  | { readonly kind: 'deep'; readonly shape: DeepShape; readonly depth: number };

/** Keys that attack prototypes or shadow Object.prototype methods. */
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** A key that pollutes a prototype when merged naïvely. */
export type ProtoKey = (typeof PROTO_KEYS)[number];

/** Property name planted by the pollution payloads; must never appear on `Object.prototype`. */
export const POLLUTION_MARKER = 'polluted_by_fuzz';

/** Payloads put under prototype-pollution keys. */
export const POLLUTION_PAYLOADS: readonly unknown[] = Object.freeze([
  { [POLLUTION_MARKER]: 'yes' },
  { prototype: { [POLLUTION_MARKER]: 'yes' } },
  JSON.parse(`{"__proto__":{"${POLLUTION_MARKER}":"yes"}}`) as unknown,
  { heading: 'x', [POLLUTION_MARKER]: 'yes' },
  [],
  null,
  'yes',
  1,
]);

/** Extra keys: prototype attacks, typos of real keys, odd names. */
export const extraKeyArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PROTO_KEYS) },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf', 'length',
      'headng', 'contnet', 'lable', 'vaules', 'colums', 'childern', 'tabel', 'imag', 'titel', 'yaer', 'issuer ',
      'Heading', 'META', 'sections ', '', ' ', '\u0000', '\u202E', '😀', 'a.b', '[0]', '0', '-1', '$schema',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

/** Any JavaScript value up to `maxDepth`, with every exotic kind fast-check knows (boxed, Map, Set, BigInt, typed arrays, null-prototype objects…). */
function exoticValue(maxDepth: number): fc.Arbitrary<unknown> {
  return fc.anything({
    maxDepth,
    key: extraKeyArb,
    withBoxedValues: true,
    withMap: true,
    withSet: true,
    withBigInt: true,
    withDate: true,
    withTypedArray: true,
    withSparseArray: true,
    withNullPrototype: true,
    withObjectString: true,
  });
}

/** Numbers that break naïve arithmetic or formatting. */
export const hostileNumberArb: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, -1, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, Number.MIN_VALUE, 2.5, 1e21, 2020.5, 1989, 2201),
  fc.double(),
  fc.integer(),
);

/** Strings made of special characters, blanks, numbers-as-text and the like. */
export const hostileStringArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', ' ', '\u3000', '\t\n', '0', 'NaN', '2020', '2021-02-31', '2021/01/15', '[object Object]', '__proto__', 'null', 'table2', 'table9'),
  fc.string({ unit: specialChar, minLength: 1, maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

/**
 * Objects with a `length` property, standing where a string or an array is expected: zod's
 * length checks run on anything that has a `length` (see the `when` of its max-length check).
 * The last two cannot come from JSON but can from code (`validateReport` takes objects built in code).
 */
export const lengthImpostorArb: fc.Arbitrary<unknown> = fc.constantFrom<() => unknown>(
  () => ({ length: 1e9 }),
  () => ({ length: {} }),
  () => ({ length: '3' }),
  () => ({ 0: '段', length: 1 }),
  () => ({ length: Object.create(null) as object }),
  () => ({ length: Symbol('length') }),
).map((make) => make());

/** Any hostile value (descriptor). */
export const hostileValueArb: fc.Arbitrary<HostileValue> = fc.oneof(
  { weight: 3, arbitrary: hostileNumberArb.map((value) => ({ kind: 'literal' as const, value })) },
  { weight: 3, arbitrary: hostileStringArb.map((value) => ({ kind: 'literal' as const, value })) },
  { weight: 2, arbitrary: fc.constantFrom(null, undefined, true, false, {}, [], [[]], [{}], { 0: 'a' }).map((value) => ({ kind: 'literal' as const, value })) },
  { weight: 1, arbitrary: lengthImpostorArb.map((value) => ({ kind: 'literal' as const, value })) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => ({ kind: 'literal' as const, value })) },
  {
    weight: 1,
    arbitrary: exoticValue(2).map((value) => ({ kind: 'literal' as const, value })),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('huge' as const),
      length: fc.constantFrom(201, 501, 20_001, 100_000, 1_000_000),
      unit: fc.constantFrom('国', 'a', ' ', '\u0000', '😀', '\uD800'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('deep' as const),
      shape: fc.constantFrom<DeepShape>('array', 'object', 'section', 'row', 'header', 'paragraph'),
      depth: fc.constantFrom(5, 7, 8, 100, 1_000, 10_000),
    }),
  },
);

/**
 * Builds a value nested `depth` levels deep, iteratively (no recursion, so 10,000 levels are fine).
 *
 * @param shape What each level looks like.
 * @param depth How many levels.
 * @returns The nested value.
 */
export function buildDeep(shape: DeepShape, depth: number): unknown {
  let node: unknown =
    shape === 'row' ? { label: '行', values: [1] } : shape === 'header' ? '列' : shape === 'paragraph' ? '段落' : shape === 'section' ? { heading: '底' } : [];
  for (let level = 0; level < depth; level += 1) {
    switch (shape) {
      case 'array':
        node = [node];
        break;
      case 'object':
        node = { a: node };
        break;
      case 'section':
        node = { heading: `第${level}层`, content: [node] };
        break;
      case 'row':
        node = { label: `行${level}`, children: [node] };
        break;
      case 'header':
        node = { label: `列${level}`, children: [node] };
        break;
      case 'paragraph':
        node = { lead: '一是', text: node };
        break;
    }
  }
  return node;
}

/**
 * Turns a {@link HostileValue} descriptor into the value.
 *
 * @param value The descriptor.
 * @returns The value.
 */
export function materializeValue(value: HostileValue): unknown {
  switch (value.kind) {
    case 'literal':
      return value.value;
    case 'huge':
      return value.unit.repeat(value.length);
    case 'deep':
      return buildDeep(value.shape, value.depth);
  }
}

// ---------------------------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------------------------

/** How a key is misspelt. */
export type Typo = 'dropChar' | 'swapChars' | 'doubleChar' | 'upperCase' | 'trailingSpace';

/**
 * One change to a report. `target` picks a node among those the operation applies to
 * (`target % count`), so the mutation shrinks and prints well whatever the report.
 */
export type Mutation =
  | { readonly op: 'replace'; readonly target: number; readonly value: HostileValue }
  | { readonly op: 'delete'; readonly target: number }
  | { readonly op: 'addKey'; readonly target: number; readonly key: string; readonly value: HostileValue }
  | { readonly op: 'renameKey'; readonly target: number; readonly keyIndex: number; readonly typo: Typo }
  | { readonly op: 'wrapInArray'; readonly target: number }
  | { readonly op: 'swapContainer'; readonly target: number }
  | { readonly op: 'flipType'; readonly target: number }
  | { readonly op: 'injectText'; readonly target: number; readonly at: number; readonly insert: string }
  | { readonly op: 'repeat'; readonly target: number; readonly count: number }
  | { readonly op: 'ownProtoKey'; readonly target: number; readonly key: ProtoKey; readonly payload: number };

const FILTERS: Record<Mutation['op'], NodeFilter> = {
  replace: 'any',
  delete: 'nonRoot',
  addKey: 'object',
  renameKey: 'object',
  wrapInArray: 'any',
  swapContainer: 'any',
  flipType: 'any',
  injectText: 'string',
  repeat: 'array',
  ownProtoKey: 'object',
};

const target = fc.nat();

/** Arbitrary of one {@link Mutation}. */
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('replace' as const), target, value: hostileValueArb }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), target }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('addKey' as const), target, key: extraKeyArb, value: hostileValueArb }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('renameKey' as const),
      target,
      keyIndex: fc.nat(),
      typo: fc.constantFrom<Typo>('dropChar', 'swapChars', 'doubleChar', 'upperCase', 'trailingSpace'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('wrapInArray' as const), target }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('swapContainer' as const), target }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('flipType' as const), target }) },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('injectText' as const),
      target,
      at: fc.nat(),
      insert: fc.string({ unit: specialChar, minLength: 1, maxLength: 4 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('repeat' as const), target, count: fc.constantFrom(0, 2, 7, 41, 51, 201, 2_001) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('ownProtoKey' as const),
      target,
      key: fc.constantFrom(...PROTO_KEYS),
      payload: fc.nat({ max: POLLUTION_PAYLOADS.length - 1 }),
    }),
  },
);

function matches(node: unknown, path: Path, filter: NodeFilter): boolean {
  switch (filter) {
    case 'any':
      return true;
    case 'nonRoot':
      return path.length > 0;
    case 'object':
      return isPlainRecord(node);
    case 'array':
      return Array.isArray(node);
    case 'string':
      return typeof node === 'string';
    case 'number':
      return typeof node === 'number';
  }
}

function misspell(key: string, typo: Typo): string {
  if (key.length < 2) return `${key}_`;
  const mid = Math.floor(key.length / 2);
  switch (typo) {
    case 'dropChar':
      return key.slice(0, mid) + key.slice(mid + 1);
    case 'swapChars':
      return key.slice(0, mid - 1) + key[mid]! + key[mid - 1]! + key.slice(mid + 1);
    case 'doubleChar':
      return key.slice(0, mid) + key[mid]! + key.slice(mid);
    case 'upperCase':
      return key.toUpperCase() === key ? `${key}X` : key.toUpperCase();
    case 'trailingSpace':
      return `${key} `;
  }
}

/**
 * Builds an object from JSON text so that a prototype key becomes an *own* property
 * (`JSON.parse('{"__proto__": …}')` does that; an object literal would set the prototype).
 */
function withOwnKeyFromJson(node: Record<string, unknown>, key: ProtoKey, payload: unknown): unknown {
  let rest = '';
  try {
    rest = JSON.stringify(node).slice(1, -1);
  } catch {
    rest = '';
  }
  const head = `${JSON.stringify(key)}:${JSON.stringify(payload) ?? 'null'}`;
  try {
    return JSON.parse(`{${head}${rest === '' ? '' : `,${rest}`}}`);
  } catch {
    return JSON.parse(`{${head}}`);
  }
}

/**
 * Applies one mutation to a report (or any JSON-like tree) without changing the input.
 *
 * @param root The tree.
 * @param mutation The change.
 * @returns The changed tree.
 */
export function applyMutation(root: unknown, mutation: Mutation): unknown {
  const filter = FILTERS[mutation.op];
  const candidates = listPaths(root).filter((path) => matches(getAt(root, path), path, filter));
  if (candidates.length === 0) return root;
  const path = candidates[mutation.target % candidates.length]!;
  switch (mutation.op) {
    case 'replace':
      return updateAt(root, path, () => materializeValue(mutation.value));
    case 'delete':
      return updateAt(root, path, () => REMOVE);
    case 'addKey':
      return updateAt(root, path, (node) => {
        const copy = shallowCopy(node) as Record<string, unknown>;
        setOwn(copy, mutation.key, materializeValue(mutation.value));
        return copy;
      });
    case 'renameKey':
      return updateAt(root, path, (node) => {
        const keys = Object.keys(node as object);
        if (keys.length === 0) return node;
        const key = keys[mutation.keyIndex % keys.length]!;
        const renamed: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(node as object)) setOwn(renamed, k === key ? misspell(k, mutation.typo) : k, v);
        return renamed;
      });
    case 'wrapInArray':
      return updateAt(root, path, (node) => [node]);
    case 'swapContainer':
      return updateAt(root, path, (node) => {
        if (Array.isArray(node)) return { ...node };
        if (isPlainRecord(node)) return Object.values(node);
        return { value: node };
      });
    case 'flipType':
      return updateAt(root, path, (node) => {
        if (typeof node === 'number') return String(node);
        if (typeof node === 'string') return Number(node);
        if (typeof node === 'boolean') return node ? 1 : 0;
        if (node === null) return 'null';
        if (Array.isArray(node)) return node.length;
        try {
          return JSON.stringify(node) ?? 'undefined';
        } catch {
          return '[not JSON: too deep, or a BigInt]';
        }
      });
    case 'injectText':
      return updateAt(root, path, (node) => {
        const text = String(node);
        const at = mutation.at % (text.length + 1);
        return text.slice(0, at) + mutation.insert + text.slice(at);
      });
    case 'repeat':
      return updateAt(root, path, (node) => {
        const items = node as unknown[];
        const item = items[0] ?? null;
        return Array.from({ length: mutation.count }, (_, index) => items[index % Math.max(1, items.length)] ?? item);
      });
    case 'ownProtoKey':
      return updateAt(root, path, (node) => withOwnKeyFromJson(node as Record<string, unknown>, mutation.key, POLLUTION_PAYLOADS[mutation.payload]));
  }
}

/** A valid report and the mutations to apply to it. */
export interface MutatedCase {
  /** The valid starting point. */
  readonly base: Report;
  /** Changes, applied in order. */
  readonly mutations: readonly Mutation[];
}

/**
 * Valid reports with one to three mutations each.
 *
 * @param options Options of the valid reports.
 * @returns An arbitrary of {@link MutatedCase}s; build the input with {@link materializeMutated}.
 */
export function mutatedCaseArb(options: ValidReportOptions = {}): fc.Arbitrary<MutatedCase> {
  return fc.record({ base: validReportArb(options), mutations: fc.array(mutationArb, { minLength: 1, maxLength: 3 }) });
}

/**
 * Builds the input of a {@link MutatedCase}.
 *
 * @param mutated The case.
 * @returns The mutated report.
 */
export function materializeMutated(mutated: MutatedCase): unknown {
  return mutated.mutations.reduce<unknown>((root, mutation) => applyMutation(root, mutation), mutated.base);
}

// ---------------------------------------------------------------------------------------------
// JSON text mutations (own `__proto__` keys, duplicate keys, deep brackets)
// ---------------------------------------------------------------------------------------------

/** Pieces of JSON text inserted right after an opening brace of an object. */
export const JSON_MEMBER_INSERTS: readonly string[] = Object.freeze([
  `"__proto__":{"${POLLUTION_MARKER}":"yes"}`,
  `"__proto__":{"__proto__":{"${POLLUTION_MARKER}":"yes"}}`,
  `"constructor":{"prototype":{"${POLLUTION_MARKER}":"yes"}}`,
  `"prototype":{"${POLLUTION_MARKER}":"yes"}`,
  `"__proto__":[]`,
  `"__proto__":null`,
  `"__proto__":"${POLLUTION_MARKER}"`,
  `"heading":"x","heading":5`,
  `"values":[1e999,-1e999,-0,1e-400]`,
  `"text":"\\u0000\\u200b\\ufeff\\u202e\\ud800\\udfff"`,
  `"x":${'['.repeat(10_000)}${']'.repeat(10_000)}`,
  `"x":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
]);

/** A JSON text mutation: which structural `{` and what to insert after it. */
export interface JsonTextCase {
  /** The valid starting point (serialised with JSON.stringify). */
  readonly base: Report;
  /** Which opening brace (`brace % count`). */
  readonly brace: number;
  /** Index into {@link JSON_MEMBER_INSERTS}. */
  readonly insert: number;
}

/** Arbitrary of {@link JsonTextCase}s. */
export const jsonTextCaseArb: fc.Arbitrary<JsonTextCase> = fc.record({
  base: validReportArb({ binaryImages: false }),
  brace: fc.nat(),
  insert: fc.nat({ max: JSON_MEMBER_INSERTS.length - 1 }),
});

/**
 * Offsets of the `{` characters of a JSON text that open objects (not those inside strings).
 *
 * @param text JSON text.
 * @returns The offsets.
 */
export function structuralBraces(text: string): number[] {
  const offsets: number[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') offsets.push(i);
  }
  return offsets;
}

/**
 * Builds the JSON text of a {@link JsonTextCase}.
 *
 * @param jsonCase The case.
 * @returns JSON text that `JSON.parse` accepts.
 */
export function materializeJsonText(jsonCase: JsonTextCase): string {
  const text = JSON.stringify(jsonCase.base);
  const braces = structuralBraces(text);
  const at = braces[jsonCase.brace % braces.length]!;
  const member = JSON_MEMBER_INSERTS[jsonCase.insert]!;
  const separator = text[at + 1] === '}' ? '' : ',';
  return `${text.slice(0, at + 1)}${member}${separator}${text.slice(at + 1)}`;
}

// ---------------------------------------------------------------------------------------------
// Random input without a valid starting point
// ---------------------------------------------------------------------------------------------

const anyValue = exoticValue(3);

// Deep values stay shallow here: they are materialised inside the generated value, and fast-check
// prints a failing value recursively.
const loose = fc.oneof(
  { weight: 3, arbitrary: anyValue },
  { weight: 2, arbitrary: hostileValueArb.map((value) => materializeValue(value.kind === 'deep' ? { ...value, depth: Math.min(value.depth, 50) } : value)) },
);

/**
 * Random input: anything at all, and objects shaped like a report (the right keys) with random
 * values at every level, so that checks deep in the schema are reached too.
 */
export const randomInputArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 2, arbitrary: anyValue },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  {
    weight: 4,
    arbitrary: fc.record(
      {
        meta: fc.oneof(loose, fc.record({ title: loose, issuer: loose, year: loose, date: loose }, { requiredKeys: [] })),
        sections: fc.oneof(
          loose,
          fc.array(
            fc.oneof(
              loose,
              fc.record(
                {
                  heading: loose,
                  number: loose,
                  content: fc.oneof(
                    loose,
                    fc.array(
                      fc.oneof(
                        loose,
                        fc.record({ lead: loose, text: loose }, { requiredKeys: [] }),
                        fc.record({ table: fc.oneof(loose, fc.record({ columns: loose, rows: fc.oneof(loose, fc.array(fc.record({ label: loose, values: loose, children: loose }, { requiredKeys: [] }))) }, { requiredKeys: [] })) }),
                        fc.record({ image: fc.oneof(loose, fc.record({ data: loose, src: loose, width: loose }, { requiredKeys: [] })) }),
                        fc.record({ form: loose, data: loose }, { requiredKeys: [] }),
                      ),
                      { maxLength: 4 },
                    ),
                  ),
                },
                { requiredKeys: [] },
              ),
            ),
            { maxLength: 4 },
          ),
        ),
        intro: loose,
        attachments: loose,
        signature: loose,
        draft: loose,
        form: loose,
      },
      { requiredKeys: [] },
    ),
  },
);

// ---------------------------------------------------------------------------------------------
// Limits
// ---------------------------------------------------------------------------------------------

/**
 * A limit that the schema checks on a report value: not `maxInputBytes` (about JSON text) nor the
 * image limits checked when images are decoded (`maxImagePixels`, `maxTotalImageBytes`, `maxTotalImagePixels`).
 */
export type StructuralLimit = Exclude<keyof InputLimits, 'maxInputBytes' | 'maxImagePixels' | 'maxTotalImageBytes' | 'maxTotalImagePixels'>;

/** Every structural limit, in the order of {@link InputLimits}. */
export const STRUCTURAL_LIMITS: readonly StructuralLimit[] = Object.freeze([
  'maxSections',
  'maxBlocks',
  'maxSectionDepth',
  'maxAttachments',
  'maxTableRows',
  'maxTableColumns',
  'maxHeaderDepth',
  'maxCellTextLength',
  'maxParagraphLength',
  'maxImageBytes',
  'maxTotalCells',
  'maxTotalTextLength',
  'maxTotalBlocks',
]);

/**
 * Small limits, so that limit checks are reached with small inputs. A fixed pool (rather than a
 * new object per run) keeps `validateReport`'s per-limits schema cache warm.
 */
export const SMALL_LIMITS_POOL: readonly InputLimits[] = Object.freeze([
  Object.freeze({ ...DEFAULT_LIMITS, maxSections: 2, maxBlocks: 3, maxSectionDepth: 2, maxAttachments: 1, maxTableRows: 3, maxTableColumns: 3, maxHeaderDepth: 2, maxCellTextLength: 4, maxParagraphLength: 20, maxImageBytes: 16, maxTotalCells: 20, maxTotalTextLength: 150, maxTotalBlocks: 15 }),
  Object.freeze({ ...DEFAULT_LIMITS, maxSections: 1, maxBlocks: 1, maxSectionDepth: 1, maxAttachments: 0, maxTableRows: 1, maxTableColumns: 1, maxHeaderDepth: 1, maxCellTextLength: 1, maxParagraphLength: 1, maxImageBytes: 1, maxTotalCells: 1, maxTotalTextLength: 10, maxTotalBlocks: 3 }),
  Object.freeze({ ...DEFAULT_LIMITS, maxSections: 5, maxBlocks: 5, maxSectionDepth: 3, maxAttachments: 2, maxTableRows: 10, maxTableColumns: 6, maxHeaderDepth: 3, maxCellTextLength: 10, maxParagraphLength: 60, maxImageBytes: 100, maxTotalCells: 200, maxTotalTextLength: 1_000, maxTotalBlocks: 40 }),
]);

/** One report that exceeds one limit by exactly one. */
export interface LimitBreachCase {
  /** Which limit is exceeded. */
  readonly limit: StructuralLimit;
  /** Index into {@link SMALL_LIMITS_POOL}, or -1 for {@link DEFAULT_LIMITS}. */
  readonly limits: number;
}

/** Arbitrary of {@link LimitBreachCase}s; the cheap default limits are tried too. */
export const limitBreachCaseArb: fc.Arbitrary<LimitBreachCase> = fc.record({
  limit: fc.constantFrom(...STRUCTURAL_LIMITS),
  limits: fc.integer({ min: -1, max: SMALL_LIMITS_POOL.length - 1 }),
});

/**
 * The limits object of a {@link LimitBreachCase}.
 *
 * @param breach The case.
 * @returns The limits to validate with.
 */
export function limitsOf(breach: LimitBreachCase): InputLimits {
  return breach.limits < 0 ? DEFAULT_LIMITS : SMALL_LIMITS_POOL[breach.limits]!;
}

/**
 * The path at which a report built by {@link exceedLimit} exceeds the limit (relative to the root).
 * Text limits point at the text itself; depth limits point somewhere inside the nesting.
 */
export const BREACH_PATHS: Readonly<Record<StructuralLimit, Path>> = Object.freeze({
  maxSections: ['sections'],
  maxBlocks: ['sections', 0, 'content'],
  maxSectionDepth: ['sections', 0],
  maxAttachments: ['attachments'],
  maxTableRows: ['sections', 0, 'content', 0, 'table'],
  maxTableColumns: ['sections', 0, 'content', 0, 'table', 'columns'],
  maxHeaderDepth: ['sections', 0, 'content', 0, 'table', 'columns', 0],
  maxCellTextLength: ['sections', 0, 'content', 0, 'table', 'rows', 0, 'values', 0],
  maxParagraphLength: ['sections', 0, 'content', 0],
  maxImageBytes: ['sections', 0, 'content', 0, 'image', 'data'],
  maxTotalCells: ['sections'],
  maxTotalTextLength: ['sections'],
  maxTotalBlocks: ['sections'],
});

/**
 * Changes a valid report so that it exceeds exactly one limit by one (one section, block,
 * level, attachment, row, column, header level, character or byte too many), keeping
 * everything else valid under those limits where it can.
 *
 * @param limit The limit to exceed.
 * @param limits The limits in force.
 * @param binary For `maxImageBytes`: give the image as bytes (else as base64 text).
 * @returns The report.
 */
export function exceedLimit(limit: StructuralLimit, limits: InputLimits, binary = false): Record<string, unknown> {
  // Single characters everywhere, so that only the limit under test is exceeded, even with tiny limits.
  const meta = { title: '报告', issuer: '某局', year: 2020 };
  const report = (sections: unknown[], extra: Record<string, unknown> = {}) => ({ meta, sections, ...extra });
  const one = (content: unknown[]) => report([{ heading: '一', content }]);
  const table = (spec: Record<string, unknown>) => one([{ table: spec }]);
  switch (limit) {
    case 'maxSections':
      return report(Array.from({ length: limits.maxSections + 1 }, (_, i) => ({ heading: '节', number: `${i + 1}、` })));
    case 'maxBlocks':
      return one(Array.from({ length: limits.maxBlocks + 1 }, () => '段'));
    case 'maxSectionDepth':
      return report([buildDeep('section', limits.maxSectionDepth)]);
    case 'maxAttachments':
      return report([], { attachments: Array.from({ length: limits.maxAttachments + 1 }, (_, i) => ({ label: `附件${i + 1}`, content: [] })) });
    case 'maxTableRows':
      return table({ columns: ['数'], rows: Array.from({ length: limits.maxTableRows + 1 }, () => ({ values: [1] })) });
    case 'maxTableColumns': {
      const count = limits.maxTableColumns + 1;
      return table({ columns: Array.from({ length: count }, () => '列'), rows: [{ values: Array.from({ length: count }, () => 0) }] });
    }
    case 'maxHeaderDepth':
      return table({ columns: [buildDeep('header', limits.maxHeaderDepth)], rows: [{ values: [1] }] });
    case 'maxCellTextLength':
      return table({ columns: ['列'], rows: [{ values: ['字'.repeat(limits.maxCellTextLength + 1)] }] });
    case 'maxParagraphLength':
      return one(['字'.repeat(limits.maxParagraphLength + 1)]);
    case 'maxImageBytes': {
      const bytes = new Uint8Array(limits.maxImageBytes + 1);
      return one([{ image: { data: binary ? bytes : 'A'.repeat(Math.ceil((limits.maxImageBytes * 4) / 3) + 65) } }]);
    }
    case 'maxTotalCells':
      // One-column tables of at most maxTableRows rows, no text: only the cell total grows.
      return report(spread(limits.maxTotalCells + 1, Math.max(1, limits.maxTableRows), limits).map((content) => ({
        heading: '一',
        content: content.map((rows) => ({ table: { columns: ['数'], rows: Array.from({ length: rows }, () => ({ values: [1] })) } })),
      })));
    case 'maxTotalTextLength': {
      // The title, issuer and first heading hold 5 characters; paragraphs of at most maxParagraphLength
      // make up the rest (exact when they fit in one section, as with the default limits).
      const sections = spread(Math.max(0, limits.maxTotalTextLength + 1 - 5), Math.max(1, limits.maxParagraphLength), limits);
      return report(sections.map((content) => ({ heading: '一', content: content.map((length) => '字'.repeat(length)) })));
    }
    case 'maxTotalBlocks': {
      // Every section is a block and so is each of its one-character paragraphs.
      const target = limits.maxTotalBlocks + 1;
      const perSection = Math.max(1, limits.maxBlocks) + 1;
      const sections = Array.from({ length: Math.ceil(target / perSection) }, (_, index) => Math.min(perSection, target - index * perSection));
      return report(sections.map((blocks) => ({ heading: '一', content: Array.from({ length: blocks - 1 }, () => '段') })));
    }
  }
}

/** Splits `total` into blocks of at most `each`, grouped into sections of at most maxBlocks blocks. */
function spread(total: number, each: number, limits: InputLimits): number[][] {
  const blocks = Array.from({ length: Math.ceil(total / each) }, (_, index) => Math.min(each, total - index * each));
  const perSection = Math.max(1, limits.maxBlocks);
  return Array.from({ length: Math.max(1, Math.ceil(blocks.length / perSection)) }, (_, index) => blocks.slice(index * perSection, (index + 1) * perSection));
}

/**
 * Materialises a {@link LimitBreachCase}.
 *
 * @param breach The case.
 * @returns The input and the limits to validate it with.
 */
export function materializeBreach(breach: LimitBreachCase): { input: Record<string, unknown>; limits: InputLimits } {
  const limits = limitsOf(breach);
  return { input: exceedLimit(breach.limit, limits), limits };
}
