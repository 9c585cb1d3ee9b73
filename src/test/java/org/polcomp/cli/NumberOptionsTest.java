package org.polcomp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Number options take plain decimal notation only, and a value they cannot take is a usage error
 * that says what the option takes, not which Java type failed to parse it.
 */
class NumberOptionsTest {
  private static final String DATA = "examples/invented/dijkhorst.yaml";

  @TempDir Path dir;

  private CliRunner.Result sensitivity(String option, String value) {
    return CliRunner.run("sensitivity", "--samples", "2", option, value, "-o",
        dir.resolve("r.json").toString(), DATA);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--threads|2147483648|--threads takes a whole number from 0 to 32767, not '2147483648'",
      "--threads|٣|--threads takes a whole number from 0 to 32767, not '٣'",
      "--threads|1.0|--threads takes a whole number from 0 to 32767, not '1.0'",
      "--max-file-size|99999999999999999999|--max-file-size takes a whole number from 1 to"
          + " 268435456, not '99999999999999999999'",
      "--max-depth|0x10|--max-depth takes a whole number from 1 to 1000, not '0x10'",
      "--max-aliases|' 5'|--max-aliases takes a whole number from 0 to 10000, not ' 5'"})
  void aWholeNumberIsDigits(String option, String value, String message) {
    CliRunner.Result r = CliRunner.run("validate", option, value, DATA);
    assertEquals(ExitCode.USAGE, r.exit(), r.err());
    assertTrue(r.err().startsWith("polcomp: " + message + "\n"), r.err());
    assertTrue(r.err().contains("    hint: write it in digits 0-9"), r.err());
    assertJavaFree(r.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"5d", "5f", "0x1p3", "nan", "NaN", "Infinity", "1e400", "1_0", "",
      "٠.5", "0.5 "})
  void aDecimalNumberIsDigitsWithAPointAndExponent(String value) {
    CliRunner.Result r = sensitivity("--range", value);
    assertEquals(ExitCode.USAGE, r.exit(), value + ": " + r.err());
    assertTrue(r.err().startsWith("polcomp: --range takes a number from 0 to 1000, not '"
        + value + "'\n"), r.err());
    assertTrue(r.err().contains("hint: write it in decimal digits"), r.err());
    assertJavaFree(r.err());
    assertFalse(Files.exists(dir.resolve("r.json")));
  }

  @Test
  void samplesAndSeedSayWhatTheyTake() {
    CliRunner.Result samples = sensitivity("--samples", "1e3");
    assertEquals(ExitCode.USAGE, samples.exit(), samples.err());
    assertTrue(samples.err().contains("--samples takes a whole number from 1 to 2147483647,"
        + " not '1e3'"), samples.err());
    CliRunner.Result seed = sensitivity("--seed", "9223372036854775808");
    assertEquals(ExitCode.USAGE, seed.exit(), seed.err());
    assertTrue(seed.err().contains("--seed takes a whole number from -9223372036854775808 to"
        + " 9223372036854775807"), seed.err());
    assertJavaFree(samples.err() + seed.err());
  }

  @Test
  void plainNotationIsTaken() {
    for (List<String> pair : List.of(List.of("--range", ".25"), List.of("--range", "1."),
        List.of("--range", "+2.5e-1"), List.of("--range", "1E2"), List.of("--seed", "-7"),
        List.of("--threads", "+1"))) {
      CliRunner.Result r = sensitivity(pair.get(0), pair.get(1));
      assertEquals(0, r.exit(), pair + ": " + r.err());
    }
  }

  private static void assertJavaFree(String err) {
    for (String java : List.of("an int", "a long", "a double", "Exception", "NumberFormat")) {
      assertFalse(err.contains(java), err);
    }
  }
}
