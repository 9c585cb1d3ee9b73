package org.polcomp.golden;

/**
 * Frozen copies of the repository's datasets for tests that need fixed data, under
 * {@code src/test/resources/datasets/} at the paths they have in the project folder. The real
 * {@code policies/} and {@code examples/} change as the data grows; tests that count or name
 * measures read these copies, so that a new municipality file does not break them.
 */
public final class Datasets {
  /** The folder that stands for the project folder. */
  public static final String ROOT = "src/test/resources/datasets";

  /** {@code policies/} as of the 2026 seed: 16 files, 16 municipalities, 52 measures. */
  public static final String POLICIES = ROOT + "/policies";

  /**
   * {@code examples/invented/} before its measures had several coders: 8 files, 9
   * municipalities, 43 measures, 11 of them coded once; the outputs of one coding per measure.
   */
  public static final String INVENTED = ROOT + "/examples/invented";

  /**
   * {@code examples/invented/} with three coders (AB, CD, EF): the same 43 measures, 11 of them
   * coded by one to three coders, with disagreements, ties and uncoded axes.
   */
  public static final String INVENTED_CODERS = ROOT + "/examples/invented-coders";

  private Datasets() {}
}
