package org.polcomp.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polcomp.classify.Classifier;
import org.polcomp.golden.Datasets;
import org.polcomp.load.CodebookLoader;
import org.polcomp.load.DatasetLoader;
import org.polcomp.load.Limits;
import org.polcomp.model.Codebook;
import org.polcomp.model.Measure;
import org.polcomp.model.Municipality;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SensitivityCommandTest {
  @TempDir Path tmp;

  private JsonNode run(String... args) throws IOException {
    Path out = tmp.resolve("s" + System.nanoTime() + ".json");
    String[] all = new String[args.length + 3];
    all[0] = "sensitivity";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "-o";
    all[args.length + 2] = out.toString();
    CliRunner.Result r = CliRunner.run(all);
    assertEquals(0, r.exit(), r.err());
    return JsonMapper.shared().readTree(Files.readString(out, StandardCharsets.UTF_8));
  }

  @Test
  void settingD1ToZeroFlipsExactlyTheMeasuresWhoseDurationRestsOnTheirDeclaration()
      throws IOException {
    // with --range 1, lowering D1.structural (+3) and raising D1.temporary (-3) both reach 0
    JsonNode report = run(Datasets.INVENTED, "--range", "1", "--samples", "20");
    Set<String> flippedByD1 = new TreeSet<>();
    for (JsonNode m : report.get("sensitivity_measures")) {
      String by = m.get("flipped_by").isNull() ? "" : m.get("flipped_by").asString();
      if (List.of(by.split("; ")).stream()
          .anyMatch(c -> c.equals("D1.structural=0") || c.equals("D1.temporary=0"))) {
        flippedByD1.add(m.get("municipality_id").asString() + "/" + m.get("measure_id").asString());
      }
    }
    // the same, independently: the measures whose label changes without the declaration
    Codebook defaults = new CodebookLoader(Limits.DEFAULT).defaults();
    double[] w = defaults.weightValues();
    w[0] = 0;
    w[1] = 0;
    Classifier with = new Classifier(defaults);
    Classifier without = new Classifier(defaults.withWeights(w));
    Set<String> restOnDeclaration = new TreeSet<>();
    for (Municipality mun : new DatasetLoader(Limits.DEFAULT, false)
        .load(List.of(Path.of(Datasets.INVENTED)), m -> m).dataset().municipalities()) {
      for (Measure m : mun.measures()) {
        if (with.classify(m).duration() != without.classify(m).duration()) {
          restOnDeclaration.add(mun.id() + "/" + m.id());
        }
      }
    }
    assertFalse(restOnDeclaration.isEmpty(), "the fixture has measures that rest on D1");
    assertTrue(restOnDeclaration.size() < report.get("sensitivity_measures").size(),
        "and measures that do not");
    assertEquals(restOnDeclaration, flippedByD1);
    // the weights table counts them under D1
    int d1 = 0;
    for (JsonNode row : report.get("sensitivity_weights")) {
      String weight = row.get("weight").asString();
      if (weight.equals("D1.structural")) {
        d1 += row.get("measures_low").asInt();
        assertEquals(0.0, row.get("low").asDouble());
      } else if (weight.equals("D1.temporary")) {
        d1 += row.get("measures_high").asInt();
        assertEquals(0.0, row.get("high").asDouble());
      }
    }
    assertEquals(restOnDeclaration.size(), d1);
  }

  @Test
  void theSameSeedGivesTheSameBytesOnAnyNumberOfThreads() throws IOException {
    Path a = tmp.resolve("a.json");
    Path b = tmp.resolve("b.json");
    Path c = tmp.resolve("c.json");
    assertEquals(0, CliRunner.run("sensitivity", Datasets.POLICIES, "--samples", "150",
        "--seed", "42", "--threads", "1", "-o", a.toString()).exit());
    assertEquals(0, CliRunner.run("sensitivity", Datasets.POLICIES, "--samples", "150",
        "--seed", "42", "--threads", "2", "-o", b.toString()).exit());
    assertEquals(0, CliRunner.run("sensitivity", Datasets.POLICIES, "--samples", "150",
        "--seed", "43", "-o", c.toString()).exit());
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    assertNotEquals(Files.readString(a, StandardCharsets.UTF_8)
        .replace("\"seed\": 42", "\"seed\": 43"), Files.readString(c, StandardCharsets.UTF_8),
        "another seed draws other codebooks");
    Path x = tmp.resolve("x.xlsx");
    assertEquals(0, CliRunner.run("sensitivity", Datasets.INVENTED, "--samples", "50", "-o",
        x.toString()).exit());
    byte[] first = Files.readAllBytes(x);
    assertEquals(0, CliRunner.run("sensitivity", Datasets.INVENTED, "--samples", "50", "-o",
        x.toString()).exit());
    assertArrayEquals(first, Files.readAllBytes(x));
  }

  @Test
  void theTablesAgreeWithEachOther() throws IOException {
    JsonNode r = run(Datasets.INVENTED, "--samples", "200", "--seed", "7");
    int samples = 200;
    JsonNode summary = r.get("sensitivity_summary").get(0);
    assertEquals(samples, summary.get("samples").asInt());
    int stable = 0;
    for (JsonNode m : r.get("sensitivity_measures")) {
      double rate = m.get("flip_rate").asDouble();
      assertEquals(m.get("flips").asInt() / (double) samples, rate, 1e-12);
      assertEquals(rate <= 0.05, m.get("stable").asBoolean());
      stable += m.get("stable").asBoolean() ? 1 : 0;
    }
    assertEquals(stable, summary.get("measures_stable").asInt());
    assertEquals(r.get("sensitivity_measures").size(), summary.get("measures").asInt());
    Map<String, Integer> ranks = new HashMap<>();
    for (JsonNode m : r.get("sensitivity_municipalities")) {
      if (!m.get("rank").isNull()) {
        ranks.put(m.get("municipality_id").asString(), m.get("rank").asInt());
        double p05 = m.get("structural_share_p05").asDouble();
        double p95 = m.get("structural_share_p95").asDouble();
        assertTrue(p05 <= p95 && p05 >= 0 && p95 <= 1, m.toString());
        assertTrue(m.get("rank_min").asInt() <= m.get("rank_max").asInt());
        assertEquals(m.get("rank_max").asInt() - m.get("rank_min").asInt(),
            m.get("rank_spread").asInt());
      }
    }
    // rank 1 is the highest structural share
    assertTrue(ranks.containsValue(1));
    long influence = Long.MAX_VALUE;
    for (JsonNode w : r.get("sensitivity_weights")) {
      long changed = w.get("measures_changed").asLong();
      assertTrue(changed <= influence, "the most influential weight first");
      influence = changed;
      assertTrue(changed <= w.get("measures_low").asLong() + w.get("measures_high").asLong());
    }
  }

  @Test
  void aCodebookRangeReplacesTheDefaultOne() throws IOException {
    Path book = tmp.resolve("book.yaml");
    Files.writeString(book, "extends: default\nsensitivity:\n  D2: [-3, -1]\n"
        + "  D3.pilot: [-6, 0]\n", StandardCharsets.UTF_8);
    JsonNode r = run(Datasets.INVENTED, "--codebook", book.toString(), "--samples", "10");
    Map<String, JsonNode> byWeight = new HashMap<>();
    r.get("sensitivity_weights").forEach(w -> byWeight.put(w.get("weight").asString(), w));
    assertEquals(-3.0, byWeight.get("D2.date").get("low").asDouble());
    assertEquals(-1.0, byWeight.get("D2.date").get("high").asDouble());
    assertTrue(byWeight.get("D2.date").get("own_range").asBoolean());
    assertEquals(-6.0, byWeight.get("D3.pilot").get("low").asDouble());
    // D2.open keeps the default range: 2 -/+ max(1, 0.5 x 2)
    assertEquals(1.0, byWeight.get("D2.open").get("low").asDouble());
    assertEquals(3.0, byWeight.get("D2.open").get("high").asDouble());
    assertFalse(byWeight.get("D2.open").get("own_range").asBoolean());
  }

  @Test
  void theWorkbookHasTheTablesAndTheRankChart() throws IOException {
    Path x = tmp.resolve("s.xlsx");
    assertEquals(0, CliRunner.run("sensitivity", Datasets.POLICIES, "--samples", "30", "-o",
        x.toString()).exit());
    try (InputStream in = Files.newInputStream(x); XSSFWorkbook wb = new XSSFWorkbook(in)) {
      assertEquals(List.of("Robustness", "Municipalities", "Measures", "Weights", "Codebook",
          "About"), List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2),
          wb.getSheetName(3), wb.getSheetName(4), wb.getSheetName(5)));
      XSSFSheet municipalities = wb.getSheet("Municipalities");
      var charts = municipalities.getDrawingPatriarch().getCharts();
      assertEquals(1, charts.size());
      assertEquals(2, charts.get(0).getChartSeries().size(), "range bars and rank markers");
      assertEquals(16, municipalities.getLastRowNum(), "a row per municipality");
    }
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertEquals(2, CliRunner.run("sensitivity", Datasets.POLICIES, "--samples", "0", "-o",
        tmp.resolve("a.json").toString()).exit());
    assertEquals(2, CliRunner.run("sensitivity", Datasets.POLICIES, "--range", "-1", "-o",
        tmp.resolve("a.json").toString()).exit());
    assertEquals(2, CliRunner.run("sensitivity", Datasets.POLICIES, "-o",
        tmp.resolve("a.ods").toString()).exit());
    assertFalse(Files.exists(tmp.resolve("a.json")));
  }

  @Test
  void onlyTheFormatsSensitivityWritesAreAccepted() {
    // html and datapackage are compare's: sensitivity wrote a folder of CSV files for both
    List<List<String>> lines = List.of(List.of("-o", tmp.resolve("y.html").toString()),
        List.of("--format", "html", "-o", tmp.resolve("x.html").toString()),
        List.of("--format", "datapackage", "-o", tmp.resolve("dp").toString()),
        List.of("--format", "zzz", "-o", tmp.resolve("z").toString()));
    for (List<String> options : lines) {
      List<String> line = new java.util.ArrayList<>(List.of("sensitivity", "--samples", "2"));
      line.addAll(options);
      line.add(Datasets.POLICIES);
      CliRunner.Result r = CliRunner.run(line.toArray(String[]::new));
      assertEquals(2, r.exit(), line + ": " + r.err());
      String hint = r.err().substring(r.err().indexOf("hint:"));
      assertTrue(hint.contains("xlsx") && hint.contains("json") && hint.contains("csv"), hint);
      assertFalse(hint.contains("html") || hint.contains("datapackage"), hint);
    }
    for (String name : List.of("y.html", "x.html", "dp", "z")) {
      assertFalse(Files.exists(tmp.resolve(name)), name);
    }
  }

  @Test
  void aNegativeRangeIsShownAsWritten() {
    CliRunner.Result r = CliRunner.run("sensitivity", "--samples", "5", "--range", "-1",
        "-o", tmp.resolve("n.json").toString(), Datasets.POLICIES);
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("--range -1 is not a number 0 or more"), r.err());
  }

  @Test
  void aRangeAboveTheBoundIsAUsageErrorAndTheBoundItselfRuns() throws IOException {
    // near 1e307 a drawn weight became infinite and the exact score failed (exit 3)
    Map<String, String> shown = Map.of("1e308", "1E+308", "5e307", "5E+307", "1000.5", "1000.5",
        "1001", "1001");
    for (String range : List.of("1e308", "5e307", "1000.5", "1001")) {
      CliRunner.Result r = CliRunner.run("sensitivity", "--samples", "5", "--range", range,
          "-o", tmp.resolve("r.json").toString(), Datasets.POLICIES);
      assertEquals(2, r.exit(), range + ": " + r.err());
      assertTrue(r.err().contains("--range " + shown.get(range) + " is more than 1000"), r.err());
      assertTrue(r.err().contains("hint: give a fraction of each weight from 0 to 1000"),
          r.err());
      assertFalse(Files.exists(tmp.resolve("r.json")));
    }
    JsonNode widest = run(Datasets.POLICIES, "--samples", "5", "--range", "1000");
    assertEquals(1000.0, widest.get("options").get("range").asDouble());
  }
}
