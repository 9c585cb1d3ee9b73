package org.polcomp.report.xlsx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.polcomp.report.Column;
import org.polcomp.report.ColumnType;
import org.polcomp.report.Scratch;
import org.polcomp.report.Table;

/** Rows rendered ahead are the rows rendered in place, links and all, and leave no file. */
class RowsAheadTest {
  private static final List<Column> COLUMNS = List.of(new Column("text", ColumnType.TEXT),
      new Column("source_url", ColumnType.URL));

  private static Table table(int n) {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(Arrays.asList("row " + i + (i % 7 == 0 ? " <&>" : ""),
          i % 3 == 0 ? "https://example.org/" + i : null));
    }
    return new Table("t", "T", COLUMNS, rows);
  }

  private static SheetRows sheet(String part, Table table, int n) {
    return new SheetRows(part, table, 0, n, COLUMNS, new int[] {0, 1}, new int[] {0, 0}, 3);
  }

  private static long rowFiles() throws IOException {
    try (Stream<Path> files = Files.list(Scratch.systemTemp())) {
      return files.filter(p -> p.getFileName().toString().contains("rows")).count();
    }
  }

  @Test
  void aLargeSheetRenderedAheadHasTheSameBytesAndLinks() throws IOException {
    int n = RowsAhead.MIN_ROWS + 5;
    Table table = table(n);
    String part = "xl/worksheets/sheet2.xml";
    ByteArrayOutputStream direct = new ByteArrayOutputStream();
    String directLinks;
    try (Hyperlinks links = new Hyperlinks()) {
      sheet(part, table, n).write(direct, links);
      directLinks = Files.readString(links.sheet(part).links);
    }
    long before = rowFiles();
    ByteArrayOutputStream ahead = new ByteArrayOutputStream();
    String aheadLinks;
    try (Hyperlinks links = new Hyperlinks(); RowsAhead rows = new RowsAhead(links)) {
      SheetRows s = sheet(part, table, n);
      rows.start(Map.of(part, s));
      assertEquals(before + 1, rowFiles(), "the large sheet is rendered into a file");
      rows.write(s, ahead);
      aheadLinks = Files.readString(links.sheet(part).links);
    }
    assertArrayEquals(direct.toByteArray(), ahead.toByteArray());
    assertEquals(directLinks, aheadLinks);
    assertTrue(directLinks.contains("rIdLink" + (RowsAhead.MIN_ROWS / 3)), directLinks.length()
        + " characters of links");
    assertEquals(before, rowFiles(), "the file is deleted on close");
  }

  @Test
  void aSmallSheetIsRenderedInPlace() throws IOException {
    int n = RowsAhead.MIN_ROWS - 1;
    Table table = table(n);
    String part = "xl/worksheets/sheet3.xml";
    long before = rowFiles();
    try (Hyperlinks links = new Hyperlinks(); RowsAhead rows = new RowsAhead(links)) {
      SheetRows s = sheet(part, table, n);
      rows.start(Map.of(part, s));
      assertEquals(before, rowFiles(), "no file for a small sheet");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      rows.write(s, out);
      assertFalse(out.toString(java.nio.charset.StandardCharsets.UTF_8).isEmpty());
    }
  }
}
