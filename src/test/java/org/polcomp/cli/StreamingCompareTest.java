package org.polcomp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polcomp.aggregate.AggregateOptions;
import org.polcomp.aggregate.Aggregator;
import org.polcomp.aggregate.ClassifiedMeasure;
import org.polcomp.aggregate.Comparison;
import org.polcomp.aggregate.YearRange;
import org.polcomp.bench.Generator;
import org.polcomp.load.CodebookLoader;
import org.polcomp.load.DatasetLoader;
import org.polcomp.load.Limits;
import org.polcomp.model.Codebook;
import org.polcomp.report.ComparisonReport;
import org.polcomp.report.CsvWriter;
import org.polcomp.report.Report;
import org.polcomp.report.text.ComparisonSummary;

/**
 * compare streams the dataset (parts per municipality, measure rows on disk); these tests hold
 * it to the comparison made the plain way, with everything in memory, on a generated dataset
 * that uses every field.
 */
class StreamingCompareTest {
  private static final int MUNICIPALITIES = 60;
  @TempDir static Path data;
  @TempDir Path dir;

  @BeforeAll
  static void generate() throws IOException {
    Codebook codebook = new CodebookLoader(Limits.DEFAULT).defaults();
    new Generator(codebook, 7).write(MUNICIPALITIES, data);
  }

  @ParameterizedTest
  @CsvSource({"'', false, ''", "2019-06-30, false, type", "2017-01-01, true, profile"})
  void streamedTablesEqualTheInMemoryComparison(String asOf, boolean preferCoded, String groupBy)
      throws IOException {
    List<String> args = new ArrayList<>(List.of("compare", data.toString(), "-o",
        dir.resolve("streamed").toString(), "-q"));
    if (!asOf.isEmpty()) {
      args.addAll(List.of("--as-of", asOf));
    }
    if (preferCoded) {
      args.add("--prefer-coded");
    }
    if (!groupBy.isEmpty()) {
      args.addAll(List.of("--group-by", groupBy));
    }
    args.addAll(List.of("--years", "2010..2030"));
    assertEquals(0, CliRunner.run(args.toArray(String[]::new)).exit());

    Codebook codebook = new CodebookLoader(Limits.DEFAULT).defaults();
    DatasetLoader.Result read = new DatasetLoader(Limits.DEFAULT, false)
        .load(List.of(data), m -> m);
    Aggregator aggregator = new Aggregator(codebook);
    List<ClassifiedMeasure> classified = aggregator.classify(read.dataset());
    LocalDate date = asOf.isEmpty() ? null : LocalDate.parse(asOf);
    AggregateOptions options = new AggregateOptions(date, preferCoded,
        groupBy.isEmpty() ? null : groupBy, new YearRange(2010, 2030), null, null);
    Comparison c = aggregator.aggregate(read.dataset(), classified, options);
    Report report = ComparisonReport.of(c,
        ComparisonReport.measures(Aggregator.active(read.dataset(), classified, date)), codebook,
        List.of(), new ComparisonReport.RunInfo("test", "test", Map.of(), 0, ""));
    Path plain = dir.resolve("plain");
    Files.createDirectories(plain);
    new CsvWriter(false).write(report, plain);

    for (String table : List.of("municipalities", "measures", "domains", "typology",
        "timeline", "panel", "experiments", "agreement")) {
      String expected = Files.readString(plain.resolve(table + ".csv"));
      assertEquals(expected, Files.readString(dir.resolve("streamed/" + table + ".csv")), table);
      assertTrue(expected.lines().count() > 1 || table.equals("agreement"), table + " has rows");
    }
    assertTrue(Files.readString(plain.resolve("measures.csv")).lines().count() > 500,
        "the generated dataset has hundreds of measures");
  }

  @Test
  void theBarChartOfALargeDatasetShowsTheFirstMunicipalities(@TempDir Path big)
      throws IOException {
    Codebook codebook = new CodebookLoader(Limits.DEFAULT).defaults();
    int n = 250;
    new Generator(codebook, 3).write(n, big);
    Path xlsx = dir.resolve("big.xlsx");
    assertEquals(0, CliRunner.run("compare", big.toString(), "-o", xlsx.toString(), "-q").exit());
    try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
      XSSFChart bars = wb.getSheet("Summary").getDrawingPatriarch().getCharts().get(0);
      assertEquals("Measures of each municipality by kind, the first 200 of 250",
          bars.getTitleText().getString());
      var series = bars.getChartSeries().get(0).getSeries(0);
      assertEquals(200, series.getCategoryData().getPointCount());
      assertEquals("Overview!$AA$2:$AA$201", series.getCategoryData().getDataRangeReference());
      var bubbles = wb.getSheet("Typology").getDrawingPatriarch().getCharts().get(0)
          .getCTChart().getPlotArea().getBubbleChartArray(0).getSerArray(0).getBubbleSize()
          .getNumRef().getNumCache();
      double placed = 0;
      for (int i = 0; i < bubbles.sizeOfPtArray(); i++) {
        placed += Double.parseDouble(bubbles.getPtArray(i).getV());
      }
      int withShares = 0;
      var summary = wb.getSheet("Summary");
      for (int r = 1; r <= n; r++) {
        if (summary.getRow(r).getCell(18) != null && summary.getRow(r).getCell(19) != null) {
          withShares++;
        }
      }
      assertEquals(withShares, placed, "every municipality with both shares is in a bubble");
    } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
      throw new IOException(e);
    }
  }

  @Test
  void aLargeDatasetGetsItsProfilesCountedOnTheTerminal() throws IOException {
    CliRunner.Result r = CliRunner.run("compare", data.toString(), "-o",
        dir.resolve("csv").toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(MUNICIPALITIES > ComparisonSummary.SUMMARY_LINES);
    assertTrue(r.out().startsWith("PROFILE"), r.out());
    assertFalse(r.out().contains("GM000001"), "no line per municipality");
    // the counts on the terminal are the profiles of municipalities.csv
    Map<String, Long> shown = new TreeMap<>();
    Matcher m = Pattern.compile("(?m)^(\\S+-\\S+)\\s+(\\d+)$").matcher(r.out());
    while (m.find()) {
      shown.put(m.group(1), Long.parseLong(m.group(2)));
    }
    Map<String, Long> expected = new TreeMap<>();
    try (Stream<String> lines = Files.lines(dir.resolve("csv/municipalities.csv")).skip(1)) {
      lines.forEach(line -> {
        String[] cells = line.split(",");
        expected.merge(cells[cells.length - 6], 1L, Long::sum);
      });
    }
    assertEquals(expected, shown);
    assertTrue(r.out().contains(MUNICIPALITIES + " municipalities, "), r.out());
  }
}
