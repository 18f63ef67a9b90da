const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The bytes of a file the user picked (FileReader where `Blob.arrayBuffer` is missing, e.g. older WebViews). */
export function readFileBytes(file: Blob): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('readFileBytes: the file could not be read'));
    reader.readAsArrayBuffer(file);
  });
}

/**
 * Offers bytes as a download through a temporary `blob:` link (no server involved: the workbook never leaves
 * the computer). The URL is released a minute later, once the browser has taken the file.
 */
export function saveWithLink(name: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: XLSX_MIME }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Resolves after the browser had a chance to paint (a progress bar shown before synchronous work). */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
