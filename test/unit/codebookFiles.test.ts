import { describe, expect, it } from 'vitest';
import { codebookEntries, codebookToCsv, codebookToMarkdown, parseCodebookCsv, parseCodebookMarkdown } from '../../shared/codebook/codebookFiles';
import type { Code } from '../../shared/model/types';

const code = (id: number, name: string, parentId: number | null, extra: Partial<Code> = {}): Code => ({
  id,
  uuid: `u${id}`,
  name,
  parentId,
  color: '#112233',
  description: '',
  inclusion: '',
  exclusion: '',
  example: '',
  atypical: '',
  memo: '',
  position: id,
  codingCount: 0,
  documentCount: 0,
  caseCount: 0,
  ...extra,
});

const codes = [
  code(1, 'Challenges', null, { description: 'Difficulties, "hard" ones, too' }),
  code(2, 'Income uncertainty', 1, { inclusion: 'Irregular pay;\nseasons', exclusion: 'Welfare', example: 'Naik turun, Kak.', atypical: 'Savings run out.' }),
  code(3, 'Stigma', 1, { color: '#cc6677' }),
  code(4, 'Strategies', null),
];

describe('codebook files', () => {
  it('round-trips through CSV with commas, quotes and line breaks', () => {
    expect(parseCodebookCsv(codebookToCsv(codes), 'c.csv')).toEqual(codebookEntries(codes));
  });

  it('round-trips through Markdown in either language (line breaks become spaces)', () => {
    for (const lang of ['en', 'id'] as const) {
      const markdown = codebookToMarkdown(codes, 'Codebook', lang);
      expect(markdown).toContain(lang === 'en' ? '### Income uncertainty' : '- Sertakan bila: Irregular pay; seasons');
      expect(parseCodebookMarkdown(markdown)).toEqual(codebookEntries(codes).map((e) => ({ ...e, inclusion: e.inclusion.replace(/\s*\n\s*/g, ' ') })));
    }
  });

  it('names the file and the problem for a broken CSV or one without a path column', () => {
    expect(() => parseCodebookCsv('path,color\n"Challenges,#fff\n', 'bad.csv')).toThrow(/bad\.csv, row 2/);
    expect(() => parseCodebookCsv('name,color\nA,#fff\n', 'other.csv')).toThrow(/other\.csv has no column named “path”/);
  });
});
