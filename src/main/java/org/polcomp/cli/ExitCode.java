package org.polcomp.cli;

import org.polcomp.run.Outcome;

/** The exit codes of every subcommand (CLI.md). */
public final class ExitCode {
  /** Success; for validate, no errors (warnings allowed unless --strict). */
  public static final int OK = 0;
  /** The data is invalid. */
  public static final int INVALID = 1;
  /** A usage error: unknown option, bad option value, missing path. */
  public static final int USAGE = 2;
  /** An input/output failure or an internal error. */
  public static final int IO = 3;

  private ExitCode() {}

  /** The exit code of a job that ran to its end. */
  static int of(Outcome outcome) {
    return switch (outcome) {
      case OK -> OK;
      case INVALID -> INVALID;
      case UNREADABLE -> IO;
    };
  }
}
