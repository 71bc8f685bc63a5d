/**
 * Writing a project as a REFI-QDA `.qdpx` (a zip of `project.qde` and each
 * document's plain text under `sources/`) or its codebook as a `.qdc`.
 */
import { AppError } from '../../../shared/api/errors';
import { qdePieces, writeQdc, type ExportTarget } from '../../../shared/exchange/qdeWriter';
import { ZipWriter } from '../export/zipWriter';
import { readInterchange } from '../interchange/readProject';
import type { Project } from '../project';
import type { Task } from '../tasks';
import { stableGuid } from './guids';

export const origin = 'Tematik 0.1';

/** The origin names the target, so that reading the file back (by Tematik or anyone) applies the same positions. */
const targetOrigin: Record<ExportTarget, string> = {
  standard: origin,
  nvivo: `${origin} (positions for NVivo: UTF-16 code units)`,
  atlasti: `${origin} (positions for ATLAS.ti: a line break counts as one)`,
  maxqda: `${origin} (positions for MAXQDA: CRLF line breaks)`,
};

/**
 * The project is read in one go, so the file is one moment of it even if the
 * researcher goes on coding meanwhile; then it is written a document at a
 * time, each source compressed beside the next one's XML.
 */
export async function exportQdpx(project: Project, target: ExportTarget, task: Task): Promise<Buffer> {
  task.step('read', 1);
  await task.breathe();
  const model = readInterchange(project, { withCodings: true, withoutTurns: true });
  task.step('write', model.documents.length);
  const zip = new ZipWriter();
  // First in the zip, as tools that read it expect; its pieces arrive while the sources are compressed.
  const qde = zip.addLater('project.qde');
  for (const piece of qdePieces({ name: project.name, origin: targetOrigin[target], model, target, guid: stableGuid, now: new Date().toISOString().replace(/\.\d+Z$/, 'Z') })) {
    qde.write(Buffer.from(piece.xml, 'utf8'));
    if (piece.source) {
      zip.add(`sources/${piece.source.fileName}`, Buffer.from(piece.source.content, 'utf8'));
      task.advance();
      await task.breathe();
    }
  }
  qde.end();
  task.step('compress', 1);
  return zip.finish();
}

export function exportQdc(project: Project): string {
  const { codes } = readInterchange(project, { documentIds: [], withCodings: false });
  if (codes.length === 0) throw new AppError('exchange_empty_codebook', { file: `${project.name}.qdc` });
  return writeQdc(codes, origin);
}
