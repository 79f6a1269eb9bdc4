import { describe, expect, it } from 'vitest';
import { excerpt } from '../../../components/shared/timeline-text';

describe('timeline excerpts', () => {
  it('keeps short text whole, with its whitespace collapsed', () => {
    expect(excerpt('Hello,\n\n  the invoice\tis missing.')).toBe('Hello, the invoice is missing.');
  });

  it('cuts long text at a word boundary and marks the cut', () => {
    const text = `${'word '.repeat(50)}end`;
    const cut = excerpt(text, 32);
    expect(cut.endsWith('word…')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(33);
  });

  it('cuts text without spaces (Japanese) at the limit', () => {
    expect(excerpt('あ'.repeat(200), 10)).toBe(`${'あ'.repeat(10)}…`);
  });

  it('leaves markup as inert text: the caller shows it with text interpolation only', () => {
    expect(excerpt('<img src=x onerror=alert(1)> hi')).toBe('<img src=x onerror=alert(1)> hi');
  });
});
