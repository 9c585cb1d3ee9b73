package org.polcomp.cli;

import java.nio.file.Path;
import org.polcomp.load.Limits;
import picocli.CommandLine.Option;

/** Options that every command reading a dataset shares (a picocli mixin). */
public final class CommonOptions {
  @Option(names = "--codebook", paramLabel = "FILE",
      description = "A codebook that replaces or extends the default (see 'polcomp codebook').")
  Path codebook;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
  boolean quiet;

  @Option(names = "--debug", description = "Show stack traces of internal errors.")
  boolean debug;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
      description = "1 reads files one at a time; any other value (default 0) reads them on"
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

  Limits limits() {
    try {
      return Limits.of(maxFileBytes, maxDepth, maxString, maxAliases);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), "--help lists each limit with its cap");
    }
  }
}
