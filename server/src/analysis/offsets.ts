// The bottom of the core: offsets into a document and problems found in it. Every layer, the HCL syntax tree
// included, builds on these (types.ts re-exports them; import them from there unless you are below types.ts).

/** Half-open offset range [start, end) into the document text. */
export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

export type Severity = 'error' | 'warning' | 'info';

/** Something wrong with the input itself (syntax, unsupported construct), not a security finding. */
export interface Problem {
  readonly message: string;
  readonly range: OffsetRange;
  readonly severity: Severity;
}
