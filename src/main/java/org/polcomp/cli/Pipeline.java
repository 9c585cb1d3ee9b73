package org.polcomp.cli;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
   * classification of every measure in dataset order, and the diagnostics, sorted.
   */
  record Loaded(Codebook codebook, Dataset dataset, List<Classification> classifications,
      List<Diagnostic> diagnostics) {
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
    Validator validator = new Validator(codebook);
    DatasetLoader loader = new DatasetLoader(o.limits(), o.threads != 1, progress);
    DatasetLoader.Result r = loader.load(roots, (m, out) -> {
      validator.document(m, out);
      return withoutDetail(m);
    });
    diagnostics.addAll(r.diagnostics());
    validator.dataset(r.dataset().municipalities(), diagnostics::add);
    // Classification runs on every run, validate included: its warnings (W004, W005, W008)
    // belong to the dataset's diagnostics.
    // A file with errors gets none of them: they would only repeat its errors' consequences.
    Classifier classifier = new Classifier(codebook);
    java.util.Set<String> broken = new java.util.HashSet<>();
    for (Diagnostic d : diagnostics) {
      if (d.isError()) {
        broken.add(d.file());
      }
    }
    List<Classification> classifications = new ArrayList<>();
    for (Municipality m : r.dataset().municipalities()) {
      for (Measure measure : m.measures()) {
        Classification c = classifier.classify(measure);
        classifications.add(c);
        if (!broken.contains(m.file())) {
          ClassificationWarnings.report(measure, c, diagnostics::add);
        }
      }
    }
    diagnostics.sort(Diagnostic.ORDER);
    return new Loaded(codebook, r.dataset(), classifications, diagnostics);
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
