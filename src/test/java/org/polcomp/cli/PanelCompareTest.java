package org.polcomp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polcomp.classify.Classification;
import org.polcomp.classify.Classifier;
import org.polcomp.golden.Datasets;
import org.polcomp.load.CodebookLoader;
import org.polcomp.load.DatasetLoader;
import org.polcomp.load.Limits;
import org.polcomp.model.Dataset;
import org.polcomp.model.Duration;
import org.polcomp.model.Measure;
import org.polcomp.model.Municipality;
import org.polcomp.model.Period;
import org.polcomp.model.Targeting;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code compare --years} (the panel table) and {@code compare --boundaries} (lineage). */
class PanelCompareTest {
  // six files of policies/ frozen with the golden case: Cuijk and Land van Cuijk, Haren and
  // Groningen (merged in 2019), Utrecht, Eindhoven
  private static final String MERGERS = "src/test/resources/golden/compare/years-boundaries/input";

  @TempDir Path dir;

  private JsonNode compare(String... options) throws IOException {
    Path out = dir.resolve("c" + Integer.toHexString(List.of(options).hashCode()) + ".json");
    List<String> args = new ArrayList<>(List.of("compare", "-q", "-o", out.toString()));
    args.addAll(List.of(options));
    CliRunner.Result r = CliRunner.run(args.toArray(new String[0]));
    assertEquals(0, r.exit(), r.err());
    return JsonMapper.builder().build().readTree(out.toFile());
  }

  /**
   * The panel of 2015..2024 against a computation of its own, one year at a time: a measure
   * counts in year Y when its period overlaps Y (started by 31 December, not ended before 1
   * January; a missing start or end is open on that side).
   */
  @ParameterizedTest
  @ValueSource(strings = {Datasets.POLICIES, Datasets.INVENTED, MERGERS})
  void thePanelHasTheNumbersOfEachYearByTheOverlapRule(String dataset) throws IOException {
    JsonNode panel = compare(dataset, "--years", "2015..2024").get("panel");
    Dataset data = new DatasetLoader(Limits.DEFAULT, false).load(List.of(Path.of(dataset)), m -> m)
        .dataset();
    Classifier classifier = new Classifier(new CodebookLoader(Limits.DEFAULT).defaults());
    List<Municipality> byId = new ArrayList<>(data.municipalities());
    byId.sort((a, b) -> a.id().compareTo(b.id()));
    assertEquals(byId.size() * 10, panel.size());
    int i = 0;
    long counted = 0;
    for (Municipality mun : byId) {
      for (int year = 2015; year <= 2024; year++) {
        JsonNode row = panel.get(i++);
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        long n = 0;
        long ms = 0;
        long tg = 0;
        long st = 0;
        long te = 0;
        BigDecimal budget = null;
        for (Measure m : mun.measures()) {
          Period p = m.period();
          if (p.start() != null && p.start().first().isAfter(last)
              || p.end() != null && p.end().last().isBefore(first)) {
            continue;
          }
          Classification c = classifier.classify(m);
          n++;
          ms += c.targeting() == Targeting.MAINSTREAMED ? 1 : 0;
          tg += c.targeting() == Targeting.TARGET_GROUP ? 1 : 0;
          st += c.duration() == Duration.STRUCTURAL ? 1 : 0;
          te += c.duration() == Duration.TEMPORARY ? 1 : 0;
          if (m.statesAmount()) {
            budget = budget == null ? m.budget() : budget.add(m.budget());
          }
        }
        counted += n;
        String where = mun.id() + " " + year;
        assertEquals(mun.id(), row.get("municipality_id").asString(), where);
        assertEquals(mun.name(), row.get("municipality").asString(), where);
        assertEquals(year, row.get("year").asInt(), where);
        assertEquals(List.of(n, ms, tg, st, te), List.of(row.get("measures").asLong(),
            row.get("mainstreamed").asLong(), row.get("target_group").asLong(),
            row.get("structural").asLong(), row.get("temporary").asLong()), where);
        assertShare(ms, tg, row.get("mainstreaming_share"), where);
        assertShare(st, te, row.get("structural_share"), where);
        if (budget == null) {
          assertTrue(row.get("budget_eur").isNull(), where);
        } else {
          assertEquals(budget.doubleValue(), row.get("budget_eur").asDouble(), where);
        }
        assertEquals(side(ms, tg, "mainstreamed", "target-group") + "-"
            + side(st, te, "structural", "temporary"), row.get("profile").asString(), where);
      }
    }
    assertTrue(counted > 0, "the years have measures");
  }

