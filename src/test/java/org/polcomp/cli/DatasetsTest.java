package org.polcomp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.polcomp.golden.Datasets;

/** The datasets shipped in the repository stay valid, and the broken example stays broken. */
class DatasetsTest {
  /**
   * The real {@code policies/} grows, so nothing here counts it: every policy file on disk is
   * read and none has an error. Tests that need fixed numbers read
   * {@link Datasets#POLICIES}.
   */
  @Test
  void defaultDatasetHasNoErrors() throws IOException {
    long files;
    try (Stream<Path> s = Files.walk(Path.of("policies"))) {
      files = s.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith(".") && (n.endsWith(".yaml") || n.endsWith(".yml"))).count();
    }
    CliRunner.Result r = CliRunner.run("validate", "policies");
    assertEquals(0, r.exit(), r.out());
    assertTrue(files > 0, "no policy files in policies/");
    String counts = files + (files == 1 ? " file, " : " files, ");
    assertTrue(r.out().contains(counts), "expected '" + counts + "' in:\n" + r.out());
    assertTrue(r.diagnostics().stream().noneMatch(d -> d.contains(":E")), r.out());
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
