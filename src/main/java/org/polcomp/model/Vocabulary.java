package org.polcomp.model;

import java.util.List;
import java.util.regex.Pattern;

/** The closed value sets that FORMAT.md fixes itself (not the codebook's), and the id pattern. */
public final class Vocabulary {
  /** Ids of municipalities and measures. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** The exact value of the optional {@code format} key. */
  public static final String FORMAT = "polcomp/1";

  public static final List<String> SCALES = List.of("neighbourhood", "district", "municipal", "regional");
  public static final List<String> STATUSES =
      List.of("planned", "active", "ended", "upscaled", "discontinued");
  public static final List<String> DECLARED_DURATIONS = List.of("temporary", "structural");
  public static final List<String> TARGETING_CODES = List.of("mainstreamed", "target-group");
  public static final List<String> DURATION_CODES = List.of("temporary", "structural");

  private Vocabulary() {}
}
