/** Shared pieces of the benchmarks: deterministic text, timing, percentiles, a throwaway core. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { OpName } from '../../shared/api/contract';
import { uploadBatches } from '../../shared/import/uploadBatches';
import { Core } from '../../electron/core/core';
import { rng } from '../../test/helpers/random';

export { rng };

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

const vocabulary = (
  'saya kami mereka tidak yang dengan untuk ada ini itu sudah karena jadi bisa harus kerja uang keluarga anak klien ' +
  'aplikasi ojek desain penghasilan tidak menentu persaingan jaringan komunitas belajar platform bayar bulan ramai sepi ' +
  'the and of to that it was for with work money family client platform income flexible network learn pay month café 😅'
).split(' ');

/** Words a real corpus holds rarely: the terms a researcher typically searches for. */
export const rareWords = 'bpjs asuransi pensiun gojek shopee maxim tokopedia rating orderan bonus insentif suspend cicilan pinjol bengkel hujan malam begadang burnout diskriminasi'.split(' ');

/** A transcript of about `words` words in alternating interviewer and informant turns; about one word in 500 is a rare one. */
export function transcript(random: () => number, words: number): string {
  const lines: string[] = [];
  let total = 0;
  for (let turn = 0; total < words; turn++) {
    const n = 8 + Math.floor(random() * 60);
    const body = Array.from({ length: n }, () => (random() < 0.002 ? rareWords[Math.floor(random() * rareWords.length)] : vocabulary[Math.floor(random() * vocabulary.length)])).join(' ');
    lines.push(`${turn % 2 === 0 ? 'Pewawancara' : 'Informan'}: ${body}.`);
    total += n;
  }
  return lines.join('\n');
}

type Run = (op: OpName, input: unknown) => Promise<unknown>;

/** `count` interviews of about `words` words, each with an informant of its own (interview-0001.txt…), imported in the renderer's uploads. */
export async function importInterviews(run: Run, random: () => number, count: number, words: number): Promise<void> {
  const files = Array.from({ length: count }, (_, i) => {
    const bytes = Buffer.from(transcript(random, words).replaceAll('Informan:', `Informan ${i + 1}:`));
    return { name: `interview-${String(i + 1).padStart(4, '0')}.txt`, size: bytes.length, bytes };
  });
  for (const batch of uploadBatches(files)) await run('documents.importUploads', { files: batch.map((f) => ({ fileName: f.name, bytes: f.bytes })) });
}

/** `perCode` passages of 20–320 characters for each code, the k-th of code c in document 7c + k (round the list). */
export async function codeAcross(run: Run, random: () => number, documents: readonly { id: number; length: number }[], codeIds: readonly number[], perCode: number): Promise<void> {
  for (const [c, codeId] of codeIds.entries()) {
    const passages = Array.from({ length: perCode }, (_, k) => {
      const doc = documents[(c * 7 + k) % documents.length]!;
      const start = Math.floor(random() * (doc.length - 400));
      return { documentId: doc.id, start, end: start + 20 + Math.floor(random() * 300) };
    });
    await run('codings.createMany', { codeId, passages });
  }
}

export async function timed<T>(fn: () => T | Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `tematik-bench-${prefix}-`));
}

export function benchCore(dir: string): Core {
  return new Core({ shell: 'cli', resourceDir: repoRoot, sampleDir: dir, fallbackCoder: 'bench' });
}

export function row(step: string, ms: number, floor: number | null): string {
  const f = floor === null ? '         -' : floor.toFixed(1).padStart(10);
  return `${step.padEnd(22)} ${ms.toFixed(1).padStart(10)} ${f}   ${floor === null ? '-' : (ms / floor).toFixed(2)}`;
}

export const header = `${'step'.padEnd(22)} ${'tematik ms'.padStart(10)} ${'floor ms'.padStart(10)}   ratio`;

export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
