package org.polcomp.report.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polcomp.diff.Change;
import org.polcomp.diff.DatasetDiff;

class DiffTextTest {
  private static Change field(String measure, String was, String is) {
    return new Change(Change.Kind.MEASURE_FIELD, "GM0344", "Utrecht", measure, "title", was, is);
  }

  @Test
  void dataTextCannotAddMarkupOrCells() {
    String md = DiffText.markdown("old", "new", new DatasetDiff(List.of(
        field("m", "a | b", "<script>x</script> [link](https://e.org) *bold*\nline 2"))));
    String row = md.lines().filter(l -> l.startsWith("| measure-field")).findFirst().orElseThrow();
    // seven pipes: the cells of the table, none from the data
    assertEquals(7, row.chars().filter(c -> c == '|').count()
        - (row.length() - row.replace("\\|", "").length()) / 2);
    assertTrue(row.contains("a \\| b"), row);
    assertTrue(row.contains("\\<script\\>"), row);
    assertTrue(row.contains("\\[link\\](https://e.org) \\*bold\\*<br>line 2"), row);
    assertFalse(md.contains("\n\nline 2"), md);
  }

  @Test
  void aLongDiffIsCutWithACount() {
    List<Change> many = new ArrayList<>();
    for (int i = 0; i < DiffText.MARKDOWN_ROWS + 5; i++) {
      many.add(field(String.format("m%04d", i), "a", "b"));
    }
    String md = DiffText.markdown("old", "new", new DatasetDiff(many));
    assertEquals(DiffText.MARKDOWN_ROWS, md.lines().filter(l -> l.startsWith("| measure-field"))
        .count());
    assertTrue(md.contains("… and 5 more changes"), md);
  }

  @Test
  void noDifferencesSaysSo() {
    assertEquals("### polcomp diff\n\n`old` → `new`: no differences.\n",
        DiffText.markdown("old", "new", new DatasetDiff(List.of())));
    assertTrue(DiffText.text("old", "new", new DatasetDiff(List.of()))
        .endsWith("no differences\n"));
  }
}
