// The one function of the `diff` package (jsdiff, 7.x ships no types) the CLI uses; see its README.
declare module 'diff' {
  /** A unified diff of two texts: a `===` line, `--- old\theader`, `+++ new\theader`, then the hunks. */
  export function createTwoFilesPatch(oldFileName: string, newFileName: string, oldStr: string, newStr: string, oldHeader?: string, newHeader?: string, options?: { context?: number }): string;
}
