/**
 * How browser mode sends a result that holds a file (an operation with a
 * body field, see OpSpec.body): the file's text is the response body, and
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

/** The whole result again, or null when the response is an ordinary JSON envelope. */
export function resultFromBody(header: (name: string) => string | null | undefined, body: string): Record<string, unknown> | null {
  const field = header(fieldHeader);
  const rest = header(restHeader);
  if (!field || rest === null || rest === undefined) return null;
  return { ...(JSON.parse(decodeURIComponent(rest)) as Record<string, unknown>), [field]: body };
}
