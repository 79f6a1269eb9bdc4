import { describe, expect, it } from 'vitest';
import { attachmentRefusal } from '../../../core/mail/attachment-limit';

const MB = 1024 * 1024;

describe('attachmentRefusal: the per-department size limit of ingested attachments', () => {
  it('keeps a file at the limit, refuses one above it with a sentence for the thread', () => {
    expect(attachmentRefusal({ filename: 'a.pdf', size: 10 * MB }, 10 * MB)).toBeNull();
    expect(attachmentRefusal({ filename: 'report.pdf', size: 23 * MB }, 10 * MB)).toBe(
      'Attachment report.pdf (23 MB) was not kept: the department accepts at most 10 MB per file.',
    );
  });
});
