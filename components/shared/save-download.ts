/**
 * Saves bytes as a file through an `<a download>`: the tab's own downloads flow, no extra
 * permission. The Blob is typed octet-stream so the browser saves rather than renders it.
 */
export function saveDownload(filename: string, bytes: Uint8Array<ArrayBuffer>): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The click starts the download synchronously; free the URL once it has been handed over.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
