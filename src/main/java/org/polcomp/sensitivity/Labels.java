package org.polcomp.sensitivity;

import org.polcomp.model.Duration;

/** The duration labels and the duration side of a profile as bytes, for arrays of millions. */
final class Labels {
  private Labels() {}

  static final byte UNCLASSIFIED = 0;
  static final byte STRUCTURAL = 1;
  static final byte TEMPORARY = 2;
  /** A profile's duration side with as many structural as temporary measures. */
  static final byte BALANCED = 3;
  /** No fixed label (the measure's label follows the weights). */
  static final byte NONE = -1;

  static Duration duration(byte label) {
    return switch (label) {
      case STRUCTURAL -> Duration.STRUCTURAL;
      case TEMPORARY -> Duration.TEMPORARY;
      default -> Duration.UNCLASSIFIED;
    };
  }

  static byte of(Duration d) {
    return switch (d) {
      case STRUCTURAL -> STRUCTURAL;
      case TEMPORARY -> TEMPORARY;
      case UNCLASSIFIED -> UNCLASSIFIED;
    };
  }

  /** The duration side of a profile from the counts, as {@code Tally.profile} decides it. */
  static byte side(int structural, int temporary) {
    if (structural + temporary == 0) {
      return UNCLASSIFIED;
    }
    return structural > temporary ? STRUCTURAL : structural < temporary ? TEMPORARY : BALANCED;
  }

  static String sideLabel(byte side) {
    return switch (side) {
      case STRUCTURAL -> "structural";
      case TEMPORARY -> "temporary";
      case BALANCED -> "balanced";
      default -> "unclassified";
    };
  }
}
