/**
 * How browser mode sends a result that holds a file (an operation with a
 * body field, see OpSpec.body): the file's bytes are the response body, and
 * the rest of the result travels as JSON in a header, with the field's name
 * beside it. Both ends of HTTP use these two functions, so that neither
 * knows any operation by name.
 */
const fieldHeader = 'X-Tematik-Body-Field';
const restHeader = 'X-Tematik-Result';

export function bodyHeaders(field: string, rest: Record<string, unknown>): Record<string, string> {
  // Header values are ASCII: a file name in Bahasa Indonesia or with an emoji goes percent-encoded.
  return { [fieldHeader]: field, [restHeader]: encodeURIComponent(JSON.stringify(rest)) };
}

/** Whether the response carries a file as its body (else it is an ordinary JSON envelope). */
export function hasFileBody(header: (name: string) => string | null | undefined): boolean {
  return Boolean(header(fieldHeader)) && typeof header(restHeader) === 'string';
}

/** The whole result again from a response that has a file body (see hasFileBody). */
export function resultFromBody(header: (name: string) => string | null | undefined, body: Uint8Array): Record<string, unknown> {
  return { ...(JSON.parse(decodeURIComponent(header(restHeader)!)) as Record<string, unknown>), [header(fieldHeader)!]: body };
}
