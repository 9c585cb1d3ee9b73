package org.polcomp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polcomp.golden.Datasets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ClassifyCommandTest {
  @TempDir Path dir;

  private static String line(String csv, String measureId) {
    return csv.lines().filter(l -> l.contains("," + measureId + ",")).findFirst().orElseThrow();
  }

  @Test
  void flippingMixedEligibilityInAUserCodebookFlipsMixedMeasures() throws IOException {
    CliRunner.Result before = CliRunner.run("classify", "--format", "csv", Datasets.POLICIES);
    assertTrue(line(before.out(), "plan-einstein-co-learning").contains(",mainstreamed,temporary,"));
    Path cb = dir.resolve("cb.yaml");
    Files.writeString(cb, "extends: default\nsettings: {mixed_eligibility: target-group}\n");
    CliRunner.Result after =
        CliRunner.run("classify", "--format", "csv", "--codebook", cb.toString(), Datasets.POLICIES);
    assertEquals(0, after.exit(), after.err());
    String row = line(after.out(), "plan-einstein-co-learning");
    assertTrue(row.contains(",target-group,temporary,target-group-temporary,"), row);
    assertTrue(row.contains("T3 mixed eligibility"), row);
    // Measures with generic groups only do not move.
    assertTrue(line(after.out(), "participatiewet").contains(",mainstreamed,structural,"));
    // And the flip reaches the comparison.
    Files.writeString(cb, "extends: default\nsettings: {mixed_eligibility: unclassified}\n");
    CliRunner.Result unclassified =
        CliRunner.run("validate", "--codebook", cb.toString(), Datasets.POLICIES);
    assertTrue(unclassified.codes().contains("W008"), unclassified.out());
  }

  @Test
  void tableIsAlignedAndFitsTheWidth() {
    CliRunner.Result r = CliRunner.run("classify", "--format", "table", Datasets.POLICIES);
    assertEquals(0, r.exit());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(0).startsWith("MEASURE "), lines.get(0));
    int col = lines.get(0).indexOf("TARGETING");
    for (String l : lines.subList(1, lines.size() - 1)) {
      assertEquals(' ', l.charAt(col - 1), l);
      assertTrue(l.length() <= 120, l);
    }
    assertEquals("52 measures in 16 municipalities", lines.get(lines.size() - 1));
  }

  @Test
  void jsonHasTheMeasureColumns() throws IOException {
    CliRunner.Result r = CliRunner.run("classify", "--format", "json", Datasets.POLICIES);
    assertEquals(0, r.exit());
    JsonNode measures = JsonMapper.builder().build().readTree(r.out()).get("measures");
    assertEquals(52, measures.size());
    JsonNode first = measures.get(0);
    for (String key : List.of("municipality_id", "measure_id", "targeting", "duration",
        "quadrant", "duration_score", "confidence", "reasons", "coding_agrees", "file", "line")) {
      assertTrue(first.has(key), key);
    }
  }

  @Test
  void asOfSelectsTheMeasuresActiveThatDay() {
    CliRunner.Result r2017 =
        CliRunner.run("classify", "--format", "csv", "--as-of", "2017-06", Datasets.POLICIES);
    assertTrue(r2017.out().contains(",plan-einstein-co-learning,"));
    assertTrue(!r2017.out().contains(",wet-inburgering-2021,"), "starts in 2022");
    CliRunner.Result r2020 =
        CliRunner.run("classify", "--format", "csv", "--as-of", "2020-01-01", Datasets.POLICIES);
    assertTrue(!r2020.out().contains(",plan-einstein-co-learning,"), "ended 2019-10");
    assertEquals(2, CliRunner.run("classify", "--as-of", "2020-13", Datasets.POLICIES).exit());
    // The table for people counts the same measures as the csv.
    CliRunner.Result table =
        CliRunner.run("classify", "--format", "table", "--as-of", "2020-01-01", Datasets.POLICIES);
    assertTrue(!table.out().contains("plan-einstein-co-learning"), table.out());
    assertEquals(r2020.out().lines().count() - 1 + " measures in 16 municipalities",
        table.out().lines().reduce((a, b) -> b).orElseThrow());
  }

  @Test
  void invalidDataPrintsDiagnosticsAndNothingElse() {
    CliRunner.Result r = CliRunner.run("classify", "--format", "csv", "examples/broken");
    assertEquals(1, r.exit());
    assertEquals("", r.out());
    assertTrue(r.err().contains("examples/broken/broken.yaml:"), r.err());
  }
}
