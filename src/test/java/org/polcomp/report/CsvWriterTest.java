package org.polcomp.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {
  @TempDir Path dir;

  private static List<CSVRecord> parse(String text) throws IOException {
    return CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
  }

  private String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  /**
   * The record formatter prints exactly what Commons CSV's RFC 4180 format prints, encoded as
   * String.getBytes encodes it, on random fields drawn from the characters that decide quoting
   * and encoding (and a few that must not).
   */
  @Test
  void recordsAreWhatCommonsCsvPrints() throws IOException {
    CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
    String alphabet = ",\"\n\r \t#!$\u0000\u001fa\u00e9\u07ff\u0800\u2028\uffff\ud83d\ude00"
        + "\udbff\udfff'=-";
    java.util.Random random = new java.util.Random(20261201);
    CsvWriter.Record record = new CsvWriter.Record(16);
    for (int run = 0; run < 20_000; run++) {
      String[] fields = new String[1 + random.nextInt(4)];
      for (int k = 0; k < fields.length; k++) {
        int len = random.nextInt(8) - 1; // -1: null
        if (len < 0) {
          continue;
        }
        StringBuilder f = new StringBuilder();
        for (int i = 0; i < len; i++) {
          f.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        fields[k] = f.toString();
      }
      StringBuilder expected = new StringBuilder();
      format.printRecord(expected, (Object[]) fields);
      record.append(fields);
      byte[] actual = record.toByteArray();
      ByteArrayOutputStream sink = new ByteArrayOutputStream();
      record.writeTo(sink);
      assertArrayEquals(expected.toString().getBytes(StandardCharsets.UTF_8), actual,
          () -> Arrays.toString(fields));
      assertArrayEquals(actual, sink.toByteArray());
    }
  }

  @Test
  void oneFilePerTableInACreatedDirectory() throws IOException {
    Path out = dir.resolve("new/csv");
    new CsvWriter().write(Sample.report(5), out);
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(List.of("about.csv", "agreement.csv", "domains.csv", "issues.csv", "measures.csv",
          "municipalities.csv", "timeline.csv", "typology.csv"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void spreadsheetModeHasBomAndGuardsFormulas() throws IOException {
    new CsvWriter().write(Sample.report(5), dir);
    byte[] bytes = Files.readAllBytes(dir.resolve("measures.csv"));
    assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        java.util.Arrays.copyOf(bytes, 3));
    String text = read(dir.resolve("measures.csv")).substring(1);
    assertFalse(text.contains("\r\n"), "\\n line ends only");
    List<CSVRecord> rows = parse(text);
    CSVRecord header = rows.get(0);
    assertEquals(Columns.MEASURES.columns().size() - 2, header.size(),
        "no JSON-only column (extensions, codings)");
    assertEquals("municipality_id", header.get(0));
    assertEquals("line", header.get(header.size() - 1));
    int title = Columns.MEASURES.indexOf("title");
    assertEquals("'=HYPERLINK(\"http://evil\")", rows.get(1).get(title));
    assertEquals("-2", rows.get(2).get(title), "a number as text cannot run");
    assertEquals("'@SUM(A1)", rows.get(3).get(title));
    assertEquals("Language, \"caf\u00e9\"\nsecond line", rows.get(4).get(title));
    assertEquals("-8", rows.get(1).get(Columns.MEASURES.indexOf("duration_score")));
    assertEquals("-7.875", rows.get(2).get(Columns.MEASURES.indexOf("duration_score")));
    assertEquals("3400000", rows.get(2).get(Columns.MEASURES.indexOf("funding_eur")));
    assertEquals("", rows.get(1).get(Columns.MEASURES.indexOf("funding_eur")));
    assertEquals("false", rows.get(1).get(Columns.MEASURES.indexOf("coding_agrees")));
    assertEquals("", rows.get(2).get(Columns.MEASURES.indexOf("coding_agrees")));
    assertEquals("open", rows.get(1).get(Columns.MEASURES.indexOf("end")));

    List<CSVRecord> issues = parse(read(dir.resolve("issues.csv")).substring(1));
    assertEquals("'-measure without sources", issues.get(1).get(5));
    List<CSVRecord> summary = parse(read(dir.resolve("municipalities.csv")).substring(1));
    assertEquals("'=1+1", summary.get(3).get(1));
    assertEquals("'+pomorskie", summary.get(2).get(3));
    assertEquals("0.7", summary.get(1).get(Columns.MUNICIPALITIES.indexOf("mainstreaming_share")));
    assertEquals("1234567.5", summary.get(1).get(Columns.MUNICIPALITIES.indexOf("budget_eur")));
  }

  @Test
  void rawModeWritesTheTextAsItIs() throws IOException {
    new CsvWriter(true).write(Sample.report(5), dir);
    String text = read(dir.resolve("measures.csv"));
    assertTrue(text.startsWith("municipality_id,municipality,measure_id,title,"), text);
    List<CSVRecord> rows = parse(text);
    assertEquals("=HYPERLINK(\"http://evil\")", rows.get(1).get(3));
    assertEquals("@SUM(A1)", rows.get(3).get(3));
    assertTrue(read(dir.resolve("municipalities.csv")).contains(",=1+1,"));
  }

  @Test
  void guardCoversEveryDangerousFirstCharacter() {
    for (String s : List.of("=1", "+1+1", "-1-1", "@x", "\tx", "\rx")) {
      assertEquals("'" + s, CsvWriter.guard(s), s);
    }
    for (String s : List.of("", "x=1", "-2", "+3", "-2.5", "1e5", " =1", "'=1")) {
      assertEquals(s, CsvWriter.guard(s), s);
    }
  }

  @Test
  void emptyTableHasItsHeader() throws IOException {
    Report r = new Report("1", java.util.Map.of(), List.of(),
        List.of(Columns.ISSUES.with(List.of())), Columns.CODEBOOK.with(List.of()));
    new CsvWriter(true).write(r, dir);
    assertEquals("file,line,column,severity,code,message\n", read(dir.resolve("issues.csv")));
  }

  @Test
  void sameReportSameBytes() throws IOException {
    new CsvWriter().write(Sample.report(30), dir.resolve("a"));
    new CsvWriter().write(Sample.report(30), dir.resolve("b"));
    for (Table t : Sample.report(30).tables()) {
      assertArrayEquals(Files.readAllBytes(dir.resolve("a/" + t.key() + ".csv")),
          Files.readAllBytes(dir.resolve("b/" + t.key() + ".csv")), t.key());
    }
  }

  @Test
  void aLongTableWrittenInParallelPiecesIsTheSameFile() throws IOException {
    List<Column> columns = List.of(new Column("id", ColumnType.TEXT),
        new Column("n", ColumnType.INTEGER), new Column("share", ColumnType.SHARE),
        new Column("note", ColumnType.TEXT));
    int n = 2 * CsvWriter.CHUNK + 1234;
    List<Integer> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      items.add(i);
    }
    Function<Integer, List<Object>> row = i -> Arrays.asList(
        "m" + i, (long) i, i % 7 == 0 ? null : i / (double) n,
        i % 5 == 0 ? "=cmd" : i % 3 == 0 ? "a, \"quoted\"\nline" : "-" + i);
    Rows lazy = Rows.of(items, row);
    List<List<Object>> plain = items.stream().map(row).toList();
    for (boolean raw : List.of(false, true)) {
      ByteArrayOutputStream parallel = new ByteArrayOutputStream();
      new CsvWriter(raw).write(new Table("t", "T", columns, lazy), parallel);
      ByteArrayOutputStream sequential = new ByteArrayOutputStream();
      new CsvWriter(raw).write(new Table("t", "T", columns, plain), sequential);
      assertArrayEquals(sequential.toByteArray(), parallel.toByteArray());
      String text = sequential.toString(StandardCharsets.UTF_8);
      assertEquals(n + 1, text.split("\n(?=m|id)", -1).length, "a line per row and the header");
      // the guard works piece by piece as well
      assertTrue(text.contains(raw ? ",=cmd\n" : ",'=cmd\n"), text.substring(0, 300));
    }
  }

  /** A row record: text that needs quoting or the guard, numbers, a share, extensions. */
  record Row(String id, Long n, Double share, String note, java.util.Map<String, Object> ext) {}

  private static final TableSchema ROWS = TableSchema.of("rows", "Rows", Row.class,
      java.util.Map.of("share", ColumnType.SHARE));

  /**
   * Records made a part at a time (on the reader threads) and parked in a spool are the bytes
   * the writer writes for the same rows as cells, in both modes, with the header and mark the
   * writer adds.
   */
  @Test
  void encodedRecordsAreTheBytesOfTheRowsAsCells() throws IOException {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      rows.add(new Row(i % 11 == 0 ? "" : "m" + i, i % 13 == 0 ? null : (long) i - 5,
          i % 7 == 0 ? null : i / 3001.0,
          i % 5 == 0 ? "=cmd" : i % 3 == 0 ? "a, \"quoted\"\nline é 𝄞" : "-" + i,
          java.util.Map.of("x-a", (long) i)));
    }
    for (boolean raw : List.of(false, true)) {
      CsvWriter writer = new CsvWriter(raw);
      ByteArrayOutputStream asCells = new ByteArrayOutputStream();
      writer.write(ROWS.rows(rows), asCells);
      try (RowSpool spool = RowSpool.open()) {
        // parts put out of order, one empty, read back in the order asked
        spool.putEncoded("c", writer.records(ROWS, rows.subList(2000, 3000)), 1000);
        spool.putEncoded("a", writer.records(ROWS, rows.subList(0, 1234)), 1234);
        spool.putEncoded("empty", writer.records(ROWS, List.of()), 0);
        spool.putEncoded("b", writer.records(ROWS, rows.subList(1234, 2000)), 766);
        EncodedRows encoded = spool.encoded(List.of("a", "b", "empty", "c", "never"), raw);
        assertEquals(3000, encoded.size());
        ByteArrayOutputStream asRecords = new ByteArrayOutputStream();
        writer.write(ROWS.with(encoded), asRecords);
        assertArrayEquals(asCells.toByteArray(), asRecords.toByteArray());
        // a writer of the other mode would write other bytes: it refuses them
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> new CsvWriter(!raw).write(ROWS.with(encoded), new ByteArrayOutputStream()));
        // and they have no cells for another writer to read
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
            () -> encoded.iterator());
      }
      String text = asCells.toString(StandardCharsets.UTF_8);
      assertTrue(text.contains(raw ? ",=cmd\n" : ",'=cmd\n"), text.substring(0, 200));
      assertEquals(!raw, text.startsWith("\uFEFF"));
    }
  }
}
