package org.polcomp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polcomp.golden.Datasets;

/** {@code polcomp template}: its options mean the same with a dataset and without. */
class TemplateCommandTest {
  @TempDir Path dir;

  /** The arguments of a template run, with or without the dataset. */
  private List<String> line(boolean withDataset, String... options) {
    List<String> line = new ArrayList<>(List.of("template"));
    if (withDataset) {
      line.add(Datasets.POLICIES);
    }
    line.addAll(List.of(options));
    line.addAll(List.of("-o", dir.resolve("t.xlsx").toString()));
    return line;
  }

  private CliRunner.Result run(List<String> line) {
    CliRunner.Result r = CliRunner.run(line.toArray(String[]::new));
    assertFalse(Files.exists(dir.resolve("t.xlsx")), "no workbook written: " + line);
    return r;
  }

  @ParameterizedTest
  @ValueSource(strings = {"--lineage", "--codebook"})
  void anEmptyOrMissingFileIsAUsageError(String option) {
    for (boolean withDataset : new boolean[] {false, true}) {
      CliRunner.Result empty = run(line(withDataset, option, ""));
      assertEquals(ExitCode.USAGE, empty.exit(), empty.err());
      assertTrue(empty.err().contains("an empty string is not a path"), empty.err());
      String missing = dir.resolve("missing.yaml").toString();
      CliRunner.Result absent = run(line(withDataset, option, missing));
      assertEquals(ExitCode.USAGE, absent.exit(), absent.err());
      assertTrue(absent.err().contains("no such file or directory: " + missing), absent.err());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"--lineage", "--codebook"})
  void anInvalidFileIsInvalidData(String option) throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "nonsense: [\n");
    for (boolean withDataset : new boolean[] {false, true}) {
      CliRunner.Result r = run(line(withDataset, option, bad.toString()));
      assertEquals(ExitCode.INVALID, r.exit(), r.err());
      assertTrue(r.err().contains(bad + ":1:11: error[E001]"), r.err());
    }
  }
}