  private static void assertShare(long a, long b, JsonNode share, String where) {
    if (a + b == 0) {
      assertTrue(share.isNull(), where);
    } else {
      assertEquals((double) a / (a + b), share.asDouble(), where);
    }
  }

  private static String side(long a, long b, String above, String below) {
    return a + b == 0 ? "unclassified" : a > b ? above : a < b ? below : "balanced";
  }

  /** One run over ten years gives the rows of ten runs over one year each. */
  @Test
  void oneRunOverTheRangeIsTenRunsOfOneYear() throws IOException {
    JsonNode all = compare(Datasets.POLICIES, "--years", "2015..2024").get("panel");
    Map<String, JsonNode> byKey = new HashMap<>();
    for (JsonNode row : all) {
      byKey.put(row.get("municipality_id").asString() + row.get("year").asInt(), row);
    }
    int rows = 0;
    for (int year = 2015; year <= 2024; year++) {
      for (JsonNode row : compare(Datasets.POLICIES, "--years", year + ".." + year).get("panel")) {
        assertEquals(row, byKey.get(row.get("municipality_id").asString() + year));
        rows++;
      }
    }
    assertEquals(all.size(), rows);
  }

  /** The Panel sheet's line chart shows the dataset's shares per year, summed over municipalities. */
  @Test
  void thePanelChartShowsTheDatasetsSharesPerYear() throws Exception {
    JsonNode panel = compare(Datasets.INVENTED, "--years", "2016..2025").get("panel");
    Path xlsx = dir.resolve("p.xlsx");
    assertEquals(0, CliRunner.run("compare", Datasets.INVENTED, "--years", "2016..2025", "-q",
        "-o", xlsx.toString()).exit());
    long[][] sums = new long[10][4];
    for (JsonNode row : panel) {
      long[] s = sums[row.get("year").asInt() - 2016];
      s[0] += row.get("mainstreamed").asLong();
      s[1] += row.get("target_group").asLong();
      s[2] += row.get("structural").asLong();
      s[3] += row.get("temporary").asLong();
    }
    try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
      List<String> sheets = new ArrayList<>();
      wb.forEach(sh -> sheets.add(sh.getSheetName()));
      assertEquals(sheets.indexOf("Timeline") + 1, sheets.indexOf("Panel"));
      assertEquals(sheets.indexOf("Panel") + 1, sheets.indexOf("Experiments"));
      XSSFChart chart = wb.getSheet("Panel").getDrawingPatriarch().getCharts().get(0);
      XDDFChartData data = chart.getChartSeries().get(0);
      assertEquals(2, data.getSeriesCount());
      for (int k = 0; k < 2; k++) {
        XDDFChartData.Series series = data.getSeries(k);
        assertEquals(10, series.getCategoryData().getPointCount());
        for (int y = 0; y < 10; y++) {
          assertEquals(Integer.toString(2016 + y), series.getCategoryData().getPointAt(y));
          long a = sums[y][2 * k];
          long b = sums[y][2 * k + 1];
          Number v = (Number) series.getValuesData().getPointAt(y);
          if (a + b == 0) {
            assertNull(v, "year " + (2016 + y));
          } else {
            assertEquals((double) a / (a + b), v.doubleValue(), 1e-12, "year " + (2016 + y));
          }
        }
      }
    }
  }

  @Test
  void withoutYearsThereIsNoPanelAndTheOtherTablesStayAsTheyWere() throws IOException {
    JsonNode plain = compare(Datasets.INVENTED);
    JsonNode years = compare(Datasets.INVENTED, "--years", "2015..2024");
    assertNull(plain.get("panel"));
    assertEquals("2015..2024", years.get("options").get("years").asString());
    for (String table : List.of("municipalities", "measures", "domains", "typology", "timeline",
        "experiments", "agreement")) {
      assertEquals(plain.get(table), years.get(table), table);
    }
  }

  @Test
  void badRangesAreUsageErrors() {
    for (String range : List.of("2024..2015", "1799..1810", "2190..2201", "1800..2100", "2015",
        "2015-2024", "x..y", "")) {
      CliRunner.Result r = CliRunner.run("compare", Datasets.INVENTED, "-q", "--years", range,
          "-o", dir.resolve("bad.json").toString());
      assertEquals(2, r.exit(), range + ": " + r.err());
      assertTrue(r.err().contains("--years"), r.err());
      assertFalse(Files.exists(dir.resolve("bad.json")), range);
    }
    CliRunner.Result r = CliRunner.run("compare", Datasets.INVENTED, "-q", "--boundaries", "soon",
        "-o", dir.resolve("bad.json").toString());
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("--boundaries"), r.err());
  }

  /** Cuijk (GM1684) merged into Land van Cuijk (GM1982) on 2022-01-01. */
  @Test
  void onTheBoundariesOf2024CuijkCountsForLandVanCuijk() throws IOException {
    JsonNode asWritten = compare(MERGERS);
    JsonNode merged = compare(MERGERS, "--boundaries", "2024-01-01");
    Map<String, JsonNode> before = byId(asWritten.get("municipalities"));
    Map<String, JsonNode> after = byId(merged.get("municipalities"));
    assertTrue(before.containsKey("GM1684") && before.containsKey("GM1982"));
    assertFalse(after.containsKey("GM1684"));
    assertFalse(after.containsKey("GM0017"), "Haren counts for Groningen since 2019");
    assertEquals(before.size() - 2, after.size());
    for (String count : List.of("measures", "mainstreamed", "target_group", "structural",
        "temporary", "experiments")) {
      assertEquals(before.get("GM1684").get(count).asLong()
          + before.get("GM1982").get(count).asLong(), after.get("GM1982").get(count).asLong(),
          count);
    }
    assertTrue(before.get("GM1684").get("measures").asLong() > 0);
    assertEquals("Land van Cuijk", after.get("GM1982").get("municipality").asString());
    assertEquals(asWritten.get("measures").size(), merged.get("measures").size());
    // the timeline counts Cuijk's measures for GM1982 too
    long cuijkTimeline = 0;
    for (JsonNode row : asWritten.get("timeline")) {
      if (row.get("municipality_id").asString().equals("GM1684")) {
        cuijkTimeline += row.get("active").asLong();
      }
    }
    long total = 0;
    for (JsonNode row : merged.get("timeline")) {
      assertFalse(row.get("municipality_id").asString().equals("GM1684"));
      total += row.get("active").asLong();
    }
    long totalBefore = 0;
    for (JsonNode row : asWritten.get("timeline")) {
      totalBefore += row.get("active").asLong();
    }
    assertTrue(cuijkTimeline > 0);
    assertEquals(totalBefore, total);

    Map<String, JsonNode> lineage = byId(merged.get("lineage"));
    assertEquals(before.keySet(), lineage.keySet());
    JsonNode cuijk = lineage.get("GM1684");
    assertEquals("GM1982", cuijk.get("counted_as").asString());
    assertEquals("Land van Cuijk", cuijk.get("counted_as_name").asString());
    assertEquals("2022-01-01", cuijk.get("since").asString());
    assertTrue(lineage.get("GM1982").get("since").isNull());
    assertNull(asWritten.get("lineage"));
  }

  @Test
  void beforeTheMergerCuijkCountsForItself() throws IOException {
    JsonNode merged = compare(MERGERS, "--boundaries", "2021-12-31");
    Map<String, JsonNode> after = byId(merged.get("municipalities"));
    assertTrue(after.containsKey("GM1684"));
    assertFalse(after.containsKey("GM0017"));
    assertEquals("GM1684", byId(merged.get("lineage")).get("GM1684").get("counted_as")
        .asString());
  }

  @Test
  void theBoundariesFollowTheRunsLineageFile() throws IOException {
    Path file = dir.resolve("lineage.yaml");
    Files.writeString(file, String.join("\n", "format: polcomp-lineage/1", "municipalities:",
        "  - code: GM0344", "    name: Utrecht", "    valid_to: 2022-12-31",
        "    successor: GM9999", "  - code: GM9999", "    name: Groot-Utrecht",
        "    valid_from: 2023-01-01", ""));
    JsonNode merged = compare(MERGERS, "--lineage", file.toString(), "--boundaries", "2024");
    Map<String, JsonNode> after = byId(merged.get("municipalities"));
    assertFalse(after.containsKey("GM0344"));
    assertEquals("Groot-Utrecht", after.get("GM9999").get("municipality").asString());
    assertTrue(after.containsKey("GM1982"), "the built-in rows still apply");
    JsonNode utrecht = byId(merged.get("lineage")).get("GM0344");
    assertEquals("GM9999", utrecht.get("counted_as").asString());
    assertEquals("2023-01-01", utrecht.get("since").asString());
    assertEquals("2024-01-01", merged.get("options").get("boundaries").asString());
  }

  private static Map<String, JsonNode> byId(JsonNode rows) {
    Map<String, JsonNode> out = new HashMap<>();
    for (JsonNode row : rows) {
      out.put(row.get("municipality_id").asString(), row);
    }
    return out;
  }
}
