/** What every importer turns a file into: the text as Tematik stores it. */
export interface ParsedDocument {
  /** Normalised text: no BOM, `\n` line endings. */
  text: string;
}

export interface Importer {
  id: string;
  /** Lower-case extensions without the dot, used when no importer claims the content. */
  extensions: readonly string[];
  /** True if the bytes are unmistakably this importer's format (magic numbers, markup). */
  sniff?(bytes: Uint8Array): boolean;
  parse(bytes: Uint8Array, fileName: string): Promise<ParsedDocument> | ParsedDocument;
}
