package org.polcomp.report;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What each table and column of {@code polcomp compare} holds, in plain text: the resource and
 * field descriptions of the data package. Kept in one place, {@code descriptions.properties}
 * beside this class ({@code TABLE} and {@code TABLE.COLUMN} keys), which says what
 * docs/outputs.md says of each column.
 */
public final class Descriptions {
  private static final String RESOURCE = "descriptions.properties";
  private static final Map<String, String> TEXTS = load();

  private Descriptions() {}

  /** Every description by key ({@code measures}, {@code measures.start}), sorted. */
  public static Map<String, String> all() {
    return TEXTS;
  }

  /** The description of a table. */
  public static Optional<String> table(String table) {
    return Optional.ofNullable(TEXTS.get(table));
  }

  /** The description of a column of a table. */
  public static Optional<String> column(String table, String column) {
    return Optional.ofNullable(TEXTS.get(table + "." + column));
  }

  private static Map<String, String> load() {
    Properties p = new Properties();
    // From the class the build makes of the resource, as the default codebook is.
    String text = Embedded.text(RESOURCE);
    if (text == null) {
      throw new IllegalStateException(RESOURCE + " is missing from the build");
    }
    try {
      p.load(new StringReader(text));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    Map<String, String> texts = new TreeMap<>();
    for (String key : p.stringPropertyNames()) {
      texts.put(key, p.getProperty(key).strip());
    }
    return java.util.Collections.unmodifiableMap(texts);
  }
}
