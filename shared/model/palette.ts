/**
 * Default code colours: distinguishable on white, readable as a translucent
 * highlight under black text, and still distinct for the common forms of
 * colour blindness (adapted from the Okabe–Ito and Tol palettes).
 */
const codePalette = [
  '#e69f00',
  '#56b4e9',
  '#009e73',
  '#f0e442',
  '#0072b2',
  '#d55e00',
  '#cc79a7',
  '#882255',
  '#44aa99',
  '#999933',
  '#aa4499',
  '#6699cc',
] as const;

export function paletteColor(index: number): string {
  return codePalette[((index % codePalette.length) + codePalette.length) % codePalette.length]!;
}
