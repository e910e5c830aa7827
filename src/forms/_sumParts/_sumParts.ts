/** One part of a sum as shown in a message: its short name and its count (`null` for a blank). */
export interface SumPart {
  /** Short name of the row or column, e.g. `（一）` or `自然人`. */
  readonly name: string;
  /** The count, or `null` for a blank (counted as 0). */
  readonly value: number | null;
}

/** A sum written out for a message, in both languages, and its value. */
export interface WrittenSum {
  /** `（一）5 + （二）空白（其余 17 项为 0）`. */
  readonly zh: string;
  /** `（一）5 + （二）blank (the other 17 parts are 0)`. */
  readonly en: string;
  /** The sum, blanks counted as 0. */
  readonly sum: number;
}

/**
 * Writes out how a sum was computed: `（一）5 + （二）3 + …`. Long sums (more than six parts) list
 * only the parts that are not 0 and say how many others are 0; blanks are always listed.
 *
 * @internal
 * @param parts The parts in order.
 * @returns The written sum and its value.
 */
export function _sumParts(parts: readonly SumPart[]): WrittenSum {
  let sum = 0;
  let zeros = 0;
  const zh: string[] = [];
  const en: string[] = [];
  for (const { name, value } of parts) {
    sum += value ?? 0;
    if (value === 0 && parts.length > 6) zeros += 1;
    else {
      zh.push(`${name}${value ?? '空白'}`);
      en.push(`${name}${value ?? 'blank'}`);
    }
  }
  if (zeros === 0) return { zh: zh.join(' + '), en: en.join(' + '), sum };
  if (zh.length === 0) return { zh: `${sum}（${zeros} 项均为 0）`, en: `${sum} (all ${zeros} parts are 0)`, sum };
  return { zh: `${zh.join(' + ')}（其余 ${zeros} 项为 0）`, en: `${en.join(' + ')} (the other ${zeros} parts are 0)`, sum };
}
