package org.polcomp.model;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes, as the JDK knows them. */
public final class Countries {
  private static final Set<String> ALPHA2 = Set.of(Locale.getISOCountries());

  private Countries() {}

  /** True for an upper-case ISO 3166-1 alpha-2 code such as {@code NL} or {@code SY}. */
  public static boolean isAlpha2(String code) {
    return code.length() == 2 && ALPHA2.contains(code);
  }
}
