package org.polcomp.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.polcomp.classify.Classification;
import org.polcomp.classify.ClassificationWarnings;
import org.polcomp.classify.Classifier;
import org.polcomp.diagnostic.Code;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.load.CodebookLoader;
import org.polcomp.load.DatasetLoader;
import org.polcomp.load.Limits;
import org.polcomp.load.LineageLoader;
import org.polcomp.load.Progress;
import org.polcomp.load.ReadFiles;
import org.polcomp.model.Codebook;
import org.polcomp.model.Lineage;
import org.polcomp.model.Dataset;
import org.polcomp.model.Locations;
import org.polcomp.model.Measure;
import org.polcomp.model.Municipality;
import org.polcomp.model.PartialDate;
import org.polcomp.model.Vocabulary;
import org.polcomp.report.xlsx.Warmup;
import org.polcomp.validate.LineageCheck;
import org.polcomp.validate.Validator;

/**
 * The stages every data job runs first: codebook, load, validate, classify. Validation and
 * classification run per document, on the thread that read it, while the locations of every
 * value are at hand; the dataset keeps only what later stages need.
 */
final class Stages {
  /** The default dataset, read when a job is given no path. */
  static final Path DEFAULT_DATASET = Path.of("policies");

  private Stages() {}

  /**
   * What a run read: the codebook (null when the user's codebook is invalid), the dataset, the
   * classification of every measure in dataset order (empty unless {@link Keep#ALL}), the
   * diagnostics, sorted, the number of measures read (also when the dataset kept none) and the
   * files read, by identity.
   */
  record Loaded(Codebook codebook, Lineage lineage, Dataset dataset,
      List<Classification> classifications, List<Diagnostic> diagnostics, long measureCount,
      ReadFiles read) {
    boolean hasErrors() {
      return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    int errors() {
      return (int) diagnostics.stream().filter(Diagnostic::isError).count();
    }

    int warnings() {
      return diagnostics.size() - errors();
    }

    /**
     * How a run with errors ends: UNREADABLE when an input could not be read (E023, exit 3),
     * else INVALID.
     */
    Outcome failure() {
      return Stages.failure(diagnostics);
    }

    /** The warnings (the issues table of a comparison). */
    List<Diagnostic> warningList() {
      return diagnostics.stream().filter(d -> !d.isError()).toList();
    }
  }

  /** What a job needs of the dataset once it is checked. */
  enum Keep {
    /** Every measure and its classification (the classify table, explain). */
    ALL,
    /**
     * Only the counts and the diagnostics (validate, and the streaming jobs): the municipalities
     * keep no measures, so that a dataset of millions of measures needs little memory.
     */
    COUNTS
  }

  /**
   * What a streaming job does with each municipality as it is read: called on a reader thread
   * (several at once) with the municipality's place, the municipality the dataset keeps, the
   * whole municipality as read, and its measures' classifications in file order. Nothing of it
   * is kept unless the sink keeps it, so a job can handle a dataset larger than memory.
   */
  interface Sink {
    /** Called once, before the first municipality, with the codebook of the run. */
    void start(Codebook codebook);

    void accept(Place place, Municipality kept, Municipality read,
        List<Classification> classifications);

    /**
     * Whether the job records the SHA-256 of every input file (its report's provenance). Only
     * reports that say what they were made from need them; the other jobs are spared hashing
     * every byte they read, which was a sixth of validate's time with the quick compiler.
     */
    default boolean recordsInputs() {
      return false;
    }

    /**
     * Whether the job reads the classifications handed to {@link #accept}. A job that does not
     * (validate) is handed none, and only the classifications' warnings are made.
     */
    default boolean readsClassifications() {
      return true;
    }
  }

  /** A sink that keeps nothing. */
  static final Sink NO_SINK = new Sink() {
    @Override
    public void start(Codebook codebook) {}

    @Override
    public boolean readsClassifications() {
      return false;
    }

    @Override
    public void accept(Place place, Municipality kept, Municipality read,
        List<Classification> classifications) {}
  };

  /** The limits the options ask for. */
  static Limits limits(DatasetOptions o) {
    try {
      return Limits.of(o.maxFileBytes(), o.maxDepth(), o.maxString(), o.maxAliases());
    } catch (IllegalArgumentException e) {
      throw new UsageProblem(e.getMessage(), "--help lists each limit with its cap");
    }
  }

  /** The as-of date of the options (a partial date means its first day), or null. */
  static LocalDate asOf(AnalysisOptions o) {
    if (o.asOf() == null) {
      return null;
    }
    return PartialDate.parse(o.asOf()).map(PartialDate::first).orElseThrow(() -> new UsageProblem(
        "--as-of '" + o.asOf() + "' is not a date", PartialDate.hint(o.asOf())));
  }

  /** The default codebook. */
  static Codebook defaultCodebook() {
    return new CodebookLoader(Limits.DEFAULT).defaults();
  }

  /**
   * Loads, validates and classifies the dataset of the options, keeping what {@code keep} says
   * and handing every municipality to {@code sink} as it is read.
   */
  static Loaded load(DatasetOptions o, Progress progress, Keep keep, Sink sink) {
    return load(o, progress, keep, sink, false);
  }

  /**
   * As {@link #load(DatasetOptions, Progress, Keep, Sink)}; with {@code skipInvalid} (compare
   * --skip-invalid) the checks across files see only the files free of errors of their own, so
   * that a file that is left out anyway takes no municipality id from one that is kept.
   */
  static Loaded load(DatasetOptions o, Progress progress, Keep keep, Sink sink,
      boolean skipInvalid) {
    List<Path> roots = o.paths().isEmpty() ? List.of(DEFAULT_DATASET) : o.paths();
    for (Path p : roots) {
      requireExists(p);
    }
    Limits limits = limits(o);
    String threadsHint = "give 1 to " + DatasetOptions.MAX_THREADS + ", or 0 for every core";
    if (o.threads() < 0) {
      throw new UsageProblem("--threads " + o.threads() + " is not a number of threads",
          threadsHint);
    }
    if (o.threads() > DatasetOptions.MAX_THREADS) {
      throw new UsageProblem("--threads " + o.threads() + " is more than the "
          + DatasetOptions.MAX_THREADS + " threads polcomp can run", threadsHint);
    }
    List<Diagnostic> diagnostics = new ArrayList<>();
    // Started from the command line, a command has Preload reading the built-in codebook and
    // lineage (which a user's files build on) on another core already: these wait for it.
    Codebook codebook = codebook(o.codebook(), limits, diagnostics);
    Lineage lineage = lineage(o.lineage(), limits, diagnostics);
    if (codebook == null || lineage == null) {
      diagnostics.sort(Diagnostic.ORDER);
      return new Loaded(codebook, lineage, new Dataset(List.of(), List.of()), List.of(),
          diagnostics, 0, ReadFiles.NONE);
    }
    // A code without as_of is checked against the day of the run: it describes the present.
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    sink.start(codebook);
    Validator validator = new Validator(codebook);
    Classifier classifier = new Classifier(codebook);
    // Per municipality its classifications, and per file the classification warnings, which
    // stand only if the file turns out free of errors.
    Map<Place, List<Classification>> classified = new ConcurrentHashMap<>();
    Map<String, List<Diagnostic>> warnings = new ConcurrentHashMap<>();
    LongAdder measures = new LongAdder();
    boolean classifies = keep == Keep.ALL || sink.readsClassifications();
    DatasetLoader loader =
        new DatasetLoader(limits, o.threads() != 1, progress, sink.recordsInputs());
    codebook.vocabularies().values().forEach(loader::share);
    loader.share(Vocabulary.SCALES);
    loader.share(Vocabulary.DECLARED_DURATIONS);
    loader.share(Vocabulary.STATUSES);
    DatasetLoader.Result r = onThreads(o.threads(), () -> loader.load(roots, (file, m, out) -> {
      validator.document(m, out);
      LineageCheck.check(m, lineage, today, out);
      measures.add(m.measures().size());
      List<Classification> cs = new ArrayList<>(classifies ? m.measures().size() : 0);
      List<Diagnostic> ws = warnings.computeIfAbsent(m.file(),
          f -> Collections.synchronizedList(new ArrayList<>()));
      for (Measure measure : m.measures()) {
        if (classifies) {
          Classification c = classifier.classify(measure);
          cs.add(c);
          ClassificationWarnings.report(measure, c, ws::add);
        } else {
          classifier.warnings(measure, ws::add);
        }
      }
      Place place = new Place(file, m.document());
      Municipality kept = keep == Keep.ALL ? withoutDetail(m) : withoutMeasures(m);
      if (keep == Keep.ALL) {
        classified.put(place, cs);
      }
      sink.accept(place, kept, m, cs);
      return kept;
    }));
    diagnostics.addAll(r.diagnostics());
    List<Municipality> across = r.dataset().municipalities();
    if (skipInvalid) {
      Set<String> own = filesWithErrors(diagnostics);
      across = across.stream().filter(m -> !own.contains(m.file())).toList();
    }
    validator.dataset(across, diagnostics::add);
    // Classification runs on every run, validate included (which makes only its warnings, not
    // the reasons): its warnings (W004, W005, W008) belong to the dataset's diagnostics.
    // A file with errors gets none of them: they would only repeat its errors' consequences.
    Set<String> broken = filesWithErrors(diagnostics);
    warnings.forEach((file, ws) -> {
      if (!broken.contains(file)) {
        diagnostics.addAll(ws);
      }
    });
    List<Classification> classifications = new ArrayList<>();
    for (Place place : places(classified.keySet())) {
      classifications.addAll(classified.get(place));
    }
    diagnostics.sort(Diagnostic.ORDER);
    return new Loaded(codebook, lineage, r.dataset(), classifications, diagnostics,
        measures.sum(), r.read());
  }

  /** The files that the errors among {@code diagnostics} are placed in, by name. */
  static Set<String> filesWithErrors(List<Diagnostic> diagnostics) {
    Set<String> files = new HashSet<>();
    for (Diagnostic d : diagnostics) {
      if (d.isError()) {
        files.add(d.file());
      }
    }
    return files;
  }

  /**
   * The lineage table of the run: the built-in one, with the rows of the user's file when one is
   * given (null, with its diagnostics in {@code into}, when that file has errors).
   */
  static Lineage lineage(Path file, Limits limits, List<Diagnostic> into) {
    LineageLoader loader = new LineageLoader(limits);
    Lineage builtIn = loader.builtIn();
    if (file == null) {
      return builtIn;
    }
    requireExists(file);
    LineageLoader.Result r = loader.load(file, builtIn);
    into.addAll(r.diagnostics());
    return r.lineage();
  }

  /** The places in dataset order, which is the order of the dataset's municipalities. */
  static List<Place> places(Set<Place> places) {
    List<Place> sorted = new ArrayList<>(places);
    Collections.sort(sorted);
    return sorted;
  }

  /** The outcome of a run stopped by {@code diagnostics}: an input unread (E023), or invalid. */
  static Outcome failure(List<Diagnostic> diagnostics) {
    return diagnostics.stream().anyMatch(d -> d.code() == Code.E023) ? Outcome.UNREADABLE
        : Outcome.INVALID;
  }

  /**
   * The codebook of the options alone, for a job that reads no dataset (an empty template): null
   * when the user's codebook or lineage file is invalid, their diagnostics in {@code into}. The
   * lineage file is read too, though nothing here uses it, so that a bad one is refused with or
   * without a dataset.
   */
  static Codebook codebookOnly(DatasetOptions o, List<Diagnostic> into) {
    Limits limits = limits(o);
    List<Diagnostic> diagnostics = new ArrayList<>();
    Codebook codebook = codebook(o.codebook(), limits, diagnostics);
    Lineage lineage = lineage(o.lineage(), limits, diagnostics);
    diagnostics.sort(Diagnostic.ORDER);
    into.addAll(diagnostics);
    return lineage == null ? null : codebook;
  }

  /** The codebook at {@code file} (the default when null); its diagnostics go to {@code into}. */
  private static Codebook codebook(Path file, Limits limits, List<Diagnostic> into) {
    CodebookLoader loader = new CodebookLoader(limits);
    Codebook defaults = loader.defaults();
    if (file == null) {
      return defaults;
    }
    requireExists(file);
    CodebookLoader.Result r = loader.load(file, defaults);
    into.addAll(r.diagnostics());
    return r.codebook();
  }

  /**
   * Runs {@code work}, whose parallel work (the loader's files, parallel streams) then runs on
   * {@code threads} threads: 0 leaves it on the common pool (every core), 1 means the work reads
   * sequentially anyway.
   */
  static <T> T onThreads(int threads, Supplier<T> work) {
    if (threads <= 1) {
      return work.get();
    }
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      // The failure is carried out as thrown: a task's get() would hand back a copy of it.
      List<Object> result = new ArrayList<>(1);
      List<Throwable> failure = new ArrayList<>(1);
      pool.submit(() -> {
        try {
          result.add(work.get());
        } catch (RuntimeException | Error e) {
          failure.add(e);
        }
      }).join();
      if (!failure.isEmpty()) {
        Throwable e = failure.get(0);
        if (e instanceof Error error) {
          throw error;
        }
        throw (RuntimeException) e;
      }
      @SuppressWarnings("unchecked")
      T t = (T) result.get(0);
      return t;
    } finally {
      pool.shutdown();
    }
  }

