/**
 * Reading REFI-QDA XML (`project.qde` of a `.qdpx`, or a `.qdc` codebook)
 * into the interchange model. Producers' deviations are handled here:
 * GUIDs in braces or upper case, `#RGB` or missing colours, sources under
 * `sources/` or `Sources/`, text given inline or by internal, relative or
 * absolute path, memos as Notes, Links or Descriptions, and positions in
 * each producer's own unit (see shared/exchange/offsets.ts), checked
 * against the selections' names and line boundaries before they are used.
 * Anything that cannot be brought in is listed with the reason.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AppError } from '../../../shared/api/errors';
import { readCodeDescription } from '../../../shared/exchange/codeDescription';
import { codebookNamespace, projectNamespace } from '../../../shared/exchange/qdeWriter';
import { positionMap, producerReading, readings, sameReading, type Reading } from '../../../shared/exchange/offsets';
import type { Interchange, InterchangeCode, InterchangeCoding, InterchangeDocument } from '../../../shared/model/interchange';
import { paletteColor } from '../../../shared/model/palette';
import { CodePointIndex, normalizeImportedText, sliceCodePoints } from '../../../shared/text/codepoints';
import { defaultInterviewerLabels, detectSpeakerTurns, isInterviewerLabel } from '../../../shared/text/speakers';
import { normaliseGuid } from './guids';
import { rowUuid } from '../store/rowUuid';

export interface Skipped {
  kind: 'source' | 'selection' | 'coding' | 'note' | 'case';
  name: string;
  reason: string;
}

export interface OffsetNote {
  document: string;
  /** How the positions were read: the producer's own unit, or the other one because the text said so. */
  reading: string;
  switched: boolean;
  checked: number;
  matched: number;
}

export interface ReadResult {
  origin: string;
  model: Interchange;
  memos: number;
  skipped: Skipped[];
  offsets: OffsetNote[];
}

/** Resolves a source's `plainTextPath` (or `path`) to its text, or null when the file is not there. */
export type SourceText = (path: string) => string | null;

const arrays = new Set([
  'User', 'Code', 'Variable', 'Case', 'VariableValue', 'SourceRef', 'SelectionRef', 'CodeRef', 'TextSource', 'PDFSource', 'PictureSource', 'AudioSource',
  'VideoSource', 'PlainTextSelection', 'Coding', 'NoteRef', 'Note', 'Link', 'Set', 'Transcript', 'PDFSelection', 'PictureSelection', 'AudioSelection',
  'VideoSelection', 'TranscriptSelection', 'Representation',
]);

type Node = Record<string, unknown>;
const list = (node: unknown, name: string): Node[] => ((node as Node | undefined)?.[name] as Node[] | undefined) ?? [];
const child = (node: unknown, name: string): Node | undefined => {
  const value = (node as Node | undefined)?.[name];
  return Array.isArray(value) ? (value[0] as Node) : (value as Node | undefined);
};
const attr = (node: Node | undefined, name: string): string => (typeof node?.[name] === 'string' ? (node[name] as string) : '');
/** The text of an element that may also carry attributes. */
const textOf = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as Node)['#text'] === 'string') return (value as Node)['#text'] as string;
  return '';
};

export function parseQdaXml(xml: string, fileName: string): { root: 'Project' | 'CodeBook'; node: Node } {
  const content = xml.replace(/^\ufeff/, '');
  const valid = XMLValidator.validate(content);
  if (valid !== true) throw new AppError('exchange_invalid', { file: fileName, detail: `XML error at line ${valid.err.line}: ${valid.err.msg}` });
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    htmlEntities: true,
    isArray: (name) => arrays.has(name),
  }).parse(content) as Node;
  const root = parsed.Project ? 'Project' : parsed.CodeBook ? 'CodeBook' : null;
  if (!root) throw new AppError('exchange_invalid', { file: fileName, detail: 'the root element is neither Project nor CodeBook' });
  const namespace = new RegExp(`<(?:\\w+:)?${root}\\b[^>]*\\bxmlns(?::\\w+)?="([^"]*)"`).exec(content)?.[1];
  const expected = root === 'Project' ? projectNamespace : codebookNamespace;
  if (namespace !== undefined && namespace !== expected && !content.includes(`"${expected}"`)) {
    throw new AppError('exchange_invalid', { file: fileName, detail: `namespace “${namespace}” is not ${expected}` });
  }
  return { root, node: parsed[root] as Node };
}

