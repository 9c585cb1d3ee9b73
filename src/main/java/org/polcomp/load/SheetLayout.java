package org.polcomp.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polcomp.model.Codebook;
import org.polcomp.model.Vocabulary;

/**
 * The sheets and columns of the data-entry workbook (SHEETS.md), declared once for the template
 * that writes them and the reader that reads them back.
 */
public final class SheetLayout {
  private SheetLayout() {}

  /** What a column holds, which decides how a cell is written and read. */
  public enum Kind {
    /** Free text (a text cell). */
    TEXT,
    /** A whole number (a number cell). */
    INTEGER,
    /** A number (a number cell). */
    NUMBER,
    /** A FORMAT.md date, or {@code open} for an end (a text cell). */
    DATE,
    /** true or false. */
    BOOLEAN,
    /** One value of a vocabulary (a drop-down). */
    VOCABULARY,
    /** Values of a vocabulary separated by {@code ; }. */
    MULTI,
    /** The {@code x-} fields as JSON text. */
    JSON
  }

  /**
   * One column.
   *
   * @param key the header cell
   * @param kind what the cells hold
   * @param list for vocabulary columns, the column of the Lists sheet (its named range), else null
   * @param required whether the cell may not be blank (the keys that name a row, and id)
   * @param help the input message shown when a cell of the column is selected
   */
  public record Column(String key, Kind kind, String list, boolean required, String help) {}

  /** One data sheet: its name and columns in order. */
  public record Sheet(String name, List<Column> columns, boolean optional) {
    public Sheet {
      columns = List.copyOf(columns);
    }

    public Optional<Column> column(String key) {
      return columns.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    public List<String> keys() {
      return columns.stream().map(Column::key).toList();
    }
  }

  public static final String README = "Read me";
  public static final String LISTS = "Lists";
  public static final String MUNICIPALITIES = "Municipalities";
  public static final String MEASURES = "Measures";
  public static final String FUNDING = "Funding";
  public static final String SOURCES = "Sources";
  public static final String CODINGS = "Codings";

  private static final String MUNICIPALITY_ID = "The id of the municipality (its row on the"
      + " Municipalities sheet).";
  private static final String MEASURE_ID = "The id of the measure (its row on the Measures sheet).";
  private static final String EXTENSIONS = "Your own x- fields as a JSON object, e.g."
      + " {\"x-note\": \"text\"}; leave blank for none.";

  /** The data sheets in workbook order. */
  public static final List<Sheet> SHEETS = List.of(
      new Sheet(MUNICIPALITIES, List.of(
          col("id", Kind.TEXT, true, "Required. Unique id, e.g. GM0344 (letters, digits, . _ -)."),
          col("name", Kind.TEXT, false, "Required. The municipality's name."),
          col("country", Kind.TEXT, false, "ISO 3166-1 alpha-2 code in upper case, e.g. NL."),
          col("region", Kind.TEXT, false, "Province, state or county."),
          col("population", Kind.INTEGER, false, "Number of inhabitants, a whole number."),
          col("type", Kind.TEXT, false, "Free text, e.g. the WRR type large-city."),
          col("as_of", Kind.DATE, false, "The date this description reflects: YYYY, YYYY-MM or"
              + " YYYY-MM-DD."),
          col("extensions", Kind.JSON, false, EXTENSIONS)), false),
      new Sheet(MEASURES, List.of(
          col("municipality_id", Kind.TEXT, true, MUNICIPALITY_ID),
          col("id", Kind.TEXT, true, "Required. Unique within the municipality, e.g."
              + " language-cafe."),
          col("title", Kind.TEXT, false, "Required. A short title."),
          col("description", Kind.TEXT, false, "What the measure does and how."),
          vocab("domain", "domains", "Required. The policy domain (pick from the list)."),
          new Column("groups", Kind.MULTI, "groups", false, "Required. Whom it is for, separated"
              + " by '; ' (see the Lists sheet; origin:XX for a national origin)."),
          col("eligibility", Kind.TEXT, false, "Who may take part, in the documents' words."),
          new Column("proxy", Kind.BOOLEAN, "proxy", false, "TRUE when these generic groups"
              + " stand in for migrants."),
          vocab("instrument", "instruments", "The instrument (pick from the list)."),
          vocab("scale", "scales", "The scale (pick from the list)."),
          col("start", Kind.DATE, false, "Start: YYYY, YYYY-MM or YYYY-MM-DD."),
          col("end", Kind.DATE, false, "End: YYYY, YYYY-MM or YYYY-MM-DD, or open for no end"
              + " date on purpose."),
          vocab("declared_duration", "declared_durations", "What the documents declare"
              + " (pick from the list)."),
          vocab("status", "statuses", "The measure's status (pick from the list)."),
          col("successor", Kind.TEXT, false, "The id of the measure that replaced it."),
          new Column("contact_with", Kind.MULTI, "contact_partners", false, "Whom it brings"
              + " migrants into contact with, separated by '; '."),
          col("extensions", Kind.JSON, false, EXTENSIONS)), false),
      new Sheet(FUNDING, List.of(
          col("municipality_id", Kind.TEXT, true, MUNICIPALITY_ID),
          col("measure_id", Kind.TEXT, true, MEASURE_ID),
          vocab("source", "funding_sources", "Required. Who pays (pick from the list)."),
          col("amount_eur", Kind.NUMBER, false, "The amount in euro, a number (12000.50)."),
          col("note", Kind.TEXT, false, "A note on the entry.")), true),
      new Sheet(SOURCES, List.of(
          col("municipality_id", Kind.TEXT, true, MUNICIPALITY_ID),
          col("measure_id", Kind.TEXT, true, MEASURE_ID),
          col("title", Kind.TEXT, false, "Required. The document's title."),
          col("url", Kind.TEXT, false, "An http(s) URL."),
          col("date", Kind.DATE, false, "The document's date: YYYY, YYYY-MM or YYYY-MM-DD."),
          col("page", Kind.TEXT, false, "The page or section.")), true),
      new Sheet(CODINGS, List.of(
          col("municipality_id", Kind.TEXT, true, MUNICIPALITY_ID),
          col("measure_id", Kind.TEXT, true, MEASURE_ID),
          col("coder", Kind.TEXT, false, "Who coded the measure."),
          vocab("targeting", "targeting", "The coder's targeting (pick from the list)."),
          vocab("duration", "duration", "The coder's duration (pick from the list)."),
          col("note", Kind.TEXT, false, "The coder's note.")), true));

