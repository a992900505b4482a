import { describe, expect, it } from 'vitest';
import { classifySender } from './senders';

const EXT = 'abc';
describe('classifySender', () => {
  it.each([
    [{ id: EXT, url: 'chrome-extension://abc/options.html' }, 'extension-page'],
    [{ id: EXT, url: 'moz-extension://9b2c/sidepanel.html' }, 'extension-page'],
    [{ id: EXT, url: 'https://mail.google.com/mail/u/0/#inbox' }, 'gmail-content'],
    [{ id: EXT, url: 'https://www.linkedin.com/in/x' }, 'linkedin-content'],
    [{ id: EXT, url: 'https://se.linkedin.com/in/x' }, 'linkedin-content'],
    [{ id: EXT, url: 'https://linkedin.com.evil.example/in/x' }, 'website-content'],
    [{ id: EXT, url: 'https://notlinkedin.com/' }, 'website-content'],
    [{ id: EXT, url: 'https://acme.example/' }, 'website-content'],
    [{ id: 'other', url: 'https://mail.google.com/' }, null],
    [{ id: EXT, url: 'http://acme.example/' }, null],
    [{ id: EXT }, null],
  ])('%j → %s', (sender, kind) => {
    expect(classifySender(sender, EXT)).toBe(kind);
  });
});
