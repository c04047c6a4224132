/** A line of an imported file that was not created because the mobility exists already. */
export class ImportDuplicate {
  line: number;
  email: string;
  academicYear: string;
  term: string;
  /** An existing mobility with the same email, academic year and term... */
  existingId: string | null;
  /** ...or an earlier line of the same file. */
  sameAsLine: number | null;
}

export class ImportResultResponse {
  /** How many mobilities the file created. */
  created: number;
  duplicates: ImportDuplicate[];
}
