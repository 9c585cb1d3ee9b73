package org.polcomp.model;

import java.util.Optional;

/** Axis 1: whom a measure addresses. */
public enum Targeting {
  MAINSTREAMED("mainstreamed"),
  TARGET_GROUP("target-group"),
  UNCLASSIFIED("unclassified");

  private final String label;

  Targeting(String label) {
    this.label = label;
  }

  /** The label as written in files and reports. */
  public String label() {
    return label;
  }

  /** The label for a written value, or empty. */
  public static Optional<Targeting> of(String label) {
    for (Targeting t : values()) {
      if (t.label.equals(label)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