  /**
   * The municipality without its measures and with only its own location (what the checks across
   * the dataset point at), for runs that only count or stream them: the map of where each value
   * stood is the bulk of a kept municipality.
   */
  static Municipality withoutMeasures(Municipality m) {
    return new Municipality(m.id(), m.name(), m.country(), m.region(), m.population(), m.type(),
        m.asOf(), List.of(), m.extensions(), m.file(), m.document(),
        Locations.of(m.locations().base()));
  }

  /**
   * The municipality with its measures' location maps dropped (each measure keeps the place of
   * its id): validation, the only stage that points inside a measure, has run by then, and the
   * maps are most of a large dataset's memory.
   */
  static Municipality withoutDetail(Municipality m) {
    List<Measure> measures = new ArrayList<>(m.measures().size());
    for (Measure measure : m.measures()) {
      measures.add(measure.withoutDetail());
    }
    return new Municipality(m.id(), m.name(), m.country(), m.region(), m.population(), m.type(),
        m.asOf(), measures, m.extensions(), m.file(), m.document(), m.locations());
  }

  /**
   * Starts readying POI for a workbook ({@link Warmup}) when the dataset is small, and Java's
   * font metrics for any dataset. The workbook's thread uses the core that reading a small
   * dataset leaves idle; on a large one both cores read, and that warmup only takes from them
   * (compare of 2,000 municipalities to XLSX, 22 MB: half a CPU-second more with it, a
   * quarter-second longer). The fonts are a tenth of a second that the first sheet otherwise
   * waits for on the one thread that writes the workbook, and cost the readers less than that
   * (compare of 2,000 to XLSX, async-profiler wall clock of the main thread: 6 ms in the font
   * code instead of 50 to 96 ms, the load as long as before).
   */
  static void warmWorkbook(DatasetOptions o) {
    if (smallerThan(o, WARMUP_BELOW)) {
      Warmup.start();
    } else {
      Warmup.startFonts();
    }
  }

