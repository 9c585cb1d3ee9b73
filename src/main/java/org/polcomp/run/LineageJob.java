package org.polcomp.run;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.load.Limits;
import org.polcomp.model.Lineage;
import org.polcomp.model.LineageEntry;

/** {@code polcomp lineage}: prints the municipality lineage table in use. */
public final class LineageJob {
  private LineageJob() {}

  /** The columns of the printed table, in order. */
  public static final List<String> COLUMNS =
      List.of("code", "name", "valid_from", "valid_to", "successor", "source");

  /** The formats of the table; a name without a known extension gets text. */
  static final OutputTarget.Formats FORMATS =
      new OutputTarget.Formats(List.of("text", "csv"), "text", null, "text");

  /**
   * What lineage is asked.
   *
   * @param lineage a user lineage file on top of the built-in table, or null
   * @param format text or csv, or null to follow the output's name
   * @param output the file to write, or null (or -) for standard output
   */
  public record Options(Path lineage, String format, Path output) {}

  /** Prints the table; INVALID (with the file's diagnostics) when the user's file has errors. */
  public static Outcome run(Options o, Console console) throws IOException {
    if (o.lineage() != null) {
      Outputs.refuseInput(o.output(), List.of(o.lineage()));
    }
    OutputTarget target = OutputTarget.resolve(o.output(), o.format(), FORMATS);
    List<Diagnostic> diagnostics = new ArrayList<>();
    Lineage lineage = Stages.lineage(o.lineage(), Limits.DEFAULT, diagnostics);
    if (lineage == null) {
      Outputs.invalid(diagnostics, console.err());
      return Outcome.INVALID;
    }
    String text = target.format().equals("csv") ? csv(lineage) : text(lineage);
    Outputs.text(target.path(), text, console.out());
    return Outcome.OK;
  }

  private static List<String> cells(LineageEntry e) {
    return List.of(e.code(), e.name(), day(e.validFrom()), day(e.validTo()),
        e.successor() == null ? "" : e.successor(), e.source());
  }

  private static String day(LocalDate d) {
    return d == null ? "" : d.toString();
  }

  private static String csv(Lineage lineage) throws IOException {
    // the format prints itself: CSVPrinter's class file names an annotation that is not on the
    // class path, which the -Werror build refuses
    CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
    StringWriter w = new StringWriter();
    format.printRecord(w, COLUMNS.toArray());
    for (LineageEntry e : lineage.entries()) {
      format.printRecord(w, cells(e).toArray());
    }
    return w.toString();
  }

  /** Aligned columns, the source last and unpadded (it is long and varies). */
  private static String text(Lineage lineage) {
    int[] width = new int[COLUMNS.size() - 1];
    for (int i = 0; i < width.length; i++) {
      width[i] = COLUMNS.get(i).length();
    }
    for (LineageEntry e : lineage.entries()) {
      List<String> c = cells(e);
      for (int i = 0; i < width.length; i++) {
        width[i] = Math.max(width[i], c.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, COLUMNS.stream().map(s -> s.toUpperCase(Locale.ROOT)).toList(), width);
    for (LineageEntry e : lineage.entries()) {
      line(out, cells(e), width);
    }
    out.append(lineage.size()).append(" codes\n");
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells, int[] width) {
    for (int i = 0; i < width.length; i++) {
      String c = cells.get(i);
      out.append(c).append(" ".repeat(width[i] - c.length() + 2));
    }
    out.append(cells.get(width.length)).append('\n');
  }
}
