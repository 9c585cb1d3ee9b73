package org.polcomp.model;

import java.time.LocalDate;

/**
 * When a measure runs. {@code start} and {@code end} may be null; {@code openEnd} records the
 * explicit word {@code open} (no end date, on purpose), which is evidence in its own right.
 */
public record Period(PartialDate start, PartialDate end, boolean openEnd) {
  public Period {
    if (openEnd && end != null) {
      throw new IllegalArgumentException("an open period has no end date");
    }
  }

  public static final Period NONE = new Period(null, null, false);

  /** True when the measure runs on {@code day}: started by then and not ended before it. */
  public boolean activeOn(LocalDate day) {
    boolean started = start == null || !start.first().isAfter(day);
    boolean notEnded = end == null || !end.last().isBefore(day);
    return started && notEnded;
  }

  /** The end as written: the date, {@code open}, or null. */
  public String endText() {
    return openEnd ? "open" : end == null ? null : end.toString();
  }
}