  private static Column col(String key, Kind kind, boolean required, String help) {
    return new Column(key, kind, null, required, help);
  }

  private static Column vocab(String key, String list, String help) {
    return new Column(key, Kind.VOCABULARY, list, false, help);
  }

  public static Optional<Sheet> sheet(String name) {
    return SHEETS.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** The columns of the Lists sheet: the named range and its values, from the codebook. */
  public static List<Map.Entry<String, List<String>>> lists(Codebook codebook) {
    Map<String, List<String>> v = codebook.vocabularies();
    List<Map.Entry<String, List<String>>> lists = new ArrayList<>();
    lists.add(Map.entry("domains", v.get("domains")));
    lists.add(Map.entry("groups", v.get("groups")));
    lists.add(Map.entry("instruments", v.get("instruments")));
    lists.add(Map.entry("scales", Vocabulary.SCALES));
    lists.add(Map.entry("declared_durations", Vocabulary.DECLARED_DURATIONS));
    lists.add(Map.entry("statuses", Vocabulary.STATUSES));
    lists.add(Map.entry("contact_partners", v.get("contact_partners")));
    lists.add(Map.entry("funding_sources", v.get("funding_sources")));
    lists.add(Map.entry("targeting", Vocabulary.TARGETING_CODES));
    lists.add(Map.entry("duration", Vocabulary.DURATION_CODES));
    lists.add(Map.entry("proxy", List.of("TRUE", "FALSE")));
    return lists;
  }

  /**
   * The most bytes of a policy file name that import writes. File systems allow 255 bytes in a
   * name (eCryptfs 143); a shorter name also leaves room for an editor's backup suffix.
   */
  public static final int MAX_FILE_NAME_BYTES = 128;

  /**
   * The file name of a municipality's YAML file: {@code GM0344-utrecht.yaml}. The slug of the name
   * is ASCII (accents dropped, every other run of characters a hyphen) and cut so that the whole
   * name has at most {@link #MAX_FILE_NAME_BYTES} bytes; the id is kept whole, which keeps names
   * unique (an id has at most 64 characters).
   */
  public static String fileName(String id, String name) {
    String slug = name == null ? "" : java.text.Normalizer.normalize(name,
            java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^-+|-+$", "");
    int room = MAX_FILE_NAME_BYTES - id.length() - "-".length() - ".yaml".length();
    if (slug.length() > room) {
      slug = slug.substring(0, Math.max(0, room)).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? id + ".yaml" : id + "-" + slug + ".yaml";
  }
}
