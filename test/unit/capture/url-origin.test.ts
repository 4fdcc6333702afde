/** originOf remembers origins by scheme + authority: it must answer exactly as `new URL()` does. */
import { describe, expect, it } from 'vitest';
import { originOf } from '../../../src/capture/url-origin';

function byUrlParser(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'null';
  }
}

const urls = [
  'https://api.example.com/v1/items/1?page=2',
  'https://api.example.com?x=1',
  'https://api.example.com#top',
  'https://api.example.com',
  'https://API.Example.COM:443/x',
  'http://api.example.com:80/x',
  'http://api.example.com:8080/x',
  'https://api.example.com:/x',
  'https://api.example.com:0443/x',
  'https://api.example.com:99999/x',
  'https://user:pass@api.example.com/x',
  'https://api.example.com@evil.example/x',
  'https://api.example.com\\evil.example/x',
  'https:///api.example.com/x',
  'https://\\api.example.com/x',
  'https://\t/api.example.com/x',
  'https://api.exa\tmple.com/x',
  'https://api.exa\nmple.com/x',
  'https://api.example.com /x',
  'https://api example.com/x',
  'https://0x7f.1/x',
  'http://1.2.3/x',
  'http://[::1]:8080/x',
  'http://[::1/x',
  'https://xn--nxasmq6b.com/x',
  'https://xn--a.com/x',
  'https://ex%41mple.com/x',
  'https://%zz/x',
  'https://bücher.example/x',
  'https://a..b/x',
  'https://a.b./x',
  'https:///',
  'https://',
  'http://localhost:3000/x',
  'HTTPS://api.example.com/x',
  'ftp://files.example.com/x',
  'data:text/plain,hi',
  'not a url',
  '',
];

describe('originOf', () => {
  it.each(urls.map((url) => [JSON.stringify(url), url] as const))('%s: as new URL() says, the first time and when remembered', (_name, url) => {
    expect(originOf(url)).toBe(byUrlParser(url));
    expect(originOf(url)).toBe(byUrlParser(url));
  });

  it('stays exact past the number of authorities it remembers', () => {
    for (let i = 0; i < 600; i += 1) {
      const url = `https://host-${i % 300}.example:${8000 + (i % 7)}/p/${i}`;
      expect(originOf(url)).toBe(byUrlParser(url));
    }
  });
});
