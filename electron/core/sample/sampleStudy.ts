/**
 * The sample study: synthetic interviews with gig workers in Kupang, the
 * starter codebook and a coding plan, built through the same operations a
 * researcher's clicks use. It is built into a temporary file and moved into
 * place only when complete, so an interrupted build never leaves a half study.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { OpName } from '../../../shared/api/contract';
import type { Language } from '../../../shared/i18n';
import { codePointLength } from '../../../shared/text/codepoints';
import { Core, type CoreOptions } from '../core';
import { call } from '../dispatcher';

export interface CodeEntry {
  key: string;
  color: string;
  en: CodeText;
  id: CodeText;
  children?: CodeEntry[];
}

interface CodeText {
  name: string;
  description: string;
  inclusion: string;
  exclusion: string;
  example: string;
  atypical?: string;
}

interface Participant {
  document: string;
  case: string;
  attributes: Record<string, string>;
}

interface CodingPlan {
  coder: string;
  codings: { document: string; code: string; quote: string }[];
}

export function sampleStudyDir(resourceDir: string): string {
  return path.join(resourceDir, 'fixtures', 'sample-study');
}

export function readStarterCodebook(resourceDir: string): CodeEntry[] {
  return JSON.parse(fs.readFileSync(path.join(sampleStudyDir(resourceDir), 'codebook.json'), 'utf8')) as CodeEntry[];
}

export function defaultSamplePath(sampleDir: string, lang: Language): string {
  return path.join(sampleDir, lang === 'en' ? 'Sample study - Kupang.tematik' : 'Studi contoh - Kupang.tematik');
}

/** Open the sample study, building it first if it does not exist yet (an existing one may hold the user's own work). */
export async function openSampleProject(core: Core, options: { path?: string; lang: Language }): Promise<void> {
  const target = path.resolve(options.path ?? defaultSamplePath(core.options.sampleDir, options.lang));
  if (!fs.existsSync(target)) await buildSampleProject(target, options.lang, core.options);
  core.open(target, false);
}

export async function buildSampleProject(target: string, lang: Language, options: CoreOptions): Promise<void> {
  const building = `${target}.building`;
  removeProjectFiles(building);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const builder = new Core({ ...options, shell: 'cli', app: false });
  const run = <K extends OpName>(op: K, input: unknown) => call(builder, op, input);
  const dir = sampleStudyDir(options.resourceDir);
  try {
    await run('project.create', { path: building });
    const plan = JSON.parse(fs.readFileSync(path.join(dir, 'codings.json'), 'utf8')) as CodingPlan;
    await run('coder.set', { name: plan.coder });

    const codeIds = new Map<string, number>();
    const addCodes = async (entries: CodeEntry[], parentId: number | null) => {
      for (const entry of entries) {
        const text = entry[lang];
        const code = await run('codes.create', { ...text, color: entry.color, parentId });
        codeIds.set(entry.key, code.id);
        await addCodes(entry.children ?? [], code.id);
      }
    };
    await addCodes(readStarterCodebook(options.resourceDir), null);

    const interviewDir = path.join(dir, 'interviews');
    const files = fs.readdirSync(interviewDir).filter((f) => f.endsWith('.txt')).sort();
    await run('documents.importFiles', { paths: files.map((f) => path.join(interviewDir, f)) });
    const documents = new Map((await run('documents.list', {})).map((d) => [d.name, d.id]));

    // Importing made a case for every participant who speaks; give each its attributes.
    const participants = JSON.parse(fs.readFileSync(path.join(dir, 'participants.json'), 'utf8')) as Participant[];
    const cases = new Map((await run('cases.list', {})).map((c) => [c.name, c.id]));
    for (const p of participants) {
      const caseId = cases.get(p.case);
      if (caseId) await run('cases.update', { id: caseId, attributes: p.attributes });
      else await run('cases.create', { name: p.case, attributes: p.attributes, documentIds: [documents.get(p.document)!] });
    }

    for (const coding of plan.codings) {
      const documentId = documents.get(coding.document)!;
      const text = (await run('documents.get', { id: documentId })).text;
      const at = text.indexOf(coding.quote);
      if (at < 0) throw new Error(`sample coding quote not found in ${coding.document}: ${coding.quote.slice(0, 40)}`);
      const start = codePointLength(text.slice(0, at));
      await run('codings.create', { documentId, codeId: codeIds.get(coding.code)!, start, end: start + codePointLength(coding.quote) });
    }
  } catch (error) {
    builder.close();
    removeProjectFiles(building);
    throw error;
  }
  builder.close();
  fs.renameSync(building, target);
  removeProjectFiles(building);
}

function removeProjectFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}
