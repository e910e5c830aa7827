/** The outcome of {@link checkUrl}: the URL to fetch (normalised), or why it is refused. */
export type UrlCheck = { readonly ok: true; readonly url: URL } | { readonly ok: false; readonly reason: UrlRefusal };

/** Why a URL is refused. */
export type UrlRefusal = 'not_http' | 'unparsable' | 'backslash' | 'encoded_separator' | 'outside_prefixes';

/**
 * Decides whether an image URL may be fetched, on the URL as `fetch` will see it, never on the
 * raw text: the text must not hold a backslash (WHATWG URL turns it into `/` for http), it is
 * parsed and normalised by WHATWG URL (`..`, `.`, `%2e%2e` resolved), no path segment may decode
 * to a separator or a dot segment (`..%2f`, `%5c`), and then it must have the origin (scheme,
 * host, port, credentials) of an allowed prefix and start with that prefix's path segments —
 * whole segments: `https://cdn/ok` allows `https://cdn/ok/a.png`, not `https://cdn/okay.png`.
 * Queries and fragments of a prefix are ignored. Only http and https are ever fetched.
 *
 * @param src The URL as written in the report (or a redirect's target, resolved).
 * @param prefixes The allowed URL prefixes.
 * @returns The normalised URL to fetch, or the reason for refusing it.
 */
export function checkUrl(src: string, prefixes: readonly string[]): UrlCheck {
  if (src.includes('\\')) return { ok: false, reason: 'backslash' };
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return { ok: false, reason: 'unparsable' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'not_http' };
  const segments = decodedSegments(url.pathname);
  if (segments === undefined) return { ok: false, reason: 'encoded_separator' };
  for (const text of prefixes) {
    let prefix: URL;
    try {
      prefix = new URL(text);
    } catch {
      continue;
    }
    if (prefix.protocol !== url.protocol || prefix.host !== url.host || prefix.username !== url.username || prefix.password !== url.password) continue;
    const wanted = decodedSegments(prefix.pathname);
    if (wanted === undefined) continue;
    // A trailing slash ends the prefix's last segment; it does not add an empty one to match.
    if (wanted.at(-1) === '') wanted.pop();
    if (wanted.length <= segments.length && wanted.every((segment, index) => segments[index] === segment)) return { ok: true, url };
  }
  return { ok: false, reason: 'outside_prefixes' };
}

/** The path's segments, percent-decoded; undefined when one decodes to a separator, a dot segment or NUL, or does not decode. */
function decodedSegments(pathname: string): string[] | undefined {
  const segments: string[] = [];
  for (const raw of pathname.split('/').slice(1)) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment === '.' || segment === '..' || /[/\\\0]/u.test(segment)) return undefined;
    segments.push(segment);
  }
  return segments;
}
