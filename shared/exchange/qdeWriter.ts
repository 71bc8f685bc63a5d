/**
 * A project as REFI-QDA XML (`project.qde`, Project.xsd) and a codebook as
 * a `.qdc` (Codebook.xsd). Elements are written in the order the schemas'
 * sequences demand, and empty containers (which the schemas forbid) are
 * left out. Each coding becomes a PlainTextSelection over the source's
 * plain text with one Coding; memos become Notes referenced from what they
 * annotate. Positions are written in the target tool's unit.
 */
import type { Interchange, InterchangeCode } from '../model/interchange';
import { CodePointIndex, sliceCodePoints } from '../text/codepoints';
import { writeCodeDescription } from './codeDescription';
import { exportPosition, type Reading } from './offsets';

export const exportTargets = ['standard', 'nvivo', 'atlasti', 'maxqda'] as const;
export type ExportTarget = (typeof exportTargets)[number];

/** How each target reads positions, and whether its .txt files carry CRLF. */
export const targetReadings: Record<ExportTarget, { reading: Reading; crlf: boolean }> = {
  standard: { reading: { unit: 'codepoint', crlf: 'two' }, crlf: false },
  nvivo: { reading: { unit: 'utf16', crlf: 'two' }, crlf: false },
  atlasti: { reading: { unit: 'codepoint', crlf: 'one' }, crlf: false },
  maxqda: { reading: { unit: 'codepoint', crlf: 'two' }, crlf: true },
};

export const projectNamespace = 'urn:QDA-XML:project:1.0';
export const codebookNamespace = 'urn:QDA-XML:codebook:1.0';

export interface QdeInput {
  name: string;
  origin: string;
  model: Interchange;
  target: ExportTarget;
  /** A stable GUID for an object that has no UUID of its own (users, variables, selections, notes). */
  guid: (kind: string, key: string) => string;
  now: string;
}

