import { describe, expect, it } from 'vitest';
import { parseArgs, siteOf } from '../../../scripts/parse';

describe('parse CLI arguments (in-process)', () => {
  it('accepts --url before or after the file, and --debug', () => {
    expect(parseArgs(['--url', 'https://www.linkedin.com/in/x', 'a.html'])).toEqual({ url: 'https://www.linkedin.com/in/x', file: 'a.html', debug: false });
    expect(parseArgs(['a.html', '--url=https://x.example/', '--debug'])).toEqual({ url: 'https://x.example/', file: 'a.html', debug: true });
  });

  it('rejects missing, extra or malformed arguments with a message', () => {
    for (const args of [[], ['a.html'], ['--url'], ['--url', 'nope', 'a.html'], ['--url', 'ftp://x/', 'a.html'], ['--url', 'https://x.example/', 'a.html', 'b.html'], ['--bogus']]) {
      expect(typeof parseArgs(args), args.join(' ')).toBe('string');
    }
  });

  it('picks the site from the URL host', () => {
    expect(siteOf('https://se.linkedin.com/in/x')).toBe('linkedin');
    expect(siteOf('https://mail.google.com/mail/u/0/')).toBe('gmail');
    expect(siteOf('https://acme.example/')).toBe('website');
  });
});
