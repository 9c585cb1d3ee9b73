package org.polcomp.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.polcomp.aggregate.ClassifiedMeasure;
import org.polcomp.classify.Classification;
import org.polcomp.classify.Reason;
import org.polcomp.load.DatasetLoader;
import org.polcomp.model.Codebook;
import org.polcomp.model.Majority;
import org.polcomp.model.Measure;
import org.polcomp.model.Municipality;
import org.polcomp.model.Targeting;
import org.polcomp.report.ComparisonReport;
import org.polcomp.report.CsvWriter;
import org.polcomp.report.JsonWriter;
import org.polcomp.report.Report;
import org.polcomp.report.ReportWriter;
import org.polcomp.report.SensitivityReport;
import org.polcomp.report.xlsx.XlsxWriter;
import org.polcomp.sensitivity.Analysis;
import org.polcomp.sensitivity.Evidence;
import org.polcomp.sensitivity.Result;
import org.polcomp.sensitivity.Settings;
import org.polcomp.sensitivity.SummaryRow;
import org.polcomp.sensitivity.Unit;

/**
 * {@code polcomp sensitivity}: how robust the classification is to the codebook's weights, as
 * XLSX, CSV or JSON. The dataset is read once, keeping per measure only its evidence
 * ({@link Evidence}); the samples are then classified from that, in parallel.
 */
public final class SensitivityJob {
  private SensitivityJob() {}

  /**
   * What sensitivity is asked.
   *
   * @param output FILE.xlsx, FILE.json, or a directory for CSV files
   * @param format xlsx, json or csv (any case), or null to follow the output's name
   * @param samples the number of random codebooks
   * @param seed the seed of the generator
   * @param range R: each weight varies by max(1, R x |weight|)
   * @param commandLine the command line as the About sheet records it
   * @param force write a workbook to standard output even when it is a terminal
   */
  public record Options(DatasetOptions dataset, AnalysisOptions analysis, Path output,
      String format, int samples, long seed, double range, String commandLine, boolean force) {}

  /** The largest {@code --range} ({@link Settings#MAX_RANGE} says why). */
  public static final double MAX_RANGE = Settings.MAX_RANGE;

  /**
   * The formats sensitivity writes; csv is a folder of files. Not compare's html and datapackage:
   * its writers know only a comparison's tables.
   */
  public static final OutputTarget.Formats FORMATS = new OutputTarget.Formats(
      List.of("xlsx", "json", "csv"), null, "csv", null);

  /** Analyses the dataset and writes the report; INVALID on errors. */
  public static Outcome run(Options o, Console console) throws IOException {
    Outputs.refuseInput(o.output(), o.dataset());
    OutputTarget target = OutputTarget.resolve(o.output(), o.format(), FORMATS);
    String format = target.format();
    target.refuseWorkbookOnTerminal(console, o.force());
    if (format.equals("xlsx")) {
      // POI's classes are readied beside the reading of a small dataset (Warmup)
      Stages.warmWorkbook(o.dataset());
    }
    if (o.samples() < 1) {
      throw new UsageProblem("--samples " + o.samples() + " is not a number of samples",
          "give 1 or more (default 1000)");
    }
    if (!(o.range() >= 0) || !Double.isFinite(o.range())) {
      throw new UsageProblem(
          "--range " + UsageProblem.number(o.range()) + " is not a number 0 or more",
          "give a fraction of each weight, such as 0.5 (the default)");
    }
    if (o.range() > Settings.MAX_RANGE) {
      throw new UsageProblem("--range " + UsageProblem.number(o.range()) + " is more than "
          + Reason.format(Settings.MAX_RANGE), "give a fraction of each weight from 0 to "
          + Reason.format(Settings.MAX_RANGE) + ", such as 0.5 (the default): a larger range"
          + " would only leave each weight's sign to chance");
    }
    Collector collector =
        new Collector(Stages.asOf(o.analysis()), o.analysis().preferCoded());
    Stages.Loaded run = Stages.load(o.dataset(),
        ProgressBar.forStderr(console, o.dataset().quiet()), Stages.Keep.COUNTS, collector);
    if (run.hasErrors()) {
      Outputs.invalid(run.diagnostics(), console.err());
      return run.failure();
    }
    Settings settings = new Settings(o.samples(), o.seed(), o.range());
    Result result = Stages.onThreads(o.dataset().threads(),
        () -> Analysis.run(run.codebook(), collector.units(), settings));
    Report report = SensitivityReport.of(result, run.codebook(), runInfo(o, run));
    Outputs.refuseInput(target.path(), run.read());
    if (target.stdout()) {
      console.writeBytes(out -> {
        if (format.equals("xlsx")) {
          new XlsxWriter().write(report, out);
        } else {
          new JsonWriter().write(report, out);
        }
      });
      return Outcome.OK;
    }
    ReportWriter writer = switch (format) {
      case "xlsx" -> new XlsxWriter();
      case "json" -> new JsonWriter();
      default -> new CsvWriter(false);
    };
    writer.write(report, target.path());
    if (!o.dataset().quiet()) {
      summary(result.summary(), DatasetLoader.display(target.path()), console.out());
    }
    return Outcome.OK;
  }

