package org.polcomp.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.polcomp.aggregate.Aggregator;
import org.polcomp.aggregate.ClassifiedMeasure;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.model.Dataset;
import org.polcomp.model.Measure;
import org.polcomp.model.Municipality;
import org.polcomp.report.AtomicFile;
import org.polcomp.report.Columns;
import org.polcomp.report.ComparisonReport;
import org.polcomp.report.CsvWriter;
import org.polcomp.report.JsonWriter;
import org.polcomp.report.Report;
import org.polcomp.report.Table;

/** What the data commands share after loading: comparisons, reports and where they go. */
final class Outputs {
  private Outputs() {}

  /** Writes text to a file (atomically) or to standard output. */
  static void text(Path output, String text, PrintWriter out) throws IOException {
    if (output != null) {
      AtomicFile.write(output, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
    } else {
      out.print(text);
      out.flush();
    }
  }

  /** The classified measures of a run, pairing the pipeline's classifications with measures. */
  static List<ClassifiedMeasure> classified(Pipeline.Loaded run) {
    List<ClassifiedMeasure> out = new ArrayList<>();
    int i = 0;
    for (Municipality m : run.dataset().municipalities()) {
      for (Measure measure : m.measures()) {
        out.add(new ClassifiedMeasure(m, measure, run.classifications().get(i++)));
      }
    }
    return out;
  }

  /** The warnings of a run (the issues table). */
  static List<Diagnostic> warnings(Pipeline.Loaded run) {
    return run.diagnostics().stream().filter(d -> !d.isError()).toList();
  }

  /** The SHA-256 over every input file's path and SHA-256, in path order. */
  static String inputsSha256(Dataset dataset) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Dataset.InputFile f : dataset.files()) {
        md.update((f.path() + "\t" + f.sha256() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** The classified measures active on {@code asOf} (all when it is null), in table order. */
  static List<ClassifiedMeasure> active(Pipeline.Loaded run, LocalDate asOf) {
    return Aggregator.active(run.dataset(), classified(run), asOf);
  }

  /**
   * {@code polcomp classify --format csv|json}: the measures table of OUTPUTS.md, built alone
   * rather than as part of a whole comparison.
   */
  static void measures(Pipeline.Loaded run, Table measures, AnalysisOptions analysis,
      String format, boolean rawCsv, Path output, PrintWriter out) throws IOException {
    Report report = new Report(Main.version(), ComparisonReport.options(analysis.asOf, null,
        run.codebook().name(), analysis.preferCoded, null), List.of(), List.of(measures),
        Columns.CODEBOOK.with(List.of()));
    AtomicFile.Body body = format.equals("csv")
        ? o -> new CsvWriter(rawCsv).write(measures, o)
        : o -> new JsonWriter().write(report, o);
    if (output != null) {
      AtomicFile.write(output, body);
    } else {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      body.writeTo(buf);
      out.print(buf.toString(StandardCharsets.UTF_8));
      out.flush();
    }
  }
}
