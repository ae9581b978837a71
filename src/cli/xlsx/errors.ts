/**
 * Why a workbook could not be read, as a kind the CLI turns into a translated one-line message. The detail is a part
 * name or a sheet list from the file itself, never the text of a JavaScript or library error.
 */
export type XlsxProblem =
  /** An old binary Excel / WPS workbook (.xls, .et): BIFF inside an OLE container. */
  | 'xls'
  /** An OpenDocument spreadsheet (.ods, or flat .fods XML). */
  | 'ods'
  /** A password-protected workbook (OOXML encrypted into an OLE container, or encrypted zip entries). */
  | 'encrypted'
  /** Plain text (CSV, TSV) saved with an .xlsx name. */
  | 'text'
  /** An empty file. */
  | 'empty'
  /** Some other kind of file. */
  | 'unknown'
  /** A zip that is not a usable workbook, or a part that is not well-formed XML. */
  | 'damaged';

export class XlsxError extends Error {
  constructor(
    readonly problem: XlsxProblem,
    /** The part (e.g. xl/worksheets/sheet1.xml) where it went wrong, when there is one. */
    readonly part = '',
  ) {
    super(part ? `${problem}: ${part}` : problem);
  }
}
