package org.polcomp.cli;

import java.nio.file.Path;
import java.util.List;
import org.polcomp.load.Limits;
import org.polcomp.run.DatasetOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Options that every command reading a dataset shares, added to its model (see {@link Specs}). */
final class DatasetMixin {
  private final OptionSpec codebook;
  private final OptionSpec lineage;
  private final OptionSpec quiet;
  private final OptionSpec debug;
  private final OptionSpec threads;
  private final OptionSpec maxFileBytes;
  private final OptionSpec maxDepth;
  private final OptionSpec maxString;
  private final OptionSpec maxAliases;

  DatasetMixin(CommandSpec spec) {
    codebook = Specs.option(spec, Path.class, "FILE",
        "A codebook that replaces or extends the default (see 'polcomp codebook').",
        "--codebook");
    lineage = Specs.option(spec, Path.class, "FILE",
        "A lineage file of municipality codes that adds to or replaces rows of the"
            + " built-in Dutch table (see 'polcomp lineage').",
        "--lineage");
    quiet = Specs.flag(spec, "Print nothing but errors.", "-q", "--quiet");
    // Main reads it from the parse result: an internal error can happen before any option record
    // exists.
    debug = Specs.flag(spec, "Show stack traces of internal errors.", "--debug");
    threads = Specs.number(spec, int.class, "N", "0", 0, DatasetOptions.MAX_THREADS,
        "Read files on N threads; 1 reads them one at a time, 0 (the default) on every core;"
            + " at most " + DatasetOptions.MAX_THREADS + ".",
        "--threads");
    maxFileBytes = Specs.number(spec, long.class, "BYTES", "16777216", 1,
        Limits.MAX_FILE_BYTES,
        "Largest policy file read (default: ${DEFAULT-VALUE}, 16 MiB; at most 268435456,"
            + " 256 MiB).",
        "--max-file-size");
    maxDepth = Specs.number(spec, int.class, "N", "64", 1, Limits.MAX_DEPTH,
        "Deepest nesting of maps and lists (default: ${DEFAULT-VALUE}; at most 1000).",
        "--max-depth");
    maxString = Specs.number(spec, int.class, "CHARS", "32767", 1, Limits.MAX_STRING,
        "Longest string (default: ${DEFAULT-VALUE}, an Excel cell; at most 268435456).",
        "--max-string");
    maxAliases = Specs.number(spec, int.class, "N", "50", 0, Limits.MAX_ALIASES,
        "Most YAML aliases per document (default: ${DEFAULT-VALUE}; at most 10000).",
        "--max-aliases");
  }

  /** The options of a run over the dataset at {@code paths}. */
  DatasetOptions options(List<Path> paths) {
    return new DatasetOptions(paths, Specs.value(codebook), Specs.value(lineage),
        Specs.on(quiet), Specs.<Integer>value(threads), Specs.<Long>value(maxFileBytes),
        Specs.<Integer>value(maxDepth), Specs.<Integer>value(maxString),
        Specs.<Integer>value(maxAliases));
  }
}
