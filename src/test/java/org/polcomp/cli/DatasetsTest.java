package org.polcomp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The datasets shipped in the repository stay valid, and the broken example stays broken. */
class DatasetsTest {
  @Test
  void defaultDatasetHasNoErrors() {
    CliRunner.Result r = CliRunner.run("validate", "policies");
    assertEquals(0, r.exit(), r.out());
    assertTrue(r.out().contains("16 files, 16 municipalities"), r.out());
    assertTrue(r.diagnostics().stream().allMatch(d -> d.endsWith(":W004")), r.out());
  }

  @Test
  void inventedExamplesHaveNoErrors() {
    CliRunner.Result r = CliRunner.run("validate", "examples/invented");
    assertEquals(0, r.exit(), r.out());
    // The disagreeing human codings are there on purpose: W005 only.
    assertTrue(r.codes().stream().allMatch("W005"::equals), r.out());
  }

  @Test
  void brokenExampleGivesTheDocumentedDiagnostics() throws IOException {
    CliRunner.Result r = CliRunner.run("validate", "examples/broken");
    assertEquals(1, r.exit());
    assertEquals(Files.readString(Path.of("examples/broken/EXPECTED.txt"), StandardCharsets.UTF_8),
        r.out(), "refresh with: bin/polcomp validate examples/broken > examples/broken/EXPECTED.txt");
  }
}
