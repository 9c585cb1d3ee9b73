package org.polcomp.load;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.polcomp.model.LineageEntry;

/**
 * Makes the built-in lineage table ({@code src/main/resources/org/polcomp/load/lineage-nl.csv})
 * from its two inputs in {@code src/test/lineage/}: the RvIG's Landelijke tabel 33
 * (Gemeententabel) and {@code changes.csv}, the rows of the changes that came after that copy of
 * the table, each with its source. See {@code src/test/lineage/README.md} for how to refresh it;
 * {@link LineageTableTest} keeps the resource equal to what this class makes.
 */
final class LineageTable {
  static final Path DIR = Path.of("src/test/lineage");
  static final Path TABEL_33 = DIR.resolve("Tabel33_Gemeententabel.csv");
  static final Path CHANGES = DIR.resolve("changes.csv");
  static final Path RESOURCE =
      Path.of("src/main/resources/org/polcomp/load", LineageLoader.BUILT_IN_RESOURCE);

  static final String RVIG = "RvIG Landelijke tabel 33";

  /**
   * Codes of Tabel 33 that are registers, not municipalities: unknown (0000), the non-GBA
   * registers (0997-0999) and the register of non-residents (RNI, 1999).
   */
  static final Set<String> NOT_MUNICIPALITIES = Set.of("0000", "0997", "0998", "0999", "1999");

  private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

  private LineageTable() {}

  /** Tabel 33 as lineage entries: {@code GM} codes, the end date made the last valid day. */
  static List<LineageEntry> tabel33(Reader in) throws IOException {
    List<LineageEntry> entries = new ArrayList<>();
    try (CSVParser p = CSVParser.parse(in, CSVFormat.RFC4180)) {
      List<CSVRecord> records = p.getRecords();
      List<String> header = records.get(0).toList();
      // By column title, not position: the titles are the table's element numbers and names.
      int code = column(header, "92.10 Gemeentecode");
      int name = column(header, "92.11 Omschrijving");
      int successor = column(header, "92.12 Nieuwe code");
      int from = column(header, "99.98 Datum ingang");
      int end = column(header, "99.99 Datum einde");
      for (CSVRecord r : records.subList(1, records.size())) {
        if (NOT_MUNICIPALITIES.contains(r.get(code))) {
          continue;
        }
        String succ = r.get(successor);
        // "Datum einde" is the first day the code is no longer valid (the day of the merger).
        String ends = r.get(end);
        entries.add(new LineageEntry(gm(r.get(code)), r.get(name), date(r.get(from)),
            ends.isEmpty() ? null : date(ends).minusDays(1), succ.isEmpty() ? null : gm(succ),
            RVIG));
      }
    }
    return entries;
  }

  private static int column(List<String> header, String title) {
    int i = header.indexOf(title);
    if (i < 0) {
      throw new IllegalArgumentException("Tabel 33 has no column '" + title + "': " + header);
    }
    return i;
  }

  private static String gm(String digits) {
    if (!digits.matches("\\d{4}")) {
      throw new IllegalArgumentException("not a four-digit municipality code: " + digits);
    }
    return "GM" + digits;
  }

  private static LocalDate date(String yyyymmdd) {
    return yyyymmdd.isEmpty() ? null : LocalDate.parse(yyyymmdd, BASIC);
  }

  /** The table: Tabel 33's rows, each replaced by the row of {@code changes} with its code. */
  static Map<String, LineageEntry> merge(List<LineageEntry> tabel33, List<LineageEntry> changes) {
    Map<String, LineageEntry> table = new TreeMap<>();
    tabel33.forEach(e -> table.put(e.code(), e));
    changes.forEach(e -> table.put(e.code(), e));
    return table;
  }

  /** The resource's text: a header, then one row per code in code order, {@code \n} endings. */
  static String csv(Map<String, LineageEntry> table) throws IOException {
    // One record at a time through CSVFormat.format: RFC 4180 quoting, and the line end ours.
    CSVFormat format = CSVFormat.RFC4180;
    StringBuilder sb = new StringBuilder();
    sb.append(format.format(LineageLoader.COLUMNS.toArray())).append('\n');
    for (LineageEntry e : table.values()) {
      sb.append(format.format(e.code(), e.name(), text(e.validFrom()), text(e.validTo()),
          e.successor() == null ? "" : e.successor(), e.source())).append('\n');
    }
    return sb.toString();
  }

  private static String text(LocalDate d) {
    return d == null ? "" : d.toString();
  }

  /** What the resource should hold, made from the two inputs. */
  static String generate() throws IOException {
    List<LineageEntry> rvig;
    try (Reader in = Files.newBufferedReader(TABEL_33, StandardCharsets.UTF_8)) {
      rvig = tabel33(in);
    }
    List<LineageEntry> changes;
    try (Reader in = Files.newBufferedReader(CHANGES, StandardCharsets.UTF_8)) {
      changes = LineageLoader.readTable(in);
    }
    return csv(merge(rvig, changes));
  }
}
