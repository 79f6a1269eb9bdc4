import { fileSize } from '../file-size';

/**
 * Why an attachment of an incoming message is not kept (the department's per-file limit), in words
 * an agent reads on the thread; null when it is kept.
 */
export function attachmentRefusal(file: { filename: string; size: number }, maxBytes: number): string | null {
  if (file.size <= maxBytes) return null;
  return `Attachment ${file.filename} (${fileSize(file.size)}) was not kept: the department accepts at most ${fileSize(maxBytes)} per file.`;
}
