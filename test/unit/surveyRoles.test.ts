import { describe, expect, it } from 'vitest';
import { summariseColumns } from '../../shared/import/surveyRoles';

const roles = (header: string[], rows: string[][]) => summariseColumns(header, rows).map((c) => [c.name, c.role]);

describe('survey column roles', () => {
  it('finds the ID, short repeating attributes and long open answers', () => {
    expect(
      roles(
        ['ID', 'Generation', 'City', 'Why gig work?'],
        [
          ['1', 'Gen Z', 'Kupang', 'Because I can choose my own hours and still study at the university.'],
          ['2', 'Millennial', 'Kupang', 'The pay from foreign clients is better than any local job I could find.'],
          ['3', 'Gen Z', 'Soe', 'My cousin showed me how to register and I started the same week.'],
        ],
      ),
    ).toEqual([
      ['ID', 'id'],
      ['Generation', 'attribute'],
      ['City', 'attribute'],
      ['Why gig work?', 'text'],
    ]);
  });

  it('takes short sentences that rarely repeat as open answers', () => {
    expect(
      roles(
        ['Respondent', 'Platform', 'Biggest problem'],
        [
          ['a', 'Grab', 'no insurance at all'],
          ['b', 'Grab', 'income goes up and down'],
          ['c', 'Shopee', 'too many cheap sellers'],
          ['d', 'Gojek', 'people think it is not work'],
        ],
      ),
    ).toEqual([
      ['Respondent', 'id'],
      ['Platform', 'attribute'],
      ['Biggest problem', 'text'],
    ]);
  });

  it('always offers one open-answer column, the longest, when nothing looks like text', () => {
    expect(roles(['Code', 'Answer', 'Sex'], [['1', 'yes, often', 'F'], ['2', 'no', 'M'], ['3', 'sometimes', 'F']]).map((r) => r[1])).toEqual(['id', 'text', 'attribute']);
  });

  it('leaves empty columns out and needs unique values for an ID', () => {
    expect(roles(['Name', 'Empty', 'Comment'], [['Ana', '', 'It was a long and difficult year for my family and me.'], ['Ana', '', 'Everything changed when the platform raised its commission.']])).toEqual([
      ['Name', 'attribute'],
      ['Empty', 'ignore'],
      ['Comment', 'text'],
    ]);
  });
});
