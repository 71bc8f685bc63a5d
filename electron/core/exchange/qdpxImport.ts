/**
 * Opening a `.qdpx` or `.qdc` file: the zip checked and only the XML and
 * text sources inflated, the XML read into the interchange model, and the
 * sources' plain text looked up as the producer referenced it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8 } from 'fflate';
import { AppError } from '../../../shared/api/errors';
import { unzipSelected } from '../importers/zipGuard';
import { parseQdaXml, readCodebook, readProject, type ReadResult } from './qdeReader';

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;

export function readExchangeFile(bytes: Uint8Array, fileName: string, location: string | null): ReadResult & { kind: 'qdpx' | 'qdc' } {
  if (!isZip(bytes)) {
    const xml = decode(bytes, fileName);
    const { root, node } = parseQdaXml(xml, fileName);
    if (root === 'CodeBook') return { kind: 'qdc', origin: (node.origin as string) ?? '', model: readCodebook(node), memos: 0, skipped: [], offsets: [] };
    return { kind: 'qdc', ...readProject(node, () => null, fileName) };
  }
  const entries = unzipSelected(bytes, fileName, 'REFI-QDA', (name) => /\.(qde|txt)$/i.test(name));
  const qdes = [...entries.keys()].filter((n) => /\.qde$/i.test(n) && !n.includes('/'));
  const qde = qdes.find((n) => n.toLowerCase() === 'project.qde') ?? (qdes.length === 1 ? qdes[0] : undefined);
  if (!qde) throw new AppError('exchange_invalid', { file: fileName, detail: qdes.length ? `it holds several .qde files (${qdes.join(', ')})` : 'it holds no project.qde' });
  const { root, node } = parseQdaXml(decode(entries.get(qde)!, fileName), fileName);
  if (root !== 'Project') throw new AppError('exchange_invalid', { file: fileName, detail: `${qde} holds a codebook, not a project` });
  const byName = new Map([...entries.keys()].map((n) => [n.toLowerCase(), n]));
  const base = location ? path.resolve(path.dirname(location), typeof node.basePath === 'string' && node.basePath ? node.basePath : '.') : null;
  const sourceText = (reference: string): string | null => {
    const internal = /^internal:\/\/\/?(.+)$/i.exec(reference);
    if (internal) {
      const wanted = internal[1]!.toLowerCase();
      const entry = byName.get(`sources/${wanted}`) ?? [...byName].find(([n]) => n.endsWith(`/${wanted}`) || n === wanted)?.[1];
      return entry ? decode(entries.get(entry)!, `${fileName}: ${entry}`) : null;
    }
    const external = /^(relative|absolute):\/\/\/?(.+)$/i.exec(reference);
    if (!external || !base) return null;
    const target = external[1]!.toLowerCase() === 'relative' ? path.join(base, external[2]!) : external[2]!.replace(/^\/(?=[A-Za-z]:)/, '');
    try {
      return fs.existsSync(target) ? decode(fs.readFileSync(target), target) : null;
    } catch {
      return null;
    }
  };
  return { kind: 'qdpx', ...readProject(node, sourceText, fileName) };
}

function decode(bytes: Uint8Array, fileName: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Some producers write Latin-1 text sources; the XML itself must be UTF-8.
    if (/\.(txt)$/i.test(fileName)) return strFromU8(bytes, true);
    throw new AppError('exchange_invalid', { file: fileName, detail: 'it is not UTF-8 text' });
  }
}
