/** Hands a downloaded file to the browser as if it came from a link. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  // Revoked after the click has been handled, so the download can still start.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
