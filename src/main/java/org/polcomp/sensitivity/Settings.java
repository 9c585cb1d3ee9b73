package org.polcomp.sensitivity;

/**
 * How the weights are perturbed.
 *
 * @param samples the number of random codebooks, at least 1
 * @param seed the seed of the generator
 * @param range R: a weight w varies by d = max(1, R x |w|) either way, unless the codebook sets
 *     its own range
 */
public record Settings(int samples, long seed, double range) {
  /**
   * The largest R. The codebook's weights lie in -1000..1000, so a drawn weight stays within
   * about a million and a measure's score, a sum of a few of them, and its exact decimal form
   * stay finite and far inside a double's range (at R near 1e307 a weight became infinite). A
   * range many times a weight only leaves its sign to chance, which a range of 1000 does already.
   */
  public static final double MAX_RANGE = 1000;

  public Settings {
    if (samples < 1) {
      throw new IllegalArgumentException("samples must be at least 1: " + samples);
    }
    if (!(range >= 0) || !(range <= MAX_RANGE)) {
      throw new IllegalArgumentException("range must be a number from 0 to " + MAX_RANGE + ": "
          + range);
    }
  }
}
