/** Browser file plumbing shared by both shells: reading picked files and saving downloads. */

/** A picked file as it is, for an upload (sent as the request body in browser mode, as bytes over IPC). */
export async function readAsBytes(file: File): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await file.arrayBuffer());
}

/** A file the core sent as bytes (an export), saved as a download. */
export function downloadBytes(fileName: string, bytes: Uint8Array, type: string): void {
  downloadBlob(fileName, new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
}

export function downloadText(fileName: string, content: string, type = 'text/csv;charset=utf-8'): void {
  downloadBlob(fileName, new Blob([content], { type }));
}

/** A file the core sent base64-encoded (a coding package), saved as a download. */
export function downloadBase64(fileName: string, base64: string, type: string): void {
  const binary = atob(base64);
  // A plain loop: Uint8Array.from with a mapping function took three seconds for a 17 MB project.
  const bytes = new Uint8Array(binary.length);
  for (let at = 0; at < binary.length; at++) bytes[at] = binary.charCodeAt(at);
  downloadBlob(fileName, new Blob([bytes], { type }));
}

export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
