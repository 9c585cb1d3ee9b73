package org.polcomp.run;

import java.nio.file.Path;
import java.util.List;

/**
 * What every job that reads a dataset is told: where the dataset is, which codebook, how many
 * threads read it, and the limits that keep hostile input small.
 *
 * @param paths files or directories; empty for the default dataset {@code policies/}
 * @param codebook a user codebook, or null for the default
 * @param lineage a user lineage file that adds or replaces rows of the built-in table, or null
 * @param quiet print nothing but errors
 * @param threads the threads that read files: 1 reads one file at a time, 0 uses every core
 * @param maxFileBytes the largest policy file read
 * @param maxDepth the deepest nesting of maps and lists
 * @param maxString the longest string
 * @param maxAliases the most YAML aliases per document
 */
public record DatasetOptions(List<Path> paths, Path codebook, Path lineage, boolean quiet,
    int threads,
    long maxFileBytes, int maxDepth, int maxString, int maxAliases) {
  /**
   * The most threads {@code --threads} may ask for: the most a fork-join pool, which runs the
   * readers, can have (its parallelism is at most 32767).
   */
  public static final int MAX_THREADS = 32767;

  public DatasetOptions {
    paths = paths == null ? List.of() : List.copyOf(paths);
  }
}
