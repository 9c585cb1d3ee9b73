package org.polcomp.model;

/** The 2x2 typology of targeting and duration. */
public enum Quadrant {
  MAINSTREAMED_STRUCTURAL("mainstreamed-structural"),
  MAINSTREAMED_TEMPORARY("mainstreamed-temporary"),
  TARGET_GROUP_STRUCTURAL("target-group-structural"),
  TARGET_GROUP_TEMPORARY("target-group-temporary"),
  UNCLASSIFIED("unclassified");

  private final String label;

  Quadrant(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The quadrant of two labels; unclassified when either is. */
  public static Quadrant of(Targeting t, Duration d) {
    if (t == Targeting.UNCLASSIFIED || d == Duration.UNCLASSIFIED) {
      return UNCLASSIFIED;
    }
    if (t == Targeting.MAINSTREAMED) {
      return d == Duration.STRUCTURAL ? MAINSTREAMED_STRUCTURAL : MAINSTREAMED_TEMPORARY;
    }
    return d == Duration.STRUCTURAL ? TARGET_GROUP_STRUCTURAL : TARGET_GROUP_TEMPORARY;
  }
}
