package org.polcomp.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.polcomp.report.Column;
import org.polcomp.report.Columns;
import org.polcomp.report.Descriptions;
import org.polcomp.report.TableSchema;

/**
 * The descriptions of the data package ({@link Descriptions}) cover every table and column of
 * {@code compare}, name nothing else, and say what docs/outputs.md says of each column where the
 * page gives a column its meaning in a table row.
 */
class DescriptionsTest {
  // | `column` | type | meaning |
  private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9_]+)` \\| [^|]* \\| (.*) \\|$");

  @Test
  void everyTableAndColumnIsDescribedAndNothingElse() throws IllegalAccessException {
    Set<String> expected = new TreeSet<>();
    for (TableSchema t : dataTables()) {
      expected.add(t.key());
      for (Column c : t.columns()) {
        if (c.type().tabular()) {
          expected.add(t.key() + "." + c.key());
        }
      }
    }
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(Descriptions.all().keySet());
    assertEquals(Set.of(), missing,
        "describe these in src/main/resources/org/polcomp/report/descriptions.properties");
    Set<String> extra = new TreeSet<>(Descriptions.all().keySet());
    extra.removeAll(expected);
    assertEquals(Set.of(), extra, "descriptions of no table or column");
    for (Map.Entry<String, String> e : Descriptions.all().entrySet()) {
      assertTrue(!e.getValue().isBlank(), e.getKey() + " is blank");
    }
  }

  @Test
  void aColumnSaysWhatTheOutputsPageSays() throws IOException, IllegalAccessException {
    List<String> lines = Files.readAllLines(Path.of("docs/outputs.md"), StandardCharsets.UTF_8);
    int compared = 0;
    List<String> differ = new ArrayList<>();
    for (TableSchema t : dataTables()) {
      String heading = "## Table `" + t.key() + "`";
      int at = -1;
      for (int i = 0; i < lines.size(); i++) {
        // a table of its own (## Table) or one of a group of tables (### Table)
        if (lines.get(i).startsWith(heading) || lines.get(i).startsWith("#" + heading)) {
          at = i;
        }
      }
      assertTrue(at >= 0, "docs/outputs.md has no section " + heading + " (or #" + heading + ")");
      for (int i = at + 1; i < lines.size() && !lines.get(i).startsWith("#"); i++) {
        Matcher m = ROW.matcher(lines.get(i));
        if (!m.matches() || m.group(2).isBlank()) {
          continue;
        }
        String said = plain(m.group(2));
        String ours = Descriptions.column(t.key(), m.group(1)).orElse("(none)");
        compared++;
        if (!said.equals(ours)) {
          differ.add(t.key() + "." + m.group(1) + ": the page says '" + said + "', the package '"
              + ours + "'");
        }
      }
    }
    assertTrue(compared > 40, "the column tables of docs/outputs.md were read: " + compared);
    assertEquals(List.of(), differ);
  }

  /** Markdown cell text as plain text: no backticks, links as their text. */
  static String plain(String markdown) {
    return markdown.replace("`", "").replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").strip();
  }

  /**
   * The tables of the data package: every table of {@link Columns} but the codebook, which only
   * the workbook shows (the package has it in its descriptor).
   */
  private static List<TableSchema> dataTables() throws IllegalAccessException {
    List<TableSchema> found = new ArrayList<>();
    for (Field f : Columns.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == TableSchema.class) {
        TableSchema t = (TableSchema) f.get(null);
        if (!t.equals(Columns.CODEBOOK)) {
          found.add(t);
        }
      }
    }
    return found;
  }
}
