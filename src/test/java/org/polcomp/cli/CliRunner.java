package org.polcomp.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs polcomp in-process and parses its text diagnostics, for tests. */
public final class CliRunner {
  private static final Pattern LINE =
      Pattern.compile("^(.+?):(\\d+):(\\d+): (error|warning)\\[([EW]\\d{3})\\]: .*$");
  /** A diagnostic at a cell of a workbook: {@code FILE:Sheet!E12: error[E011]: ...}. */
  private static final Pattern CELL =
      Pattern.compile("^(.+?):([A-Za-z0-9_]+|'[^']+')!([A-Z]+\\d+): (error|warning)"
          + "\\[([EW]\\d{3})\\]: .*$");

  private CliRunner() {}

  /** The outcome of one run. */
  public record Result(int exit, String out, String err) {
    /** The diagnostics of a text report, as "file:line:CODE" strings. */
    public List<String> diagnostics() {
      List<String> found = new ArrayList<>();
      for (String l : out.split("\n")) {
        Matcher m = LINE.matcher(l);
        Matcher c = CELL.matcher(l);
        if (m.matches()) {
          found.add(m.group(1) + ":" + m.group(2) + ":" + m.group(5));
        } else if (c.matches()) {
          found.add(c.group(1) + ":" + c.group(2) + "!" + c.group(3) + ":" + c.group(5));
        }
      }
      return found;
    }

    /** The diagnostics of a text report, as "file:line:column:CODE" strings. */
    public List<String> located() {
      List<String> found = new ArrayList<>();
      for (String l : out.split("\n")) {
        Matcher m = LINE.matcher(l);
        Matcher c = CELL.matcher(l);
        if (m.matches()) {
          found.add(m.group(1) + ":" + m.group(2) + ":" + m.group(3) + ":" + m.group(5));
        } else if (c.matches()) {
          found.add(c.group(1) + ":" + c.group(2) + "!" + c.group(3) + ":" + c.group(5));
        }
      }
      return found;
    }

    /** The codes of a text report in order. */
    public List<String> codes() {
      return diagnostics().stream().map(s -> s.substring(s.lastIndexOf(':') + 1)).toList();
    }
  }

  /** Runs {@code polcomp args...} and captures what it prints. */
  public static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = new Main(new PrintWriter(out), new PrintWriter(err)).run(args);
    return new Result(code, out.toString(), err.toString());
  }
}
