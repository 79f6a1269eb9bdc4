/** Sizes as people read them: "512 KB", "23 MB" (binary units, whole numbers). */
export function readableSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/**
 * Why an attachment of an incoming message is not kept (the department's per-file limit), in words
 * an agent reads on the thread; null when it is kept.
 */
export function attachmentRefusal(file: { filename: string; size: number }, maxBytes: number): string | null {
  if (file.size <= maxBytes) return null;
  return `Attachment ${file.filename} (${readableSize(file.size)}) was not kept: the department accepts at most ${readableSize(maxBytes)} per file.`;
}
