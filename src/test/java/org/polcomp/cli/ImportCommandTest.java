package org.polcomp.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polcomp.golden.Datasets;

/** {@code polcomp import}: what it may write. */
class ImportCommandTest {
  @TempDir Path dir;

  /**
   * A --codebook or --lineage file inside the output folder, under the name of a policy file
   * import writes, is an input: --force does not let import write over it (exit 2, nothing
   * written).
   */
  @ParameterizedTest
  @ValueSource(strings = {"--codebook", "--lineage"})
  void forceNeverWritesOverAnInput(String option) throws IOException {
    Path workbook = dir.resolve("t.xlsx");
    Path out = dir.resolve("impd");
    assertEquals(0, CliRunner.run("template", Datasets.POLICIES, "-o", workbook.toString())
        .exit());
    assertEquals(0, CliRunner.run("import", "-q", workbook.toString(), "-o", out.toString())
        .exit());
    List<Path> written;
    try (Stream<Path> s = Files.list(out)) {
      written = s.sorted().toList();
    }
    // a valid file of its kind, so that the run gets as far as writing
    Path input = written.get(0);
    if (option.equals("--codebook")) {
      assertEquals(0, CliRunner.run("codebook", "-o", input.toString()).exit());
    } else {
      Files.copy(Path.of("src/test/resources/golden/diff/invented/lineage.yaml"), input,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    byte[] before = Files.readAllBytes(input);
    CliRunner.Result r = CliRunner.run("import", "--force", option, input.toString(), "-o",
        out.toString(), workbook.toString());
    assertEquals(ExitCode.USAGE, r.exit(), r.err());
    assertTrue(r.err().contains(input + " is an input of this run"), r.err());
    assertTrue(r.err().contains("hint: "), r.err());
    assertArrayEquals(before, Files.readAllBytes(input), "the input is untouched");
  }
}
