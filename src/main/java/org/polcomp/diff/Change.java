package org.polcomp.diff;

import java.util.Objects;

/**
 * One difference between two versions of a dataset: a row of the {@code changes} table.
 *
 * @param kind what changed
 * @param municipalityId the municipality it concerns (the new id, except for what only the old
 *     version has)
 * @param municipality the municipality's name
 * @param measureId the measure, or null for a change of the municipality
 * @param field the field, classification axis, rule id or share that changed, or null
 * @param oldValue the old value as text, or null for none
 * @param newValue the new value as text, or null for none
 */
public record Change(Kind kind, String municipalityId, String municipality, String measureId,
    String field, String oldValue, String newValue) {

  public Change {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(municipalityId, "municipalityId");
  }

  /** What a change is about, in the order a municipality's changes are reported. */
  public enum Kind {
    /** A municipality only the new version has. */
    MUNICIPALITY_ADDED("municipality-added"),
    /** A municipality only the old version has, and not merged into one of the new. */
    MUNICIPALITY_REMOVED("municipality-removed"),
    /** A retired code of the old version whose successor the new version has. */
    MUNICIPALITY_MERGED("municipality-merged"),
    /** A field of the municipality itself (name, population, as_of, ...). */
    MUNICIPALITY_FIELD("municipality-field"),
    /** The municipality's profile or one of its shares. */
    PROFILE("profile"),
    /** A measure only the new version has. */
    MEASURE_ADDED("measure-added"),
    /** A measure only the old version has. */
    MEASURE_REMOVED("measure-removed"),
    /** A field of a measure in both versions. */
    MEASURE_FIELD("measure-field"),
    /** The measure's targeting, duration, quadrant or score. */
    CLASSIFICATION("classification"),
    /** A rule whose contribution to the measure's classification changed. */
    RULE("rule");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    /** The kind as the reports write it ({@code measure-field}). */
    public String id() {
      return id;
    }
  }
}
