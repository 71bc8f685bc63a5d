/**
 * Writing a project as a REFI-QDA `.qdpx` (a zip of `project.qde` and each
 * document's plain text under `sources/`) or its codebook as a `.qdc`.
 */
import { strToU8, zipSync } from 'fflate';
import { AppError } from '../../../shared/api/errors';
import { writeQdc, writeQde, type ExportTarget } from '../../../shared/exchange/qdeWriter';
import { exportZipLevel } from '../../../shared/files/zipLevel';
import { readInterchange } from '../interchange/readProject';
import type { Project } from '../project';
import { stableGuid } from './guids';

export const origin = 'Tematik 0.1';

/** The origin names the target, so that reading the file back (by Tematik or anyone) applies the same positions. */
const targetOrigin: Record<ExportTarget, string> = {
  standard: origin,
  nvivo: `${origin} (positions for NVivo: UTF-16 code units)`,
  atlasti: `${origin} (positions for ATLAS.ti: a line break counts as one)`,
  maxqda: `${origin} (positions for MAXQDA: CRLF line breaks)`,
};

export function exportQdpx(project: Project, target: ExportTarget): Uint8Array {
  const model = readInterchange(project, { withCodings: true });
  const { xml, sources } = writeQde({ name: project.name, origin: targetOrigin[target], model, target, guid: stableGuid, now: new Date().toISOString().replace(/\.\d+Z$/, 'Z') });
  const files: Record<string, Uint8Array> = { 'project.qde': strToU8(xml) };
  for (const source of sources) files[`sources/${source.fileName}`] = strToU8(source.content);
  return zipSync(files, { level: exportZipLevel });
}

export function exportQdc(project: Project): string {
  const { codes } = readInterchange(project, { documentIds: [], withCodings: false });
  if (codes.length === 0) throw new AppError('exchange_empty_codebook', { file: `${project.name}.qdc` });
  return writeQdc(codes, origin);
}
