const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * Writes a positive integer below 1000 in Chinese numerals as section numbers use them:
 * 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五.
 *
 * @param value An integer from 1 to 999.
 * @returns The numeral.
 */
export function chineseNumber(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 999) return String(value);
  const hundreds = Math.floor(value / 100);
  const tens = Math.floor((value % 100) / 10);
  const ones = value % 10;
  let text = hundreds > 0 ? `${DIGITS[hundreds]}百` : '';
  if (tens > 0) text += `${hundreds === 0 && tens === 1 ? '' : DIGITS[tens]}十`;
  else if (hundreds > 0 && ones > 0) text += '零';
  if (ones > 0) text += DIGITS[ones];
  return text;
}
