/** A data row an import rejected: its line (the header is line 1), the field at fault, the value and why. */
export type Rejection = { line: number; field: string; value: string; reason: string };