function readCodes(codesNode: Node | undefined, notes: Map<string, string>, used: Set<string>): InterchangeCode[] {
  const out: InterchangeCode[] = [];
  const walk = (code: Node, parentUuid: string | null) => {
    const uuid = normaliseGuid(attr(code, 'guid')) || rowUuid();
    const guidance = readCodeDescription(textOf(code.Description));
    const memo = [guidance.memo ?? '', ...list(code, 'NoteRef').map((r) => notes.get(normaliseGuid(attr(r, 'targetGUID'))) ?? '')].filter(Boolean).join('\n\n');
    list(code, 'NoteRef').forEach((r) => used.add(normaliseGuid(attr(r, 'targetGUID'))));
    out.push({
      uuid,
      name: attr(code, 'name').trim() || 'Unnamed code',
      parentUuid,
      color: rgb(attr(code, 'color')) ?? paletteColor(out.length),
      description: guidance.description,
      inclusion: guidance.inclusion,
      exclusion: guidance.exclusion,
      example: guidance.example,
      atypical: guidance.atypical,
      memo,
    });
    for (const sub of list(code, 'Code')) walk(sub, uuid);
  };
  for (const code of list(codesNode, 'Code')) walk(code, null);
  return out;
}

function rgb(value: string): string | null {
  const v = value.trim();
  if (/^#[0-9a-fA-F]{6}$/.test(v)) return v.toLowerCase();
  if (/^#[0-9a-fA-F]{3}$/.test(v)) return `#${[...v.slice(1)].map((c) => c + c).join('')}`.toLowerCase();
  return null;
}

export function readCodebook(node: Node): Interchange {
  return { codes: readCodes(child(node, 'Codes'), new Map(), new Set()), documents: [], speakers: [], cases: [], codings: [] };
}

interface PendingSelection {
  start: number;
  end: number;
  name: string;
  codings: { uuid: string; codeUuid: string; coder: string; createdAt: string; memo: string }[];
}

export function readProject(node: Node, sourceText: SourceText, fileName: string): ReadResult {
  const origin = attr(node, 'origin');
  const producer = producerReading(origin);
  const skipped: Skipped[] = [];
  const offsets: OffsetNote[] = [];
  const users = new Map(list(child(node, 'Users'), 'User').map((u) => [normaliseGuid(attr(u, 'guid')), attr(u, 'name') || attr(u, 'guid')]));
  const userName = (guid: string, fallback: string) => users.get(normaliseGuid(guid)) ?? fallback;

  // Notes first: codes, sources, selections and codings refer to them.
  const notes = new Map<string, string>();
  for (const note of list(child(node, 'Notes'), 'Note')) {
    const body = textOf(note.PlainTextContent) || (attr(note, 'plainTextPath') ? (sourceText(attr(note, 'plainTextPath')) ?? '') : '');
    notes.set(normaliseGuid(attr(note, 'guid')), normalizeImportedText(body).trim());
  }
  const usedNotes = new Set<string>();
  const noteText = (refs: Node[]) =>
    refs
      .map((r) => {
        const id = normaliseGuid(attr(r, 'targetGUID'));
        usedNotes.add(id);
        return notes.get(id) ?? '';
      })
      .filter(Boolean);
  // NVivo links annotation Notes to selections instead of referencing them.
  const linked = new Map<string, string[]>();
  for (const link of list(child(node, 'Links'), 'Link')) {
    const [a, b] = [normaliseGuid(attr(link, 'originGUID')), normaliseGuid(attr(link, 'targetGUID'))];
    const [noteId, other] = notes.has(a) ? [a, b] : notes.has(b) ? [b, a] : [null, null];
    if (noteId && other) {
      linked.set(other, [...(linked.get(other) ?? []), notes.get(noteId)!]);
      usedNotes.add(noteId);
    }
  }

  const codes = readCodes(child(child(node, 'CodeBook'), 'Codes'), notes, usedNotes);
  const codeUuids = new Set(codes.map((c) => c.uuid));
  const labels = defaultInterviewerLabels;
  const documents: InterchangeDocument[] = [];
  const codings: InterchangeCoding[] = [];
  const documentVariables = new Map<string, Record<string, string>>();
  const variables = new Map(list(child(node, 'Variables'), 'Variable').map((v) => [normaliseGuid(attr(v, 'guid')), attr(v, 'name')]));
  const valuesOf = (holder: Node): Record<string, string> =>
    Object.fromEntries(
      list(holder, 'VariableValue')
        .map((vv) => {
          const name = variables.get(normaliseGuid(attr(child(vv, 'VariableRef'), 'targetGUID')));
          const value = ['TextValue', 'BooleanValue', 'IntegerValue', 'FloatValue', 'DateValue', 'DateTimeValue'].map((k) => textOf(vv[k])).find((v) => v !== '') ?? '';
          return [name, value.trim()] as const;
        })
        .filter((e): e is readonly [string, string] => !!e[0] && e[1] !== ''),
    );

  const addTextSource = (source: Node, name: string) => {
    const uuid = normaliseGuid(attr(source, 'guid')) || rowUuid();
    const path = attr(source, 'plainTextPath');
    const inline = textOf(source.PlainTextContent);
    const raw = (inline !== '' ? inline : path ? sourceText(path) : null)?.replace(/^\ufeff/, '');
    if (raw === null || raw === undefined) {
      skipped.push({ kind: 'source', name, reason: path ? `its plain text ${path} is not in ${fileName}` : 'it has no plain text' });
      return;
    }
    if (raw.trim() === '') {
      skipped.push({ kind: 'source', name, reason: 'its text is empty' });
      return;
    }
    const text = normalizeImportedText(raw);
    const selections: PendingSelection[] = [];
    for (const selection of list(source, 'PlainTextSelection')) {
      const memo = [textOf(selection.Description), ...noteText(list(selection, 'NoteRef')), ...(linked.get(normaliseGuid(attr(selection, 'guid'))) ?? [])].filter(Boolean);
      const pending: PendingSelection = {
        start: Number(attr(selection, 'startPosition')),
        end: Number(attr(selection, 'endPosition')),
        name: attr(selection, 'name'),
        codings: list(selection, 'Coding').map((coding) => ({
          uuid: normaliseGuid(attr(coding, 'guid')) || rowUuid(),
          codeUuid: normaliseGuid(attr(child(coding, 'CodeRef'), 'targetGUID')),
          coder: userName(attr(coding, 'creatingUser') || attr(selection, 'creatingUser'), 'imported'),
          createdAt: attr(coding, 'creationDateTime') || attr(selection, 'creationDateTime') || new Date().toISOString(),
          memo: [...memo, ...noteText(list(coding, 'NoteRef')), ...(linked.get(normaliseGuid(attr(coding, 'guid'))) ?? [])].join('\n\n'),
        })),
      };
      if (!Number.isInteger(pending.start) || !Number.isInteger(pending.end)) {
        skipped.push({ kind: 'selection', name: `${name}: ${pending.name || attr(selection, 'guid')}`, reason: 'its positions are not whole numbers' });
        continue;
      }
      if (pending.codings.length === 0) {
        if (memo.length === 0) skipped.push({ kind: 'selection', name: `${name} ${pending.start}–${pending.end}`, reason: 'it has no coding' });
        continue;
      }
      selections.push(pending);
    }
    const reading = chooseReading(raw, selections, producer);
    if (reading.checked > 0 || reading.switched) offsets.push({ document: name, reading: describeReading(reading.reading), switched: reading.switched, checked: reading.checked, matched: reading.matched });
    const map = positionMap(raw, reading.reading);
    const last = map.length - 1;
    for (const s of selections) {
      const start = map[Math.min(Math.max(0, s.start), last)]!;
      const end = map[Math.min(Math.max(0, s.end), last)]!;
      for (const k of s.codings) {
        const label = `${name} ${s.start}–${s.end}`;
        if (s.end > last || s.start < 0) skipped.push({ kind: 'coding', name: label, reason: `it lies outside the text (${last} characters)` });
        else if (end <= start) skipped.push({ kind: 'coding', name: label, reason: 'it selects no text' });
        else if (!codeUuids.has(k.codeUuid)) skipped.push({ kind: 'coding', name: label, reason: `its code ${k.codeUuid || '(none)'} is not in the codebook` });
        else codings.push({ uuid: k.uuid, documentUuid: uuid, codeUuid: k.codeUuid, start, end, coder: k.coder, createdAt: k.createdAt, memo: k.memo || null, keyQuote: false });
      }
    }
    // Codings of the whole source.
    for (const coding of list(source, 'Coding')) {
      const codeUuid = normaliseGuid(attr(child(coding, 'CodeRef'), 'targetGUID'));
      if (!codeUuids.has(codeUuid)) {
        skipped.push({ kind: 'coding', name, reason: `its code ${codeUuid || '(none)'} is not in the codebook` });
        continue;
      }
      codings.push({
        uuid: normaliseGuid(attr(coding, 'guid')) || rowUuid(),
        documentUuid: uuid,
        codeUuid,
        start: 0,
        end: [...text].length,
        coder: userName(attr(coding, 'creatingUser'), 'imported'),
        createdAt: attr(coding, 'creationDateTime') || new Date().toISOString(),
        memo: null,
        keyQuote: false,
      });
    }
    const index = new CodePointIndex(text);
    documents.push({
      uuid,
      name,
      sourceName: fileName,
      text,
      format: 'qdpx',
      importDetails: { producer: origin || 'unknown' },
      memo: [textOf(source.Description), ...noteText(list(source, 'NoteRef'))].filter(Boolean).join('\n\n'),
      turns: detectSpeakerTurns(text).map((t) => ({
        speaker: t.speaker,
        start: index.toCodePoint(t.start),
        contentStart: index.toCodePoint(t.contentStart),
        end: index.toCodePoint(t.end),
        timeStartMs: t.timeMs,
        timeEndMs: null,
      })),
    });
    const values = valuesOf(source);
    if (Object.keys(values).length) documentVariables.set(uuid, values);
  };

  const sources = child(node, 'Sources');
  for (const source of list(sources, 'TextSource')) addTextSource(source, attr(source, 'name') || 'Untitled');
  for (const pdf of list(sources, 'PDFSource')) {
    const representation = list(pdf, 'Representation')[0];
    if (representation) addTextSource({ ...representation, guid: attr(pdf, 'guid') || attr(representation, 'guid') }, attr(pdf, 'name') || attr(representation, 'name') || 'Untitled PDF');
    else skipped.push({ kind: 'source', name: attr(pdf, 'name'), reason: 'a PDF without a plain-text representation' });
    if (list(pdf, 'PDFSelection').length) skipped.push({ kind: 'selection', name: attr(pdf, 'name'), reason: `${list(pdf, 'PDFSelection').length} area selections on PDF pages (Tematik codes text)` });
  }
  for (const kind of ['AudioSource', 'VideoSource'] as const) {
    for (const media of list(sources, kind)) {
      const transcripts = list(media, 'Transcript');
      transcripts.forEach((t, i) => addTextSource(t, attr(t, 'name') || `${attr(media, 'name') || kind}${transcripts.length > 1 ? ` ${i + 1}` : ''}`));
      skipped.push({ kind: 'source', name: attr(media, 'name') || kind, reason: transcripts.length ? 'the recording itself (its transcript was imported)' : 'audio and video are not imported' });
    }
  }
  for (const picture of list(sources, 'PictureSource')) skipped.push({ kind: 'source', name: attr(picture, 'name'), reason: 'images are not imported' });

  const present = new Set(documents.map((d) => d.uuid));
  const nameOf = new Map(documents.map((d) => [d.uuid, d.name]));
  const cases = list(child(node, 'Cases'), 'Case').map((c, i) => {
    const documentUuids = list(c, 'SourceRef').map((r) => normaliseGuid(attr(r, 'targetGUID'))).filter((u) => present.has(u));
    const name = attr(c, 'name').trim() || (documentUuids.length === 1 ? nameOf.get(documentUuids[0]!)! : `Case ${i + 1}`);
    return { uuid: normaliseGuid(attr(c, 'guid')) || rowUuid(), name, description: textOf(c.Description), attributes: valuesOf(c), documentUuids };
  });
  // Document variables (MAXQDA's way) belong to the document's case: the one case that holds it, or one named after it.
  for (const [uuid, values] of documentVariables) {
    const holders = cases.filter((c) => c.documentUuids.includes(uuid));
    if (holders.length === 1) holders[0]!.attributes = { ...values, ...holders[0]!.attributes };
    else cases.push({ uuid: rowUuid(), name: nameOf.get(uuid)!, description: '', attributes: values, documentUuids: [uuid] });
  }
  const caseNames = new Set(cases.map((c) => c.name));
  const speakers = [...new Set(documents.flatMap((d) => d.turns.map((t) => t.speaker)))].map((name) => ({
    name,
    isInterviewer: isInterviewerLabel(name, labels),
    caseName: caseNames.has(name) ? name : null,
  }));

  const memos = codes.filter((c) => c.memo).length + documents.filter((d) => d.memo).length + codings.filter((k) => k.memo).length;
  for (const [id, body] of notes) if (!usedNotes.has(id) && body) skipped.push({ kind: 'note', name: body.slice(0, 60), reason: 'it is not attached to a document, code or passage' });
  return { origin, model: { codes, documents, speakers, cases, codings }, memos, skipped, offsets };
}

function describeReading(r: Reading): string {
  return `${r.unit === 'utf16' ? 'UTF-16 code units' : 'Unicode code points'}, ${r.crlf === 'two' ? 'CRLF as two characters' : 'a line break as one character'}`;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The producer's reading unless the text says otherwise: where the
 * selections' names quote their text, the reading under which more of them
 * match wins; without names, one under which no selection falls outside the
 * text, and then one that puts nearly every selection on a line boundary
 * where the producer's puts most of them inside lines.
 */
export function chooseReading(raw: string, selections: readonly PendingSelection[], producer: Reading): { reading: Reading; switched: boolean; checked: number; matched: number } {
  const crlf = /\r\n/.test(raw);
  const astral = /[\u{10000}-\u{10ffff}]/u.test(raw);
  if (!(crlf || astral) || selections.length === 0) return { reading: producer, switched: false, checked: 0, matched: 0 };
  const text = normalizeImportedText(raw);
  const index = new CodePointIndex(text);
  const isBreakAt = (codePoint: number) => text.charCodeAt(index.toUtf16(codePoint)) === 0x0a;
  const named = selections.filter((s) => collapse(s.name).length >= 3);
  // Readings that differ only where the text gives them nothing to differ on (no CRLF, say) score alike: each is scored once.
  const scores = new Map<string, { matched: number; outside: number; boundary: number }>();
  const score = (reading: Reading) => {
    const key = `${astral ? reading.unit : ''}:${crlf ? reading.crlf : ''}`;
    let counts = scores.get(key);
    if (!counts) scores.set(key, (counts = count(reading)));
    return { reading, ...counts };
  };
  const count = (reading: Reading) => {
    const map = positionMap(raw, reading);
    const last = map.length - 1;
    let matched = 0;
    let outside = 0;
    let boundary = 0;
    for (const s of selections) {
      if (s.start < 0 || s.end > last) {
        outside++;
        continue;
      }
      const start = map[s.start]!;
      const end = map[s.end]!;
      const slice = collapse(sliceCodePoints(text, start, end, index));
      const name = collapse(s.name);
      if (name.length >= 3 && (slice === name || slice.startsWith(name) || name.startsWith(slice) && slice.length >= 3)) matched++;
      if (start === 0 || isBreakAt(start - 1) || end === index.length || isBreakAt(end)) boundary++;
    }
    return { matched, outside, boundary };
  };
  const base = score(producer);
  const others = readings.filter((r) => !sameReading(r, producer)).map(score);
  let best = base;
  for (const o of others) {
    if (named.length > 0 && o.matched > best.matched) best = o;
    else if (named.length === 0 && best.outside > 0 && o.outside === 0) best = o;
  }
  // Line boundaries are weak evidence: only many selections, nearly all on boundaries under another reading and mostly not under the producer's, count.
  if (best === base && named.length === 0 && base.outside === 0 && selections.length >= 5 && base.boundary < selections.length / 2) {
    for (const o of others) if (o.outside === 0 && o.boundary >= 0.8 * selections.length && o.boundary > best.boundary) best = o;
  }
  return { reading: best.reading, switched: best !== base, checked: named.length, matched: best.matched };
}
