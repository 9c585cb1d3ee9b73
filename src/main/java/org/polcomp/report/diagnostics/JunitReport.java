package org.polcomp.report.diagnostics;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polcomp.diagnostic.Diagnostic;

/**
 * JUnit XML: one {@code testsuite}, one {@code testcase} per input file (a clean file passes), a
 * {@code failure} on each file with errors, its warnings in {@code system-out}. A diagnostic whose
 * file was not read as input (an unreadable directory, the codebook) gets a testcase of its own,
 * after the input files.
 *
 * <p>A testcase carries at most one {@code failure}: Jenkins' JUnit plugin shows only the first
 * and some parsers reject more. So the failure names the first error ({@code type} is its code)
 * and its text lists every error of the file, one text-format line each; {@code failures} counts
 * failing testcases, as JUnit does.
 */
final class JunitReport implements DiagnosticFormat.DiagnosticWriter {
  static final String SUITE = "polcomp validate";
  static final String CLASSNAME = "polcomp.validate";

  /** The diagnostics of one testcase. */
  private record Case(String file, List<Diagnostic> errors, List<Diagnostic> warnings) {}

  @Override
  public void write(List<Diagnostic> diagnostics, RunSummary s, Writer out) throws IOException {
    List<Case> cases = cases(diagnostics, s.fileNames());
    long failures = cases.stream().filter(c -> !c.errors().isEmpty()).count();
    StringBuilder b = new StringBuilder();
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    b.append("<testsuite name=\"").append(attr(SUITE)).append("\" tests=\"").append(cases.size())
        .append("\" failures=\"").append(failures)
        .append("\" errors=\"0\" skipped=\"0\">\n");
    for (Case c : cases) {
      b.append("  <testcase classname=\"").append(attr(CLASSNAME)).append("\" name=\"")
          .append(attr(c.file())).append("\" file=\"").append(attr(c.file())).append('"');
      if (c.errors().isEmpty() && c.warnings().isEmpty()) {
        b.append("/>\n");
        continue;
      }
      b.append(">\n");
      if (!c.errors().isEmpty()) {
        b.append("    <failure message=\"").append(attr(failureMessage(c.errors())))
            .append("\" type=\"").append(attr(c.errors().get(0).code().id())).append("\">")
            .append(text(lines(c.errors()))).append("</failure>\n");
      }
      if (!c.warnings().isEmpty()) {
        b.append("    <system-out>").append(text(lines(c.warnings())))
            .append("</system-out>\n");
      }
      b.append("  </testcase>\n");
    }
    b.append("</testsuite>\n");
    out.write(b.toString());
    out.flush();
  }

  /** The testcases: the input files in order, then any other file a diagnostic names. */
  private static List<Case> cases(List<Diagnostic> diagnostics, List<String> fileNames) {
    Map<String, Case> byFile = new LinkedHashMap<>();
    for (String f : fileNames) {
      byFile.putIfAbsent(f, new Case(f, new ArrayList<>(), new ArrayList<>()));
    }
    for (Diagnostic d : diagnostics) {
      Case c = byFile.computeIfAbsent(d.file(),
          f -> new Case(f, new ArrayList<>(), new ArrayList<>()));
      (d.isError() ? c.errors() : c.warnings()).add(d);
    }
    return List.copyOf(byFile.values());
  }

  /** The first error, and how many there are when more than one. */
  private static String failureMessage(List<Diagnostic> errors) {
    Diagnostic d = errors.get(0);
    String first = d.code().id() + " at " + d.line() + ":" + d.column() + ": " + d.located();
    return errors.size() == 1 ? first : errors.size() + " errors, the first: " + first;
  }

  /** The diagnostics as the text report writes them, hints included. */
  private static String lines(List<Diagnostic> diagnostics) {
    StringBuilder b = new StringBuilder();
    for (Diagnostic d : diagnostics) {
      b.append(TextReport.line(d)).append('\n');
      if (d.hint() != null) {
        b.append("    hint: ").append(d.hint()).append('\n');
      }
    }
    return b.toString();
  }

  /** Escapes element text; characters XML 1.0 cannot hold become U+FFFD. */
  static String text(String s) {
    return escape(s, false);
  }

  /** Escapes an attribute value; tabs and line breaks as references, so parsers keep them. */
  static String attr(String s) {
    return escape(s, true);
  }

  private static String escape(String s, boolean attribute) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        // '>' only matters in "]]>", but escaping it always is simpler and still valid.
        case '>' -> b.append("&gt;");
        case '"' -> b.append(attribute ? "&quot;" : "\"");
        case '\t' -> b.append(attribute ? "&#9;" : "\t");
        case '\n' -> b.append(attribute ? "&#10;" : "\n");
        // A raw CR would be read back as LF.
        case '\r' -> b.append("&#13;");
        default -> {
          if (isXmlChar(cp)) {
            b.appendCodePoint(cp);
          } else {
            b.append('\uFFFD');
          }
        }
      }
    }
    return b.toString();
  }

  /** The Char production of XML 1.0; a lone surrogate is not a character either. */
  private static boolean isXmlChar(int cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD
        || (cp >= 0x20 && cp <= 0xD7FF)
        || (cp >= 0xE000 && cp <= 0xFFFD)
        || (cp >= 0x10000 && cp <= 0x10FFFF);
  }
}
