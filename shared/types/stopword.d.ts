/** The part of the untyped `stopword` package Tematik uses: its word lists. */
declare module 'stopword' {
  export const ind: readonly string[];
  export const eng: readonly string[];
}
