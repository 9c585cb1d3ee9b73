package org.polcomp.report;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one run of {@code polcomp compare} writes: the tables in order, and what the JSON
 * header and the XLSX {@code Codebook} and {@code About} sheets show.
 *
 * @param toolVersion the polcomp version ({@code "polcomp"} in JSON, first line of About)
 * @param options the options that shaped the result, in order (a map without an order, such as
 *     {@code Map.of}, is sorted by key); values are JSON-like (string, number, boolean, null,
 *     list, map)
 * @param about key/value lines for the About sheet, in order (command line, counts, SHA-256 of the
 *     inputs); values may be null
 * @param tables the data tables in output order
 * @param codebook the rules and weights used (XLSX only); see {@link Columns#CODEBOOK}
 */
public record Report(
    String toolVersion,
    Map<String, Object> options,
    List<Map.Entry<String, String>> about,
    List<Table> tables,
    Table codebook) {

  public Report {
    Objects.requireNonNull(toolVersion, "toolVersion");
    // LinkedHashMap keeps the order and, unlike Map.copyOf, allows null values
    Map<String, Object> copy = new LinkedHashMap<>();
    Cells.ordered(options).forEach((k, v) -> copy.put((String) k, v));
    options = Collections.unmodifiableMap(copy);
    List<Map.Entry<String, String>> lines = new ArrayList<>();
    for (Map.Entry<String, String> e : about) {
      lines.add(new AbstractMap.SimpleImmutableEntry<>(
          Objects.requireNonNull(e.getKey(), "about key"), e.getValue()));
    }
    about = Collections.unmodifiableList(lines);
    tables = List.copyOf(tables);
    Objects.requireNonNull(codebook, "codebook");
    Set<String> keys = new HashSet<>();
    Set<String> sheets = new HashSet<>();
    List<Table> all = new ArrayList<>(tables);
    all.add(codebook);
    for (Table t : all) {
      if (!keys.add(t.key())) {
        throw new IllegalArgumentException("two tables with key " + t.key());
      }
      if (!sheets.add(t.sheet().toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("two tables on sheet " + t.sheet());
      }
    }
    if (sheets.contains(ABOUT_SHEET.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("the sheet name About is reserved");
    }
    for (String reserved : List.of("polcomp", "options")) {
      if (keys.contains(reserved)) {
        throw new IllegalArgumentException("the table key " + reserved + " is reserved");
      }
    }
  }

  /** The name of the XLSX sheet with the tool version, the about lines and the options. */
  public static final String ABOUT_SHEET = "About";

  /**
   * The About sheet as a table ({@link Columns#ABOUT}): the tool version, then the about lines,
   * then one line per option.
   */
  public Table aboutTable() {
    List<AboutRow> rows = new ArrayList<>();
    rows.add(new AboutRow("polcomp", toolVersion));
    for (Map.Entry<String, String> e : about) {
      rows.add(new AboutRow(e.getKey(), e.getValue()));
    }
    for (Map.Entry<String, Object> e : options.entrySet()) {
      rows.add(new AboutRow(e.getKey(), Cells.plainText(e.getValue())));
    }
    return Columns.ABOUT.rows(rows);
  }

  /** The table with this key. */
  public Table table(String key) {
    for (Table t : tables) {
      if (t.key().equals(key)) {
        return t;
      }
    }
    throw new IllegalArgumentException("no table " + key);
  }
}
