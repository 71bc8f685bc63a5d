/**
 * The speaker turn a coding starts in, as a join: the last turn of its
 * document starting at or before the coding, if the coding starts before
 * that turn ends. The subquery walks the turns index back once per coding;
 * reading every turn into memory to search it costs more than the codings.
 */
export function joinTurnOfCoding(coding: string, turn: string): string {
  return `LEFT JOIN turns ${turn} ON ${turn}.id = (SELECT id FROM turns WHERE document_id = ${coding}.document_id AND start <= ${coding}.start ORDER BY start DESC LIMIT 1) AND ${coding}.start < ${turn}."end"`;
}
