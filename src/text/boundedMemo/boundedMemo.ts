/**
 * A function whose results are remembered per key, at most `limit` keys at a time: past the
 * limit the memory starts afresh. The per-process caches of text metrics and line breaking use
 * it, so that a long-lived service keeps a bounded memory whatever it is sent.
 *
 * @param limit Most keys held at once.
 * @param compute The function remembered; called once per key while the key is held.
 * @returns The remembering function.
 */
export function boundedMemo<K, V>(limit: number, compute: (key: K) => V): (key: K) => V {
  const held = new Map<K, V>();
  return (key) => {
    const known = held.get(key);
    if (known !== undefined || held.has(key)) return known as V;
    const value = compute(key);
    if (held.size >= limit) held.clear();
    held.set(key, value);
    return value;
  };
}
