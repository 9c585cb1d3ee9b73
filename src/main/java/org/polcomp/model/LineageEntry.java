package org.polcomp.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One municipality code of the lineage table: the days it was valid and the code that took it
 * over. A code that is still in use has no {@code validTo}; one that ended without a single
 * successor (a split, a border change) has a {@code validTo} and no successor.
 *
 * @param validFrom the first day the code was valid, or null when the table does not say
 * @param validTo the last day the code was valid (the day before the merger), or null
 * @param successor the code that took it over from the day after {@code validTo}, or null
 * @param source where the row comes from (a table and its version, or a document)
 */
public record LineageEntry(
    String code,
    String name,
    LocalDate validFrom,
    LocalDate validTo,
    String successor,
    String source) {

  public LineageEntry {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    source = source == null ? "" : source;
    if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
      throw new IllegalArgumentException(code + ": valid_to " + validTo + " is before valid_from "
          + validFrom);
    }
    if (successor != null && validTo == null) {
      throw new IllegalArgumentException(code + ": a successor needs a valid_to date");
    }
    if (code.equals(successor)) {
      throw new IllegalArgumentException(code + " is its own successor");
    }
  }

  /** Whether the code was valid on {@code date} (an unknown start counts as valid). */
  public boolean validOn(LocalDate date) {
    return (validFrom == null || !date.isBefore(validFrom)) && !retiredOn(date);
  }

  /** Whether the code had ended by {@code date}: {@code date} is after its last valid day. */
  public boolean retiredOn(LocalDate date) {
    return validTo != null && date.isAfter(validTo);
  }

  /** The first day the code was no longer valid (the day of the merger), if it ended. */
  public Optional<LocalDate> endedOn() {
    return Optional.ofNullable(validTo).map(d -> d.plusDays(1));
  }
}
