package org.polcomp.load;

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

  public Limits {
    if (maxFileBytes < 1 || maxDepth < 1 || maxStringLength < 1 || maxAliases < 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}
