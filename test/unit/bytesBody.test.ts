import { describe, expect, it } from 'vitest';
import { bodyOfInput, inputFromBody, replaceBytes } from '../../shared/api/bytesBody';

const header = (headers: Record<string, string>) => (name: string) => headers[name];

describe('inputs with bytes sent as the request body', () => {
  it('come back as they were, each file a view of the body, in order', () => {
    const first = Buffer.from('Rina: satu 😅');
    const second = new Uint8Array([0, 255, 10, 13]);
    const input = { files: [{ fileName: 'rina – satu.txt', bytes: first }, { fileName: 'b.bin', bytes: second }], survey: { idColumn: 'id' } };
    const sent = bodyOfInput(input)!;
    expect(sent.headers['Content-Type']).toBe('application/octet-stream');
    // Header values must be ASCII.
    expect(sent.headers['X-Tematik-Input']).toMatch(/^[\x20-\x7e]+$/);
    const body = Buffer.concat(sent.parts);
    expect(body.length).toBe(first.length + second.length);
    const received = inputFromBody(header(sent.headers), body) as typeof input;
    expect(received.survey).toEqual(input.survey);
    expect(received.files.map((f) => f.fileName)).toEqual(['rina – satu.txt', 'b.bin']);
    expect(Buffer.from(received.files[0]!.bytes).toString()).toBe('Rina: satu 😅');
    expect([...received.files[1]!.bytes]).toEqual([0, 255, 10, 13]);
  });

  it('are not made for an input without bytes', () => {
    expect(bodyOfInput({ name: 'Fleksibilitas', ids: [1, 2] })).toBeNull();
  });

  it('are refused when the header is missing or points outside the body', () => {
    const body = Buffer.from('four');
    expect(() => inputFromBody(header({}), body)).toThrow(/needs its input/);
    const pointing = (place: unknown) => header({ 'X-Tematik-Input': encodeURIComponent(JSON.stringify({ bytes: { $bytes: place } })) });
    expect(() => inputFromBody(pointing([2, 3]), body)).toThrow(/outside the 4-byte body/);
    expect(() => inputFromBody(pointing([-1, 2]), body)).toThrow(/outside/);
    expect(() => inputFromBody(pointing(['0', 2]), body)).toThrow(/outside/);
    expect(() => inputFromBody(pointing([0.5, 1]), body)).toThrow(/outside/);
    expect(Buffer.from((inputFromBody(pointing([1, 3]), body) as { bytes: Uint8Array }).bytes).toString()).toBe('our');
  });
});

describe('replacing the bytes in a value', () => {
  it('copies only what holds bytes and leaves the rest as it is', () => {
    const untouched = { codes: [{ id: 1 }], name: 'x' };
    const value = { upload: { fileName: 'a.txt', bytes: Buffer.from('abc') }, other: untouched };
    const replaced = replaceBytes(value, (bytes) => `(${bytes.byteLength} bytes)`) as Record<string, unknown>;
    expect(replaced).toEqual({ upload: { fileName: 'a.txt', bytes: '(3 bytes)' }, other: untouched });
    expect(replaced.other).toBe(untouched);
    expect(value.upload.bytes).toBeInstanceOf(Buffer);
    expect(replaceBytes(untouched, () => 'never')).toBe(untouched);
  });
});
