package org.polcomp.run;

/** How a job ended, when it ran to its end (usage problems and failures are thrown). */
public enum Outcome {
  /** Done; for validate, no errors (warnings allowed unless --strict). */
  OK,
  /** The data is invalid: the diagnostics are printed and nothing else was written. */
  INVALID,
  /**
   * An input could not be read (an I/O error, a path that is no regular file: E023): the
   * diagnostics are printed and nothing else was written. An input/output failure, not bad data.
   */
  UNREADABLE
}
