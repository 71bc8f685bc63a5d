/**
 * A JSON response body in pieces. A long transcript, or a REFI-QDA project
 * as base64, is a string of millions of characters; stringifying the
 * envelope whole would hold a second copy of it, and encoding that a third.
 * Here a long string is written a slice at a time, so that no piece is much
 * larger than a slice. (Exports of CSV files do not come here: they are sent
 * as the response body itself, see shared/api/fileBody.ts.)
 */
const slice = 1 << 20;

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;

/** The pieces whose concatenation is `JSON.stringify(value)`, for the plain data the dispatcher returns. */
export function* jsonPieces(value: unknown): Generator<string> {
  if (typeof value === 'string' && value.length > slice) {
    yield '"';
    for (let at = 0; at < value.length; ) {
      let end = Math.min(at + slice, value.length);
      // Never between the halves of a surrogate pair, so the pieces say exactly what JSON.stringify says.
      if (end < value.length && isHighSurrogate(value.charCodeAt(end - 1))) end++;
      yield JSON.stringify(value.slice(at, end)).slice(1, -1);
      at = end;
    }
    yield '"';
    return;
  }
  // Only plain objects are opened up: that is where a long string sits ({ text }, { base64 }); anything else is small or already one piece.
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    let first = true;
    yield '{';
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
      yield `${first ? '' : ','}${JSON.stringify(key)}:`;
      first = false;
      yield* jsonPieces(item);
    }
    yield '}';
    return;
  }
  yield JSON.stringify(value) ?? 'null';
}
