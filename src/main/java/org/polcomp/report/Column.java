package org.polcomp.report;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One column: its snake_case key (the CSV header and the JSON field name) and its type. The XLSX
 * header is derived from the key.
 */
public record Column(String key, ColumnType type) {
  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

  public Column {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("column key must be snake_case: " + key);
    }
  }

  /** The XLSX header: the key with spaces for {@code _} and its first letter in upper case. */
  public String header() {
    String spaced = key.replace('_', ' ');
    return spaced.substring(0, 1).toUpperCase(Locale.ROOT) + spaced.substring(1);
  }
}
