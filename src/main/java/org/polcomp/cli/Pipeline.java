package org.polcomp.cli;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.polcomp.classify.Classification;
import org.polcomp.classify.ClassificationWarnings;
import org.polcomp.classify.Classifier;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.load.CodebookLoader;
import org.polcomp.load.DatasetLoader;
import org.polcomp.load.Limits;
import org.polcomp.load.Progress;
import org.polcomp.model.Codebook;
import org.polcomp.model.Dataset;
import org.polcomp.model.Locations;
import org.polcomp.model.Measure;
import org.polcomp.model.Municipality;
import org.polcomp.validate.Validator;

/**
 * The stages every data command runs first: codebook, load, validate. Validation runs per
 * document while the locations of every value are at hand, and the dataset keeps only what later
 * stages need.
 */
final class Pipeline {
  /** The default dataset, read when a command is given no path. */
  static final Path DEFAULT_DATASET = Path.of("policies");

  private Pipeline() {}

  /**
   * What a run read: the codebook (null when the user's codebook is invalid), the dataset, the
   * classification of every measure in dataset order, the diagnostics, sorted, and the number of
   * measures read (also when the dataset was not kept, see {@link Keep}).
   */
  record Loaded(Codebook codebook, Dataset dataset, List<Classification> classifications,
      List<Diagnostic> diagnostics, long measureCount) {
    Loaded(Codebook codebook, Dataset dataset, List<Classification> classifications,
        List<Diagnostic> diagnostics) {
      this(codebook, dataset, classifications, diagnostics, dataset.measureCount());
    }

    boolean hasErrors() {
      return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    int errors() {
      return (int) diagnostics.stream().filter(Diagnostic::isError).count();
    }

    int warnings() {
      return diagnostics.size() - errors();
    }
  }

  /** What a command needs of the dataset once it is checked. */
  enum Keep {
    /** Every measure and its classification (classify, compare, explain). */
    ALL,
    /**
     * Only the counts and the diagnostics (validate): the municipalities keep no measures, so
     * that checking a dataset of millions of measures needs little memory.
     */
    COUNTS
  }

  /**
   * What a streaming command does with each municipality as it is read: called on a reader
   * thread (several at once) with the municipality the dataset keeps, the whole municipality as
   * read, and its measures' classifications in file order. Nothing of it is kept unless the sink
   * keeps it, so a command can handle a dataset larger than memory.
   */
  interface Sink {
    /** Called once, before the first municipality, with the codebook of the run. */
    void start(Codebook codebook);

    void accept(Municipality kept, Municipality read, List<Classification> classifications);
  }

  /** The codebook the options ask for; diagnostics of a user codebook go to {@code into}. */
  static Codebook codebook(CommonOptions o, List<Diagnostic> into) {
    Limits limits = o.limits();
    CodebookLoader loader = new CodebookLoader(limits);
    Codebook defaults = loader.defaults();
    if (o.codebook == null) {
      return defaults;
    }
    requireExists(o.codebook);
    CodebookLoader.Result r = loader.load(o.codebook, defaults);
    into.addAll(r.diagnostics());
    return r.codebook();
  }

  /** Loads and validates the dataset under {@code paths} (the default dataset when empty). */
  static Loaded load(CommonOptions o, List<Path> paths) {
    return load(o, paths, Progress.NONE);
  }

  /** As {@link #load(CommonOptions, List)}, telling {@code progress} how far reading is. */
  static Loaded load(CommonOptions o, List<Path> paths, Progress progress) {
    return load(o, paths, progress, Keep.ALL);
  }

  /**
   * Loads, validates and classifies the dataset under {@code paths}, keeping what {@code keep}
   * says. Validation and classification run per document while files are read in parallel.
   */
  static Loaded load(CommonOptions o, List<Path> paths, Progress progress, Keep keep) {
    return load(o, paths, progress, keep, null);
  }

  /**
   * As {@link #load(CommonOptions, List, Progress, Keep)}, handing every municipality to {@code
   * sink} (when not null) as it is read.
   */
  static Loaded load(CommonOptions o, List<Path> paths, Progress progress, Keep keep,
      Sink sink) {
    List<Path> roots = paths == null || paths.isEmpty() ? List.of(DEFAULT_DATASET) : paths;
    for (Path p : roots) {
      requireExists(p);
    }
    List<Diagnostic> diagnostics = new ArrayList<>();
    Codebook codebook = codebook(o, diagnostics);
    if (codebook == null) {
      diagnostics.sort(Diagnostic.ORDER);
      return new Loaded(null, new Dataset(List.of(), List.of()), List.of(), diagnostics);
    }
    if (sink != null) {
      sink.start(codebook);
    }
    Validator validator = new Validator(codebook);
    Classifier classifier = new Classifier(codebook);
    // Per municipality (by identity: records compare by value) its classifications, and per file
    // the classification warnings, which stand only if the file turns out free of errors.
    Map<Municipality, List<Classification>> classified =
        Collections.synchronizedMap(new IdentityHashMap<>());
    Map<String, List<Diagnostic>> warnings = new ConcurrentHashMap<>();
    LongAdder measures = new LongAdder();
    DatasetLoader loader = new DatasetLoader(o.limits(), o.threads != 1, progress);
    DatasetLoader.Result r = loader.load(roots, (m, out) -> {
      validator.document(m, out);
      measures.add(m.measures().size());
      List<Classification> cs = new ArrayList<>(m.measures().size());
      List<Diagnostic> ws = warnings.computeIfAbsent(m.file(),
          f -> Collections.synchronizedList(new ArrayList<>()));
      for (Measure measure : m.measures()) {
        Classification c = classifier.classify(measure);
        cs.add(c);
        ClassificationWarnings.report(measure, c, ws::add);
      }
      Municipality kept = keep == Keep.ALL ? withoutDetail(m) : withoutMeasures(m);
      if (keep == Keep.ALL) {
        classified.put(kept, cs);
      }
      if (sink != null) {
        sink.accept(kept, m, cs);
      }
      return kept;
    });
    diagnostics.addAll(r.diagnostics());
    validator.dataset(r.dataset().municipalities(), diagnostics::add);
    // Classification runs on every run, validate included: its warnings (W004, W005, W008)
    // belong to the dataset's diagnostics.
    // A file with errors gets none of them: they would only repeat its errors' consequences.
    Set<String> broken = new HashSet<>();
    for (Diagnostic d : diagnostics) {
      if (d.isError()) {
        broken.add(d.file());
      }
    }
    warnings.forEach((file, ws) -> {
      if (!broken.contains(file)) {
        diagnostics.addAll(ws);
      }
    });
    List<Classification> classifications = new ArrayList<>();
    for (Municipality m : r.dataset().municipalities()) {
      classifications.addAll(classified.getOrDefault(m, List.of()));
    }
    diagnostics.sort(Diagnostic.ORDER);
    return new Loaded(codebook, r.dataset(), classifications, diagnostics, measures.sum());
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

  static void requireExists(Path p) {
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      throw new UsageException("no such file or directory: " + DatasetLoader.display(p),
          p.equals(DEFAULT_DATASET)
              ? "run polcomp from the project folder, or name the dataset's path"
              : "check the path");
    }
  }
}
