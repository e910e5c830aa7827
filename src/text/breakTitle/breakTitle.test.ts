import { describe, expect, test } from 'vitest';
import { createFixedMeasurer } from '../measure/measure.ts';
import { breakTitle, type TitleShape } from './breakTitle.ts';

const measurer = createFixedMeasurer();
const SIZE = 22;
const title = (text: string, chars: number, shape: TitleShape = 'trapezoid') =>
  breakTitle([{ text, face: 'title', size: SIZE }], measurer, { width: chars * SIZE, shape }).map((line) => line.spans.map((span) => span.text).join(''));

describe('breakTitle', () => {
  test('breaks after the year and before 政府信息公开, not inside 政府信息公开 (…2023年政府 / 信息公开… is what greedy filling gives)', () => {
    expect(title('某某市某某区人民政府办公室2023年政府信息公开工作年度报告', 15)).toEqual(['某某市某某区人民政府办公室', '2023年政府信息公开工作年度报告']);
    expect(title('某某区水务局2020年政府信息公开工作年度报告', 15)).toEqual(['某某区水务局2020年', '政府信息公开工作年度报告']);
    expect(title('某某区水务局2020年度政府信息公开工作年度报告', 13)).toEqual(['某某区水务局2020年度', '政府信息公开工作年度报告']);
  });

  test('a title that fits stays on one line', () => {
    expect(title('某某区水务局2020年政府信息公开工作年度报告', 40)).toEqual(['某某区水务局2020年政府信息公开工作年度报告']);
  });

  test('never breaks inside a word of the dictionary segmentation when a break between words fits', () => {
    const lines = title('国家税务总局某某市税务局2022年政府信息公开工作年度报告', 16);
    expect(lines).toEqual(['国家税务总局某某市税务局2022年', '政府信息公开工作年度报告']);
  });

  test('block fills every line but the last; trapezoid balances', () => {
    const text = '某某省某某市人民政府办公厅关于印发2023年度政府信息公开工作要点的通知';
    const block = title(text, 15, 'block');
    const trapezoid = title(text, 15, 'trapezoid');
    expect(block.join('')).toBe(text);
    expect(trapezoid.join('')).toBe(text);
    const spread = (lines: string[]) => Math.max(...lines.map((l) => l.length)) - Math.min(...lines.map((l) => l.length));
    expect(spread(trapezoid)).toBeLessThanOrEqual(spread(block));
    expect(block[0]!.length).toBeGreaterThanOrEqual(trapezoid[0]!.length);
  });

  test('diamond puts the longest line in the middle of three', () => {
    const lines = title('某某省某某市某某县人民政府办公室关于2023年度政府信息公开工作年度报告的说明', 16, 'diamond');
    expect(lines).toHaveLength(3);
    expect(lines[1]!.length).toBeGreaterThanOrEqual(lines[0]!.length);
    expect(lines[1]!.length).toBeGreaterThanOrEqual(lines[2]!.length);
  });

  test('a line feed always breaks there', () => {
    expect(title('某某区水务局\n2020年政府信息公开工作年度报告', 40)).toEqual(['某某区水务局', '2020年政府信息公开工作年度报告']);
  });

  test('a hostile 3,000-character title falls back to the greedy word-aware breaker (the search is bounded)', () => {
    const lines = title('政'.repeat(3000), 15);
    expect(lines.join('')).toBe('政'.repeat(3000));
    expect(lines.every((line) => line.length <= 15)).toBe(true);
  });
});
