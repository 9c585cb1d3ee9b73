package org.polcomp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code polcomp compare} on the shipped datasets against checked-in outputs, one folder per
 * case in {@code src/test/resources/golden/compare/}: {@code expected.xlsx.txt} (a dump of the
 * workbook read back with POI), {@code expected.json}, {@code csv/*.csv} and, for the invented dataset, {@code expected.html}. A file in a case
 * folder that no output claims fails the test. Refresh with {@code -Dpolcomp.golden.update=true}.
 * Outputs go to a fixed relative folder, since the command line is part of the About sheet.
 */
class CompareGoldenTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden/compare");
  static final boolean UPDATE = Boolean.getBoolean("polcomp.golden.update");

  static Stream<Arguments> cases() {
    return Stream.of(Arguments.of("policies", "policies"),
        Arguments.of("invented", "examples/invented"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void outputsAreAsCheckedIn(String name, String dataset) throws IOException {
    Path out = Path.of("target/golden-compare").resolve(name);
    Files.createDirectories(out);
    Path folder = GOLDEN.resolve(name);
    Files.createDirectories(folder.resolve("csv"));
    List<String> claimed = new ArrayList<>();

    CliRunner.Result x = CliRunner.run("compare", dataset, "-o", out + "/comparison.xlsx", "-q");
    assertEquals(0, x.exit(), x.err());
    check(folder.resolve("expected.xlsx.txt"), XlsxDump.dump(out.resolve("comparison.xlsx")),
        claimed);

    CliRunner.Result j = CliRunner.run("compare", dataset, "-o", out + "/comparison.json", "-q");
    assertEquals(0, j.exit(), j.err());
    check(folder.resolve("expected.json"),
        Files.readString(out.resolve("comparison.json"), StandardCharsets.UTF_8), claimed);

    if (name.equals("invented")) {
      CliRunner.Result h =
          CliRunner.run("compare", dataset, "-o", out + "/comparison.html", "-q");
      assertEquals(0, h.exit(), h.err());
      check(folder.resolve("expected.html"),
          Files.readString(out.resolve("comparison.html"), StandardCharsets.UTF_8), claimed);
    }

    CliRunner.Result c = CliRunner.run("compare", dataset, "-o", out + "/csv", "-q");
    assertEquals(0, c.exit(), c.err());
    try (Stream<Path> files = Files.list(out.resolve("csv"))) {
      for (Path f : files.sorted().toList()) {
        check(folder.resolve("csv").resolve(f.getFileName().toString()),
            Files.readString(f, StandardCharsets.UTF_8), claimed);
      }
    }
    try (Stream<Path> all = Files.walk(folder)) {
      TreeSet<String> orphans = new TreeSet<>();
      all.filter(Files::isRegularFile).map(Path::toString)
          .filter(p -> !claimed.contains(p)).forEach(orphans::add);
      assertEquals(new TreeSet<String>(), orphans, "files no output claims");
    }
  }

  private static void check(Path expected, String actual, List<String> claimed)
      throws IOException {
    claimed.add(expected.toString());
    if (UPDATE) {
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
    }
    assertTrue(Files.exists(expected), "missing " + expected + "; run with -Dpolcomp.golden.update=true");
    assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual,
        expected + " differs; refresh with -Dpolcomp.golden.update=true after checking the change");
  }
}
