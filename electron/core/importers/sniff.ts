/** Recognising file types by their first bytes, whatever their names say. */

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

function ascii(bytes: Uint8Array, length: number): string {
  return String.fromCharCode(...bytes.subarray(0, length));
}

export const isZip = (bytes: Uint8Array) => startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
const pdfHeader = Buffer.from('%PDF-');
/** A PDF header within the first kilobyte (some files put junk before it), found natively rather than by decoding the kilobyte. */
export const isPdf = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).indexOf(pdfHeader) >= 0;
/** The OLE container of legacy Word .doc (and .xls, .ppt). */
export const isOle = (bytes: Uint8Array) => startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** What kind of binary the bytes are, if they are a well-known non-text type. */
export function binaryKind(bytes: Uint8Array): 'image_file' | 'archive_file' | 'media_file' | null {
  if (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(bytes, [0xff, 0xd8, 0xff]) ||
    ascii(bytes, 4) === 'GIF8' ||
    (ascii(bytes, 4) === 'RIFF' && ascii(bytes.subarray(8), 4) === 'WEBP') ||
    startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) ||
    startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])
  ) {
    return 'image_file';
  }
  if (
    startsWith(bytes, [0x1f, 0x8b]) ||
    startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) ||
    ascii(bytes, 4) === 'Rar!' ||
    startsWith(bytes, [0x42, 0x5a, 0x68]) ||
    startsWith(bytes, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])
  ) {
    return 'archive_file';
  }
  if (ascii(bytes, 3) === 'ID3' || startsWith(bytes, [0xff, 0xfb]) || ascii(bytes.subarray(4), 4) === 'ftyp' || ascii(bytes, 4) === 'OggS' || (ascii(bytes, 4) === 'RIFF' && ascii(bytes.subarray(8), 4) === 'WAVE')) {
    return 'media_file';
  }
  return null;
}
