package org.polcomp.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What polcomp knows of where it prints: whether standard output and standard error are
 * terminals, how wide a line may be and whether colour is wanted. Given to the run from outside,
 * so that what a run prints does not depend on how it was started.
 *
 * @param stdoutIsTerminal classify prints its table by default only to a terminal
 * @param stderrIsTerminal the progress bar shows only on a terminal
 * @param width the columns of a line, for views that cut text to fit (at least 60)
 * @param colour whether views may colour their text
 */
public record Terminal(
    boolean stdoutIsTerminal, boolean stderrIsTerminal, int width, boolean colour) {
  /** The width when nothing says otherwise. */
  public static final int DEFAULT_WIDTH = 120;

  /** Neither output is a terminal: what tests and pipes see. */
  public static final Terminal NONE = new Terminal(false, false, DEFAULT_WIDTH, false);

  public Terminal {
    if (width < 60) {
      throw new IllegalArgumentException("a terminal line has at least 60 columns: " + width);
    }
  }

  /** The terminal of this process, from the JVM's console, /proc and the environment. */
  public static Terminal detect() {
    // System.console() exists when standard input and output are both terminals, which is the
    // case where a person reads what classify prints.
    boolean stdout = System.console() != null;
    boolean stderr = stderrLinksToTerminal();
    Map<String, String> env = System.getenv();
    return new Terminal(stdout, stderr, width(env.get("COLUMNS")),
        stdout && env.get("NO_COLOR") == null && !"dumb".equals(env.get("TERM")));
  }

  /** The width a {@code COLUMNS} value gives: at least 60, 120 when unset or not a number. */
  static int width(String columns) {
    try {
      return columns == null ? DEFAULT_WIDTH : Math.max(60, Integer.parseInt(columns.trim()));
    } catch (NumberFormatException e) {
      return DEFAULT_WIDTH;
    }
  }

  /**
   * Java has no isatty for standard error; on Linux its file descriptor links to a terminal
   * device. Elsewhere we stay silent rather than guess.
   */
  static boolean stderrLinksToTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }
}
