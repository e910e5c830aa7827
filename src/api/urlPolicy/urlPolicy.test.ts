import { describe, expect, it } from 'vitest';
import { checkUrl } from './urlPolicy.ts';

const prefixes = ['http://host/ok', 'https://cdn.example.gov.cn/img/'];

describe('checkUrl judges the URL fetch will request, not the raw text', () => {
  it.each([
    ['http://host/ok/a.png', 'http://host/ok/a.png'],
    ['http://host/ok', 'http://host/ok'],
    ['http://HOST:80/ok/./b/../a.png', 'http://host/ok/a.png'],
    ['https://cdn.example.gov.cn/img/x/y.jpg?v=2', 'https://cdn.example.gov.cn/img/x/y.jpg?v=2'],
    ['http://host/ok/%252e%252e/x', 'http://host/ok/%252e%252e/x'],
    // WHATWG URL drops tabs and line feeds: judged (and fetched) without them.
    ['http://host/o\tk/a.png', 'http://host/ok/a.png'],
  ])('allows %s (fetched as %s)', (src, fetched) => {
    const result = checkUrl(src, prefixes);
    expect(result.ok && result.url.href).toBe(fetched);
  });

  it.each([
    ['http://host/ok/../secret', 'outside_prefixes'],
    ['http://host/ok/%2e%2e/x', 'outside_prefixes'],
    ['http://host/ok/.%2E/x', 'outside_prefixes'],
    ['http://host/ok\\..\\x', 'backslash'],
    ['http://host/ok/..%2fx', 'encoded_separator'],
    ['http://host/ok/..%5cx', 'encoded_separator'],
    ['http://host/ok%2f..%2fsecret', 'encoded_separator'],
    ['http://host/ok/%00', 'encoded_separator'],
    ['http://host/okay.png', 'outside_prefixes'],
    ['http://host/ok@evil.example/ok/a.png', 'outside_prefixes'],
    ['http://user:pw@host/ok/a.png', 'outside_prefixes'],
    ['http://host:8080/ok/a.png', 'outside_prefixes'],
    ['https://host/ok/a.png', 'outside_prefixes'],
    ['https://cdn.example.gov.cn/image.png', 'outside_prefixes'],
    ['http://host/ok/%zz', 'encoded_separator'],
    ['file:///etc/passwd', 'not_http'],
    ['data:image/png;base64,AAAA', 'not_http'],
    ['http://', 'unparsable'],
  ])('refuses %s (%s)', (src, reason) => {
    expect(checkUrl(src, prefixes)).toEqual({ ok: false, reason });
  });

  it('a prefix ending in a slash matches whole segments below it; an unparsable prefix matches nothing', () => {
    expect(checkUrl('https://cdn.example.gov.cn/img', prefixes).ok).toBe(true);
    expect(checkUrl('https://cdn.example.gov.cn/imgx/a.png', prefixes).ok).toBe(false);
    expect(checkUrl('http://host/a.png', ['not a url']).ok).toBe(false);
    expect(checkUrl('http://host/a.png', ['http://host/']).ok).toBe(true);
  });
});
