import { describe, expect, it } from 'vitest';
import { ContentEnvelope } from './protocol';
import { readContentMessage } from './content-channel';

describe('readContentMessage', () => {
  it.each([
    [{ type: 'sidebar.toggle', payload: {} }],
    [{ type: 'sidebar.set-open', payload: { open: false } }],
    [{ type: 'sidebar.set-open', payload: { open: true } }],
  ])('accepts %j, exactly as the zod schema does', (message) => {
    expect(readContentMessage(message)).toEqual(message);
    expect(ContentEnvelope.parse(message)).toEqual(message);
  });

  it.each([
    [null], ['sidebar.toggle'], [{ type: 'sidebar.toggle' }], [{ type: 'sidebar.toggle', payload: { x: 1 } }],
    [{ type: 'sidebar.set-open', payload: { open: 'yes' } }], [{ type: 'sidebar.set-open', payload: {} }],
    [{ type: 'sidebar.set-open', payload: { open: true, extra: 1 } }], [{ type: 'page.report', payload: {} }],
    [{ type: 'sidebar.toggle', payload: [] }],
  ])('ignores %j', (message) => {
    expect(readContentMessage(message)).toBeNull();
  });
});
