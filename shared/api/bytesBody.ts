/**
 * How browser mode sends an input that holds files as bytes (uploads): the
 * bytes are the request body, one file after another, and the rest of the
 * input travels as JSON in a header, each file replaced by where its bytes
 * lie in the body. A transcript then crosses as itself, not as base64 a
 * third larger inside JSON that both ends must build and take apart. Both
 * ends of HTTP use these two functions, so that neither knows any operation
 * by name; Electron's IPC passes the bytes as they are.
 */
const inputHeader = 'X-Tematik-Input';
export const bytesBodyType = 'application/octet-stream';
const marker = '$bytes';

/**
 * `value` with each byte array in it (in plain objects and arrays) replaced.
 * Done before JSON.stringify rather than in a replacer: by the time a
 * replacer sees a Node Buffer, its toJSON has already spelled every byte out
 * as a number.
 */
export function replaceBytes(value: unknown, replace: (bytes: Uint8Array) => unknown): unknown {
  if (value instanceof Uint8Array) return replace(value);
  // Copied only where something changed: most inputs hold no bytes and go through as they are.
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    value.forEach((item: unknown, at) => {
      const replaced = replaceBytes(item, replace);
      if (replaced !== item) (out ??= [...value])[at] = replaced;
    });
    return out ?? value;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    let out: Record<string, unknown> | null = null;
    for (const [key, item] of Object.entries(value)) {
      const replaced = replaceBytes(item, replace);
      if (replaced !== item) (out ??= { ...value })[key] = replaced;
    }
    return out ?? value;
  }
  return value;
}

/** The header and body parts that carry `input`, or null when it holds no bytes (it goes as JSON). */
export function bodyOfInput(input: unknown): { headers: Record<string, string>; parts: Uint8Array[] } | null {
  const parts: Uint8Array[] = [];
  let offset = 0;
  const placed = replaceBytes(input, (bytes) => {
    parts.push(bytes);
    offset += bytes.byteLength;
    return { [marker]: [offset - bytes.byteLength, bytes.byteLength] };
  });
  if (parts.length === 0) return null;
  // Header values are ASCII: a file name in Bahasa Indonesia or with an emoji goes percent-encoded.
  return { headers: { 'Content-Type': bytesBodyType, [inputHeader]: encodeURIComponent(JSON.stringify(placed)) }, parts };
}

/**
 * The input of a request sent as `bytesBodyType`, its files as views of
 * `body`. Throws on a header that is missing, not JSON, or points outside
 * the body.
 */
export function inputFromBody(header: (name: string) => string | null | undefined, body: Uint8Array): unknown {
  const packed = header(inputHeader);
  if (packed === null || packed === undefined) throw new Error(`a request of ${bytesBodyType} needs its input in ${inputHeader}`);
  return JSON.parse(decodeURIComponent(packed), (_key, value: unknown) => {
    if (value === null || typeof value !== 'object' || !(marker in value)) return value;
    const place: unknown = (value as Record<string, unknown>)[marker];
    const [from, length] = Array.isArray(place) ? (place as unknown[]) : [];
    const fits = typeof from === 'number' && typeof length === 'number' && Number.isSafeInteger(from) && Number.isSafeInteger(length) && from >= 0 && length >= 0 && from + length <= body.byteLength;
    if (!fits || Object.keys(value).length !== 1) throw new Error(`the input points at bytes ${JSON.stringify(place)}, outside the ${body.byteLength}-byte body`);
    return body.subarray(from, from + length);
  });
}
