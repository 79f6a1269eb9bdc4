import { describe, expect, it } from 'vitest';
import { fileSize } from '../../core/file-size';

describe('fileSize', () => {
  it('shows bytes below a kilobyte', () => {
    expect(fileSize(0)).toBe('0 B');
    expect(fileSize(1023)).toBe('1023 B');
  });

  it('keeps one decimal below 10 of a unit, whole numbers above', () => {
    expect(fileSize(1024)).toBe('1 KB');
    expect(fileSize(1536)).toBe('1.5 KB');
    expect(fileSize(512 * 1024)).toBe('512 KB');
    expect(fileSize(2.25 * 1024 * 1024)).toBe('2.3 MB');
    expect(fileSize(23 * 1024 * 1024)).toBe('23 MB');
  });

  it('moves to the next unit at 1024, up to gigabytes', () => {
    expect(fileSize(1024 * 1024)).toBe('1 MB');
    expect(fileSize(3 * 1024 ** 3)).toBe('3 GB');
    expect(fileSize(5000 * 1024 ** 3)).toBe('5000 GB');
  });
});
