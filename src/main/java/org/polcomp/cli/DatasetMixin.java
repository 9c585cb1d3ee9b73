package org.polcomp.cli;

import java.nio.file.Path;
import java.util.List;
import org.polcomp.run.DatasetOptions;
import picocli.CommandLine.Option;

/** Options that every command reading a dataset shares (a picocli mixin). */
final class DatasetMixin {
  @Option(names = "--codebook", paramLabel = "FILE",
      description = "A codebook that replaces or extends the default (see 'polcomp codebook').")
  Path codebook;

  @Option(names = "--lineage", paramLabel = "FILE",
      description = "A lineage file of municipality codes that adds to or replaces rows of the"
          + " built-in Dutch table (see 'polcomp lineage').")
  Path lineage;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
  boolean quiet;

  // Main reads it from the parse result: an internal error can happen before any option record
  // exists.
  @Option(names = "--debug", description = "Show stack traces of internal errors.")
  boolean debug;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
      description = "Read files on N threads; 1 reads them one at a time, 0 (the default) on"
          + " every core.")
  int threads;

  @Option(names = "--max-file-size", paramLabel = "BYTES", defaultValue = "16777216",
      description = "Largest policy file read (default: ${DEFAULT-VALUE}, 16 MiB; at most 268435456,"
          + " 256 MiB).")
  long maxFileBytes;

  @Option(names = "--max-depth", paramLabel = "N", defaultValue = "64",
      description = "Deepest nesting of maps and lists (default: ${DEFAULT-VALUE}; at most 1000).")
  int maxDepth;

  @Option(names = "--max-string", paramLabel = "CHARS", defaultValue = "32767",
      description = "Longest string (default: ${DEFAULT-VALUE}, an Excel cell; at most 268435456).")
  int maxString;

  @Option(names = "--max-aliases", paramLabel = "N", defaultValue = "50",
      description = "Most YAML aliases per document (default: ${DEFAULT-VALUE}; at most 10000).")
  int maxAliases;

  /** The options of a run over the dataset at {@code paths}. */
  DatasetOptions options(List<Path> paths) {
    return new DatasetOptions(paths, codebook, lineage, quiet, threads, maxFileBytes, maxDepth, maxString,
        maxAliases);
  }
}