  // the dataset size up to which a workbook run warms POI up first
  static final long WARMUP_BELOW = 8L << 20;

  /**
   * Whether the dataset of the options holds fewer than {@code bytes} bytes of files: a walk that
   * stops at the limit, so a large dataset costs milliseconds. A path it cannot walk counts as
   * nothing; the loader reports it.
   */
  static boolean smallerThan(DatasetOptions o, long bytes) {
    List<Path> roots = o.paths().isEmpty() ? List.of(DEFAULT_DATASET) : o.paths();
    long total = 0;
    for (Path root : roots) {
      try (var files = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
        Iterator<Path> it = files.iterator();
        while (it.hasNext() && total < bytes) {
          Path p = it.next();
          if (Files.isRegularFile(p)) {
            total += Files.size(p);
          }
        }
      } catch (IOException | UncheckedIOException e) {
        // unreadable: the loader says so, with its place
      }
      if (total >= bytes) {
        return false;
      }
    }
    return true;
  }

  /**
   * A usage problem unless {@code p} exists (a dangling link exists). An empty string is no path,
   * though Java reads it as the current folder: given as PATH it would read that whole folder.
   */
  static void requireExists(Path p) {
    if (p.toString().isEmpty()) {
      throw new UsageProblem("an empty string is not a path",
          "name a file or folder, or . for the current folder");
    }
    String why = DatasetLoader.whyUnreadable(p);
    if (why != null) {
      throw new UsageProblem(why + ": " + DatasetLoader.display(p),
          p.equals(DEFAULT_DATASET)
              ? "run polcomp from the project folder, or name the dataset's path"
              : DatasetLoader.unopenableName(p.toString()) ? DatasetLoader.unopenableNameHint()
              : "check the path");
    }
  }
}
