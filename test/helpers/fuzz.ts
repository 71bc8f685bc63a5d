/**
 * Random and mutated inputs for the importers. Every input must either import
 * or fail with an AppError (a clear, named refusal) — never another exception,
 * never a hang. Deterministic: the same seed gives the same inputs.
 */
import { AppError } from '../../shared/api/errors';
import { chooseImporter, extensionOf, surveyExtensions } from '../../electron/core/importers/registry';
import { previewSurvey } from '../../electron/core/importers/survey';
import { rng } from './random';

export function mutate(bytes: Uint8Array, random: () => number): Uint8Array {
  const out = Uint8Array.from(bytes);
  const kind = Math.floor(random() * 4);
  if (kind === 0) {
    // Flip a handful of bytes.
    for (let i = 0; i < 1 + random() * 8; i++) out[Math.floor(random() * out.length)] = Math.floor(random() * 256);
    return out;
  }
  if (kind === 1) return out.subarray(0, Math.floor(random() * out.length));
  if (kind === 2) {
    // Duplicate a slice somewhere else.
    const start = Math.floor(random() * out.length);
    const slice = out.subarray(start, start + Math.floor(random() * 64));
    const at = Math.floor(random() * out.length);
    return Uint8Array.from([...out.subarray(0, at), ...slice, ...out.subarray(at)]);
  }
  return Uint8Array.from({ length: Math.floor(random() * 512) }, () => Math.floor(random() * 256));
}

export interface FuzzResult {
  runs: number;
  imported: number;
  refused: number;
  crashes: { name: string; error: string }[];
  slowestMs: number;
}

export async function fuzzImporters(seeds: { name: string; bytes: Uint8Array }[], runsPerSeed: number, seed = 1): Promise<FuzzResult> {
  const random = rng(seed);
  const result: FuzzResult = { runs: 0, imported: 0, refused: 0, crashes: [], slowestMs: 0 };
  for (const { name, bytes } of seeds) {
    for (let i = 0; i < runsPerSeed; i++) {
      const input = mutate(bytes, random);
      const started = performance.now();
      try {
        if (surveyExtensions.includes(extensionOf(name))) previewSurvey(input, name);
        else await chooseImporter(name, input).parse(input, name);
        result.imported++;
      } catch (error) {
        if (error instanceof AppError) result.refused++;
        else result.crashes.push({ name, error: String(error) });
      }
      result.slowestMs = Math.max(result.slowestMs, performance.now() - started);
      result.runs++;
    }
  }
  return result;
}
