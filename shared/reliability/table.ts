/**
 * Reliability data from a CSV the researcher brings: a header row, then one
 * row per unit with its ID in the first column and one column per coder.
 * Empty cells are missing values. Problems are reported with the file name
 * and, where there is one, the line.
 */
import Papa from 'papaparse';
import { AppError } from '../api/errors';
import type { Ratings } from './ratings';

export interface ReliabilityTable {
  units: string[];
  coders: string[];
  ratings: Ratings;
}

export function parseReliabilityCsv(fileName: string, content: string): ReliabilityTable {
  const parsed = Papa.parse<string[]>(content.replace(/^\ufeff/, ''), { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t'] });
  const [header, ...rows] = parsed.data;
  if (!header || rows.length === 0) throw new AppError('reliability_empty', { file: fileName });
  if (header.length < 3) throw new AppError('reliability_columns', { file: fileName, columns: header.length });
  const seen = new Set<string>();
  const units: string[] = [];
  const ratings = rows.map((row, i) => {
    const unit = (row[0] ?? '').trim();
    if (seen.has(unit)) throw new AppError('reliability_duplicate', { file: fileName, line: i + 2, unit });
    seen.add(unit);
    units.push(unit);
    return header.slice(1).map((_, c) => {
      const value = (row[c + 1] ?? '').trim();
      return value === '' ? null : value;
    });
  });
  return { units, coders: header.slice(1).map((h) => h.trim()), ratings };
}
