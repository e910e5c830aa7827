// The one median of the bench scripts, so that every figure and every ratio is the same statistic.

/**
 * The median of the values that are numbers: the middle one, or the mean of the middle two for an
 * even count.
 *
 * @param {readonly (number | null | undefined)[]} values
 * @returns {number | null} `null` when there are no values.
 */
export function median(values) {
  const inOrder = values.filter((value) => value !== null && value !== undefined).sort((a, b) => a - b);
  if (inOrder.length === 0) return null;
  const middle = inOrder.length >> 1;
  return inOrder.length % 2 === 1 ? inOrder[middle] : (inOrder[middle - 1] + inOrder[middle]) / 2;
}
