/** The `code` of each rule an account request can break (besides the shared ErrorCode ones). */
export enum UserErrorCode {
  /** 409: the home faculty is set once by the student; afterwards only staff change it. */
  HOME_FACULTY_LOCKED = 'HOME_FACULTY_LOCKED',
}
