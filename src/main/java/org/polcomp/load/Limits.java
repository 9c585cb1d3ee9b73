package org.polcomp.load;

import java.util.Locale;

/**
 * What the reader accepts before it gives up on a file (FORMAT.md "Limits"); each is a command-line
 * option. The limits are checked while parsing, so a hostile file costs little.
 *
 * @param maxFileBytes the largest file read
 * @param maxDepth the deepest nesting of maps and lists
 * @param maxStringLength the longest string (Excel's cell limit by default)
 * @param maxAliases the most YAML aliases per document
 * @param maxAliasNodes the most values that aliases may expand to per document
 */
public record Limits(
    long maxFileBytes, int maxDepth, int maxStringLength, int maxAliases, int maxAliasNodes) {

  public static final Limits DEFAULT = new Limits(16L * 1024 * 1024, 64, 32_767, 50, 10_000);

  /**
   * The largest {@code --max-file-size}: a file is held in memory as bytes and as text, and its
   * tree is several times that; past this no heap a launcher gives holds it.
   */
  public static final long MAX_FILE_BYTES = 256L * 1024 * 1024;
  /** The deepest {@code --max-depth}: extension values are copied recursively, on the stack. */
  public static final int MAX_DEPTH = 1000;
  /** The longest {@code --max-string}: no string can be longer than the largest file. */
  public static final int MAX_STRING = (int) MAX_FILE_BYTES;
  /** The most {@code --max-aliases}: each may expand to 200 values, so the cap bounds the tree. */
  public static final int MAX_ALIASES = 10_000;
  /** How many values each allowed alias may expand to, beyond the default's budget. */
  private static final int NODES_PER_ALIAS = 200;

  public Limits {
    if (maxFileBytes < 1 || maxDepth < 1 || maxStringLength < 1 || maxAliases < 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /**
   * The limits of the command-line options, or an {@link IllegalArgumentException} whose message
   * is the usage error to print: a value below 1 (0 for aliases) or above its cap, named.
   */
  public static Limits of(long maxFileBytes, int maxDepth, int maxStringLength, int maxAliases) {
    check("--max-file-size", maxFileBytes, 1, MAX_FILE_BYTES);
    check("--max-depth", maxDepth, 1, MAX_DEPTH);
    check("--max-string", maxStringLength, 1, MAX_STRING);
    check("--max-aliases", maxAliases, 0, MAX_ALIASES);
    return new Limits(maxFileBytes, maxDepth, maxStringLength, maxAliases,
        Math.max(DEFAULT.maxAliasNodes(), maxAliases * NODES_PER_ALIAS));
  }

  private static void check(String option, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s=%d is out of range: it must be from %d to %d (%,d)", option, value, min, max, max));
    }
  }
}
