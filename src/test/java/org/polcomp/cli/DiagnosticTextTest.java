package org.polcomp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command prints a diagnostic the same way: the text report's one line and hint. */
class DiagnosticTextTest {
  @TempDir Path dir;

  /** A file whose unknown key holds a line break, which the E010 message quotes. */
  private Path brokenKey() throws IOException {
    Path file = dir.resolve("a.yaml");
    Files.writeString(file, """
        municipality:
          id: GM9999
          name: Testdorp
        policies:
          - id: m1
            title: A measure
            declared_duration: structural
            sources: [{title: S}]
            "dom\\nian": housing
            domain: housing
            target: {groups: [refugees], eligibility: all}
        """);
    return file;
  }

  /** validate's report without its summary line: the diagnostics as the text report has them. */
  private static List<String> validateLines(Path file) {
    CliRunner.Result r = CliRunner.run("validate", file.toString());
    assertEquals(1, r.exit(), r.out() + r.err());
    List<String> lines = r.out().lines().toList();
    return lines.subList(0, lines.size() - 1);
  }

  /** What a command that stops on invalid data prints, without its closing line. */
  private static List<String> stoppedLines(String... args) {
    CliRunner.Result r = CliRunner.run(args);
    assertEquals(1, r.exit(), r.out() + r.err());
    List<String> lines = r.err().lines().toList();
    assertTrue(lines.get(lines.size() - 1).startsWith("polcomp: the data is invalid (1 error)"),
        r.err());
    return lines.subList(0, lines.size() - 1);
  }

  @Test
  void aFileThatCannotBeReadIsNotCalledInvalidData(@TempDir Path dir) {
    // /dev/null is not a regular file: E023, exit 3, and the closing line says so
    Path out = dir.resolve("c.json");
    CliRunner.Result r = CliRunner.run("compare", "/dev/null", "-o", out.toString());
    assertEquals(3, r.exit(), r.out() + r.err());
    List<String> lines = r.err().lines().toList();
    assertTrue(lines.get(lines.size() - 1).startsWith(
        "polcomp: an input could not be read (1 error); nothing was written."), r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void aMessageWithALineBreakPrintsIdenticallyUnderValidateAndCompare() throws IOException {
    Path file = brokenKey();
    List<String> validate = validateLines(file);
    assertEquals(2, validate.size(), "one error and its hint: " + validate);
    assertTrue(validate.get(0).contains("[E010]") && validate.get(0).contains("dom\\nian"),
        validate.toString());
    List<String> compare =
        stoppedLines("compare", file.toString(), "-o", dir.resolve("out.json").toString());
    assertEquals(validate, compare);
    assertEquals(validate, stoppedLines("classify", "--format", "csv", file.toString()));
    assertEquals(validate, stoppedLines("classify", "--format", "table", file.toString()));
    assertEquals(validate, stoppedLines("explain", "GM9999/m1", file.toString()));
  }
}