  private static void summary(SummaryRow s, String where, PrintWriter out) {
    out.printf(Locale.ROOT, "%,d samples: %,d of %,d measures and %,d of %,d municipalities keep"
        + " their labels in at least 95%% of them; wrote %s%n", s.samples(), s.measuresStable(),
        s.measures(), s.municipalitiesStable(), s.municipalities(), where);
    out.flush();
  }

  /** What the About sheet and the JSON header say of the run. */
  private static ComparisonReport.RunInfo runInfo(Options o, Stages.Loaded run)
      throws IOException {
    String codebook = o.dataset().codebook() == null ? "default"
        : DatasetLoader.display(o.dataset().codebook());
    return new ComparisonReport.RunInfo(Version.current(), o.commandLine(),
        SensitivityReport.options(o.analysis().asOf(), codebook, o.analysis().preferCoded(),
            o.samples(), o.seed(), o.range()),
        run.dataset().files().size(), Outputs.inputsSha256(run.dataset(), o.dataset()));
  }

  /**
   * Keeps of each municipality, as it is read, what the analysis needs: its counted measures'
   * evidence, ids and scores, and the targeting side of its profile.
   */
  private static final class Collector implements Stages.Sink {
    private final LocalDate asOf;
    private final boolean preferCoded;
    private final Queue<Unit> units = new ConcurrentLinkedQueue<>();
    private Evidence.Reader reader;

    Collector(LocalDate asOf, boolean preferCoded) {
      this.asOf = asOf;
      this.preferCoded = preferCoded;
    }

    // the report's About names the inputs by hash
    @Override
    public boolean recordsInputs() {
      return true;
    }

    @Override
    public void start(Codebook codebook) {
      reader = new Evidence.Reader(codebook);
    }

    @Override
    public void accept(Place place, Municipality kept, Municipality read,
        List<Classification> classifications) {
      List<Unit.Item> items = new ArrayList<>(read.measures().size());
      long mainstreamed = 0;
      long targetGroup = 0;
      for (int i = 0; i < read.measures().size(); i++) {
        Measure m = read.measures().get(i);
        if (asOf != null && !m.period().activeOn(asOf)) {
          continue;
        }
        ClassifiedMeasure cm = new ClassifiedMeasure(read, m, classifications.get(i));
        Targeting t = cm.targeting(preferCoded);
        mainstreamed += t == Targeting.MAINSTREAMED ? 1 : 0;
        targetGroup += t == Targeting.TARGET_GROUP ? 1 : 0;
        // --prefer-coded: the majority of the human codes holds the duration (a tie: the rules)
        items.add(new Unit.Item(m.id(), m.title(), classifications.get(i).durationScore(),
            reader.read(m), preferCoded ? Majority.duration(m.codings()) : null));
      }
      String side = mainstreamed + targetGroup == 0 ? "unclassified"
          : mainstreamed > targetGroup ? "mainstreamed"
          : mainstreamed < targetGroup ? "target-group" : "balanced";
      units.add(new Unit(read.id(), read.name(), side, items));
    }

    List<Unit> units() {
      return List.copyOf(units);
    }
  }
}
