// The part of picomatch (v4, no bundled types) that analysis/config.ts uses: its POSIX entry, which matches `/`
// separators on every platform (config paths are always written with forward slashes).
declare module 'picomatch/posix' {
  export interface PicomatchOptions {
    /** Let `*` and `**` match names that start with a dot. */
    readonly dot?: boolean;
  }
  /** The regular expression of a glob; throws on a glob it cannot compile. */
  export function makeRe(glob: string, options?: PicomatchOptions): RegExp;
}
