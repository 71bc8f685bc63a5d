/**
 * A version of what word frequencies over whole documents are counted
 * from: the documents' texts, their turns and which speakers are
 * interviewers, the documents' cases and the cases' attributes, the
 * stop-word changes. Codings are no part of it. Kept until any row changes,
 * the counts went with every coding, and at a thousand transcripts counting
 * them again took two seconds each time the researcher looked.
 *
 * Temporary triggers (on this connection, from the first time it is asked
 * for) move the version on when one of those rows changes. A change that is
 * then rolled back moves it too, which costs a count and never shows a
 * stale one; another connection's writes show in SQLite's data version.
 */
import type { Project } from '../project';

const changedFunction = 'tematik_texts_changed';

const watched: { table: string; event: string; when?: string }[] = [
  { table: 'documents', event: 'INSERT' },
  { table: 'documents', event: 'DELETE' },
  { table: 'documents', event: 'UPDATE OF text' },
  // Turns are inserted only with a new document (see liveCodings.ts), which the first trigger sees.
  { table: 'document_turns', event: 'UPDATE' },
  { table: 'document_turns', event: 'DELETE' },
  { table: 'speakers', event: 'UPDATE OF is_interviewer' },
  { table: 'case_documents', event: 'INSERT' },
  { table: 'case_documents', event: 'DELETE' },
  { table: 'case_attributes', event: 'INSERT' },
  { table: 'case_attributes', event: 'UPDATE' },
  { table: 'case_attributes', event: 'DELETE' },
  { table: 'meta', event: 'INSERT', when: "new.key = 'stopwords'" },
  { table: 'meta', event: 'UPDATE', when: "new.key = 'stopwords'" },
  { table: 'meta', event: 'DELETE', when: "old.key = 'stopwords'" },
];

const triggers = watched
  .map(
    ({ table, event, when }) =>
      `CREATE TEMP TRIGGER IF NOT EXISTS texts_${table}_${event.split(' ')[0]!.toLowerCase()} AFTER ${event} ON main.${table} ${when ? `WHEN ${when}` : ''} BEGIN SELECT ${changedFunction}(); END;`,
  )
  .join('\n');

const changes = new WeakMap<Project, { count: number }>();

export function textsVersion(project: Project): string {
  let seen = changes.get(project);
  if (!seen) {
    const counter = { count: 0 };
    project.db.function(changedFunction, { deterministic: false, directOnly: false }, () => {
      counter.count++;
      return null;
    });
    project.db.exec(triggers);
    changes.set(project, (seen = counter));
  }
  return `${seen.count}:${project.stmt('PRAGMA data_version').pluck().get() as number}`;
}
