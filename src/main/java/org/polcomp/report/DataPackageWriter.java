package org.polcomp.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.polcomp.aggregate.AggregateOptions;
import org.polcomp.diagnostic.Code;
import org.polcomp.diagnostic.Severity;
import org.polcomp.load.Sha256;
import org.polcomp.model.Codebook;
import org.polcomp.model.Duration;
import org.polcomp.model.Quadrant;
import org.polcomp.model.Targeting;
import org.polcomp.model.Vocabulary;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes a report as a Frictionless Data Package v2 in a folder: each table as {@code <key>.csv}
 * for scripts (no byte-order mark, no formula prefix), and {@code datapackage.json}, which
 * describes every file as a tabular resource with its Table Schema: field types from the column
 * types, descriptions ({@link Descriptions}), the codebook's vocabularies as categories, keys, and
 * the run's options, about lines and codebook under {@code "polcomp"}.
 *
 * <p>The resources follow {@link Report#tables()}, so a table added to the report appears in the
 * package as it is. The folder is replaced as a whole ({@link AtomicFolder}); the same report gives
 * the same bytes.
 */
public final class DataPackageWriter implements ReportWriter {
  /** The profile the descriptor declares, its {@code $schema}. */
  public static final String PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json";
  /** The descriptor's file name. */
  public static final String DESCRIPTOR = "datapackage.json";
  /** The package's name. */
  public static final String NAME = "polcomp-comparison";
  /**
   * A date as written (docs/outputs.md): YYYY, YYYY-MM or YYYY-MM-DD, or {@code open} for an open
   * end. Table Schema patterns match the whole value.
   */
  public static final String DATE_PATTERN = "(\\d{4}(-\\d{2}(-\\d{2})?)?|open)";

  // The keys of the tables that have one; a key names no column that may be empty, and is left
  // out for a table that lacks one of its columns.
  private static final Map<String, List<String>> PRIMARY_KEYS = Map.of(
      "municipalities", List.of("municipality_id"),
      "measures", List.of("municipality_id", "measure_id"),
      "domains", List.of("municipality_id", "domain"),
      "timeline", List.of("municipality_id", "year"),
      "panel", List.of("municipality_id", "year"),
      "experiments", List.of("municipality_id", "measure_id"),
      "disagreements", List.of("municipality_id", "measure_id", "axis"));
  // The whole dataset's typology row has no group_by: a unique key (which allows an empty value),
  // not a primary key (which does not).
  private static final Map<String, List<String>> UNIQUE_KEYS =
      Map.of("typology", List.of("group_by", "group"));
  private static final String MUNICIPALITIES = "municipalities";
  private static final String MUNICIPALITY_ID = "municipality_id";
  private static final JsonFactory FACTORY = new JsonFactory();
  // RFC 4180 with \n line ends, said outright: readers that guess the dialect from the first
  // lines may guess wrong (a message with more colons than commas).
  private static final Map<String, Object> DIALECT = dialect();

  private final Map<String, Map<String, String>> categories;

  /** A writer whose categories are the vocabularies of {@code codebook} and of the format. */
  public DataPackageWriter(Codebook codebook) {
    this.categories = categories(codebook);
  }

  /** The CSV writer of a data package's tables: raw, for scripts (no formula guard, no mark). */
  public static CsvWriter csvWriter() {
    return new CsvWriter(true);
  }

  @Override
  public void write(Report report, Path directory) throws IOException {
    CsvWriter csv = csvWriter();
    AtomicFolder.write(directory, CsvWriter::ours, folder -> {
      // the tables, then the About sheet as key and value, as the CSV folder has them
      List<Table> all = new ArrayList<>(report.tables());
      all.add(report.aboutTable());
      Set<String> keys = new TreeSet<>();
      for (Table table : all) {
        keys.add(table.key());
      }
      List<Object> resources = new ArrayList<>();
      for (Table table : all) {
        Path file = folder.resolve(CsvWriter.fileName(table));
        MessageDigest md = Sha256.fresh();
        try (OutputStream out = new DigestOutputStream(
            new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), md)) {
          csv.write(table, out);
        }
        resources.add(resource(table, keys, Files.size(file), HexFormat.of().formatHex(md.digest())));
      }
      try (OutputStream out = Files.newOutputStream(folder.resolve(DESCRIPTOR))) {
        writeJson(descriptor(report, resources), out);
      }
    });
  }

  private static Map<String, Object> dialect() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("header", true);
    d.put("delimiter", ",");
    d.put("lineTerminator", "\n");
    d.put("quoteChar", "\"");
    d.put("doubleQuote", true);
    return java.util.Collections.unmodifiableMap(d);
  }

  /** The descriptor of a report whose resources are {@code resources}. */
  private static Map<String, Object> descriptor(Report report, List<Object> resources) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("$schema", PROFILE);
    d.put("name", NAME);
    d.put("version", report.toolVersion());
    Object generated = report.options().get("generated");
    if (generated != null) {
      d.put("created", generated);
    }
    d.put("resources", resources);
    Map<String, Object> polcomp = new LinkedHashMap<>();
    polcomp.put("options", report.options());
    Map<String, Object> about = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : report.about()) {
      about.put(e.getKey().toLowerCase(Locale.ROOT).replace(' ', '_'), e.getValue());
    }
    polcomp.put("about", about);
    polcomp.put("codebook", records(report.codebook()));
    // a custom property: Data Package v2 allows them, and readers that do not know it skip it
    d.put("polcomp", polcomp);
    return d;
  }

  private Map<String, Object> resource(Table table, Set<String> keys, long bytes, String sha256) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("name", table.key());
    r.put("title", table.sheet());
    Descriptions.table(table.key()).ifPresent(t -> r.put("description", t));
    r.put("path", CsvWriter.fileName(table));
    r.put("type", "table");
    r.put("format", "csv");
    r.put("mediatype", "text/csv");
    r.put("encoding", "utf-8");
    r.put("bytes", bytes);
    r.put("hash", "sha256:" + sha256);
    r.put("dialect", DIALECT);
    r.put("schema", schema(table, keys));
    return r;
  }

  private Map<String, Object> schema(Table table, Set<String> keys) {
    Map<String, Object> s = new LinkedHashMap<>();
    List<Object> fields = new ArrayList<>();
    Set<String> columns = new TreeSet<>();
    for (Column c : table.columns()) {
      if (c.type().tabular()) {
        fields.add(field(table.key(), c));
        columns.add(c.key());
      }
    }
    s.put("fields", fields);
    s.put("missingValues", List.of(""));
    List<String> primary = PRIMARY_KEYS.get(table.key());
    if (primary != null && columns.containsAll(primary)) {
      s.put("primaryKey", primary);
    }
    List<String> unique = UNIQUE_KEYS.get(table.key());
    if (unique != null && columns.containsAll(unique)) {
      s.put("uniqueKeys", List.of(unique));
    }
    if (!table.key().equals(MUNICIPALITIES) && columns.contains(MUNICIPALITY_ID)
        && keys.contains(MUNICIPALITIES)) {
      Map<String, Object> reference = new LinkedHashMap<>();
      reference.put("resource", MUNICIPALITIES);
      reference.put("fields", List.of(MUNICIPALITY_ID));
      Map<String, Object> fk = new LinkedHashMap<>();
      fk.put("fields", List.of(MUNICIPALITY_ID));
      fk.put("reference", reference);
      s.put("foreignKeys", List.of(fk));
    }
    return s;
  }

  private Map<String, Object> field(String table, Column c) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("name", c.key());
    f.put("title", c.header());
    Descriptions.column(table, c.key()).ifPresent(t -> f.put("description", t));
    Map<String, Object> constraints = new LinkedHashMap<>();
    switch (c.type()) {
      case INTEGER -> f.put("type", "integer");
      case NUMBER -> f.put("type", "number");
      case SHARE -> {
        f.put("type", "number");
        constraints.put("minimum", 0);
        constraints.put("maximum", 1);
      }
      case BOOLEAN -> f.put("type", "boolean");
      case URL -> {
        f.put("type", "string");
        f.put("format", "uri");
      }
      case DATE_TEXT -> {
        // a partial date (2016-11) is no Table Schema date: a string of a known shape
        f.put("type", "string");
        constraints.put("pattern", DATE_PATTERN);
      }
      default -> f.put("type", "string");
    }
    Map<String, String> values = c.type() == ColumnType.TEXT ? categories.get(c.key()) : null;
    if (values != null) {
      f.put("categories", categories(values));
    }
    if (!constraints.isEmpty()) {
      f.put("constraints", constraints);
    }
    return f;
  }

  /** The values as strings, or as value and label objects when some value has a label. */
  private static List<Object> categories(Map<String, String> values) {
    boolean labelled = values.values().stream().anyMatch(l -> l != null);
    List<Object> out = new ArrayList<>();
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (!labelled) {
        out.add(e.getKey());
        continue;
      }
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("value", e.getKey());
      if (e.getValue() != null) {
        v.put("label", e.getValue());
      }
      out.add(v);
    }
    return out;
  }

  /**
   * The closed value sets by column key, whatever the table: a column key means the same in every
   * table (domain, instrument, targeting ...). Values keep their codebook or format order.
   */
  static Map<String, Map<String, String>> categories(Codebook b) {
    Map<String, Map<String, String>> m = new LinkedHashMap<>();
    Map<String, String> domains = new LinkedHashMap<>();
    b.domains().forEach(t -> domains.put(t.id(), t.description()));
    m.put("domain", domains);
    Map<String, String> instruments = new LinkedHashMap<>();
    b.instruments().forEach(t -> instruments.put(t.id(), t.description()));
    m.put("instrument", instruments);
    Map<String, String> targeting = new LinkedHashMap<>();
    for (Targeting t : Targeting.values()) {
      targeting.put(t.label(), null);
    }
    m.put("targeting", targeting);
    m.put("targeting_coded", plain(Vocabulary.TARGETING_CODES));
    Map<String, String> duration = new LinkedHashMap<>();
    for (Duration d : Duration.values()) {
      duration.put(d.label(), null);
    }
    m.put("duration", duration);
    m.put("duration_coded", plain(Vocabulary.DURATION_CODES));
    Map<String, String> quadrants = new LinkedHashMap<>();
    for (Quadrant q : Quadrant.values()) {
      quadrants.put(q.label(), null);
    }
    m.put("quadrant", quadrants);
    // a municipality's profile: each axis's leaning side, balanced, or unclassified
    Map<String, String> profiles = new LinkedHashMap<>();
    for (String t : List.of("mainstreamed", "target-group", "balanced", "unclassified")) {
      for (String d : List.of("structural", "temporary", "balanced", "unclassified")) {
        profiles.put(t + "-" + d, null);
      }
    }
    m.put("profile", profiles);
    m.put("scale", plain(Vocabulary.SCALES));
    m.put("status", plain(Vocabulary.STATUSES));
    m.put("axis", plain(List.of("targeting", "duration")));
    m.put("group_by", plain(AggregateOptions.GROUP_BY));
    Map<String, String> severities = new LinkedHashMap<>();
    for (Severity s : Severity.values()) {
      severities.put(s.label(), null);
    }
    m.put("severity", severities);
    Map<String, String> codes = new LinkedHashMap<>();
    for (Code c : Code.values()) {
      codes.put(c.id(), c.summary());
    }
    m.put("code", codes);
    return m;
  }

  private static Map<String, String> plain(List<String> values) {
    Map<String, String> m = new LinkedHashMap<>();
    values.forEach(v -> m.put(v, null));
    return m;
  }

  /** A small table as a list of objects keyed by its column keys. */
  private static List<Object> records(Table table) {
    List<Object> out = new ArrayList<>();
    long index = 0;
    for (List<Object> row : table.rows()) {
      Map<String, Object> record = new LinkedHashMap<>();
      for (int i = 0; i < table.columns().size(); i++) {
        record.put(table.columns().get(i).key(), Cells.value(table, index, row, i));
      }
      out.add(record);
      index++;
    }
    return out;
  }

  private static void writeJson(Object value, OutputStream out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(new JsonWriter.Pretty(), new Unclosed(out))) {
      JsonWriter.writeValue(g, value);
      g.writeRaw('\n');
    } catch (JacksonIOException e) {
      throw e.getCause();
    }
    out.flush();
  }
}
