/** What every importer turns a file into. */

export interface ParsedTurn {
  speaker: string;
  /** UTF-16 offsets into `text`: the turn, and where its spoken text begins (after the label). */
  start: number;
  contentStart: number;
  end: number;
  timeStartMs: number | null;
  timeEndMs: number | null;
}

export interface ParsedDocument {
  /** Normalised text: no BOM, `\n` line endings. */
  text: string;
  /** Short name of the format, shown in the document's import details. */
  format: string;
  /** What the importer found worth telling the researcher (encoding, pages, cues…). */
  details: Record<string, string | number>;
  /** Turns the format itself marks (subtitle cues); otherwise speakers are detected from the text. */
  turns?: ParsedTurn[];
  /**
   * The text's UTF-8, when the file held exactly that (strict UTF-8, no
   * byte-order mark, no carriage returns): stored, hashed and searched for
   * speaker labels as it is, so that `text` need not be made at all.
   */
  utf8?: Uint8Array;
}

export interface Importer {
  id: string;
  /** Lower-case extensions without the dot, used when no importer claims the content. */
  extensions: readonly string[];
  /** True if the bytes are unmistakably this importer's format (magic numbers, headers). */
  sniff?(bytes: Uint8Array): boolean;
  parse(bytes: Uint8Array, fileName: string): Promise<ParsedDocument> | ParsedDocument;
}

/** Limits that keep any input from exhausting memory. */
export const importLimits = {
  /** Largest file read at all. */
  fileBytes: 200 * 1024 * 1024,
  /** Most bytes a compressed container (docx, odt) may expand to. */
  unpackedBytes: 128 * 1024 * 1024,
  /** Most entries in a compressed container. */
  archiveEntries: 5_000,
  /** Most characters of text one document may hold. */
  textChars: 50 * 1024 * 1024,
};