/** Characters an attribute value or text cannot hold as they are: most values have none, and are written without a replacement pass. */
const needsEscapeInAttribute = /[&<>"\u0000-\u001f]/;
const needsEscapeInText = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

const escape = (text: string) =>
  !needsEscapeInAttribute.test(text)
    ? text
    : text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;');
const text = (value: string) =>
  !needsEscapeInText.test(value) ? value : value.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

function attrs(values: Record<string, string | number | undefined | null>): string {
  let written = '';
  for (const key in values) {
    const value = values[key];
    if (value !== undefined && value !== null && value !== '') written += ` ${key}="${escape(String(value))}"`;
  }
  return written;
}

function el(name: string, attributes: Record<string, string | number | undefined | null>, children: string[] = []): string {
  let inner = '';
  for (const child of children) inner += child;
  return inner ? `<${name}${attrs(attributes)}>${inner}</${name}>` : `<${name}${attrs(attributes)}/>`;
}

const container = (name: string, children: string[]) => (children.length ? el(name, {}, children) : '');
const description = (value: string) => (value.trim() ? `<Description>${text(value)}</Description>` : '');
const rgb = (color: string) => (/^#[0-9a-fA-F]{6}$/.test(color) ? color.toLowerCase() : undefined);

type VariableType = 'Text' | 'Boolean' | 'Integer' | 'Float';

/** The narrowest REFI-QDA type every value of an attribute fits. */
function variableType(values: string[]): VariableType {
  if (values.length && values.every((v) => /^(true|false)$/i.test(v))) return 'Boolean';
  if (values.length && values.every((v) => /^-?\d{1,15}$/.test(v))) return 'Integer';
  if (values.length && values.every((v) => /^-?\d+(\.\d+)?$/.test(v))) return 'Float';
  return 'Text';
}

function variableValue(type: VariableType, value: string): string {
  const tag = `${type}Value`;
  return `<${tag}>${text(type === 'Boolean' ? value.toLowerCase() : value)}</${tag}>`;
}

function codeTree(codes: readonly InterchangeCode[], noteRefs: (code: InterchangeCode) => string[], withMemo: boolean): string[] {
  const children = new Map<string | null, InterchangeCode[]>();
  for (const c of codes) children.set(c.parentUuid, [...(children.get(c.parentUuid) ?? []), c]);
  const write = (code: InterchangeCode): string =>
    el('Code', { guid: code.uuid, name: code.name, isCodable: 'true', color: rgb(code.color) }, [
      description(writeCodeDescription(code, withMemo)),
      ...noteRefs(code),
      ...(children.get(code.uuid) ?? []).map(write),
    ]);
  return (children.get(null) ?? []).map(write);
}

const header = '<?xml version="1.0" encoding="utf-8"?>\n';

export interface QdeSource {
  fileName: string;
  content: string;
}

/** A piece of project.qde, and with a document's piece the source file it points to. */
export interface QdePiece {
  xml: string;
  source?: QdeSource;
}

/**
 * project.qde a piece at a time, in the order of the file: the head (users,
 * codebook, variables, cases), then each document's TextSource with its
 * source file, then the notes. A caller writing a large project can give
 * way between documents, report progress and stop.
 */
export function* qdePieces(input: QdeInput): Generator<QdePiece> {
  const { model, guid, now } = input;
  const { reading, crlf } = targetReadings[input.target];
  const coders = [...new Set(model.codings.map((k) => k.coder))].sort();
  const userGuid = new Map(coders.map((c) => [c, guid('user', c)]));
  const notes: string[] = [];
  const note = (key: string, name: string, body: string): string => {
    const id = guid('note', key);
    notes.push(el('Note', { guid: id, name, creationDateTime: now }, [`<PlainTextContent>${text(body)}</PlainTextContent>`]));
    return `<NoteRef targetGUID="${id}"/>`;
  };

  const codebook = codeTree(model.codes, (code) => (code.memo.trim() ? [note(`code:${code.uuid}`, code.name, code.memo)] : []), false);

  const attributeNames = [...new Set(model.cases.flatMap((c) => Object.keys(c.attributes)))].sort();
  const types = new Map(attributeNames.map((n) => [n, variableType(model.cases.map((c) => c.attributes[n]).filter((v): v is string => v !== undefined && v !== ''))]));
  const variableGuid = new Map(attributeNames.map((n) => [n, guid('variable', n)]));
  const variables = attributeNames.map((n) => el('Variable', { guid: variableGuid.get(n), name: n, typeOfVariable: types.get(n) }));
  const cases = model.cases.map((c) =>
    el('Case', { guid: c.uuid, name: c.name }, [
      description(c.description),
      ...Object.entries(c.attributes)
        .filter(([, v]) => v !== '')
        .map(([n, v]) => el('VariableValue', {}, [`<VariableRef targetGUID="${variableGuid.get(n)}"/>`, variableValue(types.get(n)!, v)])),
      ...c.documentUuids.map((uuid) => `<SourceRef targetGUID="${uuid}"/>`),
    ]),
  );

  const byDocument = new Map<string, Interchange['codings']>();
  for (const k of model.codings) {
    const list = byDocument.get(k.documentUuid);
    if (list) list.push(k);
    else byDocument.set(k.documentUuid, [k]);
  }

  const users = coders.map((c) => el('User', { guid: userGuid.get(c), name: c }));
  const project = {
    xmlns: projectNamespace,
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    'xsi:schemaLocation': `${projectNamespace} http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd`,
    name: input.name,
    origin: input.origin,
    creationDateTime: now,
    modifiedDateTime: now,
  };
  yield {
    xml:
      header +
      `<Project${attrs(project)}>` +
      container('Users', users) +
      (codebook.length ? el('CodeBook', {}, [el('Codes', {}, codebook)]) : '') +
      container('Variables', variables) +
      container('Cases', cases) +
      // The schema forbids an empty container.
      (model.documents.length ? '<Sources>' : ''),
  };

  for (const doc of model.documents) {
    const fileName = `${doc.uuid}.txt`;
    // Once per document: positions and each selection's name come from it; found anew for each, they took 10 s for a thousand transcripts.
    const index = new CodePointIndex(doc.text);
    const position = exportPosition(doc.text, reading, crlf, index);
    const selections = (byDocument.get(doc.uuid) ?? []).map((k) =>
      el(
        'PlainTextSelection',
        {
          guid: guid('selection', k.uuid),
          name: sliceCodePoints(doc.text, k.start, Math.min(k.end, k.start + 200), index),
          startPosition: position(k.start),
          endPosition: position(k.end),
          creatingUser: userGuid.get(k.coder),
          creationDateTime: k.createdAt,
        },
        [
          el('Coding', { guid: k.uuid, creatingUser: userGuid.get(k.coder), creationDateTime: k.createdAt }, [`<CodeRef targetGUID="${k.codeUuid}"/>`]),
          k.memo?.trim() ? note(`coding:${k.uuid}`, sliceCodePoints(doc.text, k.start, Math.min(k.end, k.start + 60), index), k.memo) : '',
        ],
      ),
    );
    yield {
      xml: el('TextSource', { guid: doc.uuid, name: doc.name, plainTextPath: `internal://${fileName}`, creationDateTime: now }, [
        ...selections,
        doc.memo.trim() ? note(`document:${doc.uuid}`, doc.name, doc.memo) : '',
      ]),
      source: { fileName, content: crlf ? doc.text.replace(/\n/g, '\r\n') : doc.text },
    };
  }

  yield { xml: (model.documents.length ? '</Sources>' : '') + container('Notes', notes) + '</Project>\n' };
}

/** The codebook alone; code memos go into the description, since Codebook.xsd has no notes. */
export function writeQdc(codes: readonly InterchangeCode[], origin: string): string {
  const tree = codeTree(codes, () => [], true);
  return (
    header +
    el(
      'CodeBook',
      {
        xmlns: codebookNamespace,
        'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
        'xsi:schemaLocation': `${codebookNamespace} http://schema.qdasoftware.org/versions/Codebook/v1.0/Codebook.xsd`,
        origin,
      },
      [el('Codes', {}, tree)],
    ) +
    '\n'
  );
}
