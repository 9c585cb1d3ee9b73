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
  public Settings {
    if (samples < 1) {
      throw new IllegalArgumentException("samples must be at least 1: " + samples);
    }
    if (!(range >= 0) || !Double.isFinite(range)) {
      throw new IllegalArgumentException("range must be a finite number >= 0: " + range);
    }
  }
}
