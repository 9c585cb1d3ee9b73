package org.polcomp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The classification of the shipped datasets, checked in. The default dataset's file was checked
 * by hand against CODEBOOK.md when it was made; a change here is a change of results that a
 * person must look at. Refresh with {@code -Dpolcomp.golden.update=true}.
 */
class ClassifyGoldenTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden/classify");

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("policies", "csv", "policies.csv"),
        Arguments.of("policies", "json", "policies.json"),
        Arguments.of("examples/invented", "csv", "invented.csv"));
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("cases")
  void classificationIsAsCheckedIn(String dataset, String format, String expected)
      throws IOException {
    CliRunner.Result r = CliRunner.run("classify", "--format", format, dataset);
    assertEquals(0, r.exit(), r.err());
    Path file = GOLDEN.resolve(expected);
    if (Boolean.getBoolean("polcomp.golden.update")) {
      Files.writeString(file, r.out(), StandardCharsets.UTF_8);
    }
    assertTrue(Files.exists(file), "missing " + file + "; run with -Dpolcomp.golden.update=true");
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), r.out(),
        "classification of " + dataset + " changed; check it against CODEBOOK.md");
  }
}
