/**
 * REFI-QDA gives a code one description. Tematik's inclusion and exclusion
 * criteria and examples travel inside it as labelled paragraphs, so another
 * tool shows them to its users and a Tematik import puts them back in their
 * fields. The labels are fixed English words: they are data, not interface.
 */
export interface CodeGuidance {
  description: string;
  inclusion: string;
  exclusion: string;
  example: string;
  atypical: string;
  memo?: string;
}

const labels = [
  ['inclusion', 'Include when:'],
  ['exclusion', 'Exclude when:'],
  ['example', 'Example:'],
  ['atypical', 'Atypical example:'],
  ['memo', 'Memo:'],
] as const;

export function writeCodeDescription(code: CodeGuidance, withMemo = false): string {
  const parts = [code.description.trim()];
  for (const [field, label] of labels) {
    const value = (field === 'memo' ? (withMemo ? code.memo : '') : code[field])?.trim();
    if (value) parts.push(`${label} ${value}`);
  }
  return parts.filter(Boolean).join('\n\n');
}

export function readCodeDescription(text: string): CodeGuidance {
  const out: CodeGuidance = { description: '', inclusion: '', exclusion: '', example: '', atypical: '', memo: '' };
  const rest: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const trimmed = paragraph.trim();
    const label = labels.find(([, l]) => trimmed.startsWith(l));
    if (label && !out[label[0]]) out[label[0]] = trimmed.slice(label[1].length).trim();
    else if (trimmed) rest.push(trimmed);
  }
  out.description = rest.join('\n\n');
  return out;
}
