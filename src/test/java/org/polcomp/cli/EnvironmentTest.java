package org.polcomp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polcomp.golden.Datasets;
import org.polcomp.run.Terminal;
import picocli.CommandLine;

/** What polcomp takes from its environment comes in through Main: terminal, options, threads. */
class EnvironmentTest {
  @TempDir Path dir;

  private static CliRunner.Result run(Terminal terminal, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = new Main(new PrintWriter(out), new PrintWriter(err), terminal).run(args);
    return new CliRunner.Result(code, out.toString(), err.toString());
  }

  @Test
  void classifyPrintsATableToATerminalAndCsvElsewhere() {
    CliRunner.Result csv = CliRunner.run("classify", Datasets.POLICIES);
    assertEquals(0, csv.exit(), csv.err());
    assertTrue(csv.out().startsWith("municipality_id,"), csv.out().lines().findFirst()
        .orElse(""));
    Terminal narrow = new Terminal(true, false, 70, false);
    CliRunner.Result table = run(narrow, "classify", Datasets.POLICIES);
    assertEquals(0, table.exit(), table.err());
    List<String> lines = table.out().lines().toList();
    assertTrue(lines.get(0).startsWith("MEASURE "), lines.get(0));
    int widest = lines.stream().mapToInt(String::length).max().orElseThrow();
    assertTrue(lines.stream().anyMatch(l -> l.endsWith("…")), "titles cut to fit 70 columns");
    CliRunner.Result wide = run(new Terminal(true, false, 200, false), "classify", Datasets.POLICIES);
    assertTrue(wide.out().lines().mapToInt(String::length).max().orElseThrow() > widest,
        "a wider terminal shows more of the titles");
    // A file is never a terminal, whatever standard output is.
    CliRunner.Result toFile = run(narrow, "classify", Datasets.POLICIES, "-o",
        dir.resolve("m.csv").toString());
    assertEquals(0, toFile.exit(), toFile.err());
  }

  @Test
  void theWidthComesFromColumnsWithinBounds() {
    assertEquals(Terminal.DEFAULT_WIDTH, Terminal.NONE.width());
    assertFalse(Terminal.NONE.stdoutIsTerminal() || Terminal.NONE.stderrIsTerminal());
  }

  @Test
  void debugIsTheParsedOptionNotAWordOnTheCommandLine() {
    PrintWriter w = new PrintWriter(new StringWriter());
    assertTrue(Main.debug(Main.commandLine(new Main(w, w)).parseArgs("validate", "--debug")));
    assertFalse(Main.debug(Main.commandLine(new Main(w, w)).parseArgs("validate")));
    // after '--' it is the REF of explain, not the option
    assertFalse(Main.debug(Main.commandLine(new Main(w, w)).parseArgs("explain", "--", "--debug")));
  }

  @Test
  void threadsMeansThatManyThreadsAndNegativeIsAUsageError() {
    CliRunner.Result one = CliRunner.run("classify", "--format", "csv", "--threads", "1",
        Datasets.POLICIES);
    CliRunner.Result three = CliRunner.run("classify", "--format", "csv", "--threads", "3",
        Datasets.POLICIES);
    assertEquals(0, three.exit(), three.err());
    assertEquals(one.out(), three.out());
    CliRunner.Result negative = CliRunner.run("validate", "--threads", "-2", Datasets.POLICIES);
    assertEquals(ExitCode.USAGE, negative.exit());
    assertEquals("polcomp: --threads -2 is not a number of threads\n"
        + "    hint: give 1 to 32767, or 0 for every core\n", negative.err());
    // a fork-join pool has at most 32767 threads: one more is refused, not an internal error
    for (String command : List.of("validate", "classify", "compare", "sensitivity")) {
      CliRunner.Result many = CliRunner.run(command, "--threads=32768", "-o",
          dir.resolve(command + ".json").toString(), Datasets.POLICIES);
      assertEquals(ExitCode.USAGE, many.exit(), command + ": " + many.err());
      assertEquals("polcomp: --threads 32768 is more than the 32767 threads polcomp can run\n"
          + "    hint: give 1 to 32767, or 0 for every core\n", many.err());
      assertFalse(Files.exists(dir.resolve(command + ".json")));
    }
    CliRunner.Result most = CliRunner.run("validate", "--threads=32767", Datasets.POLICIES);
    assertEquals(0, most.exit(), most.err());
  }

  @Test
  void anEmptyPathIsAUsageErrorNotTheCurrentFolder() {
    String out = dir.resolve("out.json").toString();
    List<List<String>> lines = List.of(List.of("validate", ""),
        List.of("classify", "--format", "csv", ""), List.of("explain", "GM0363/x", ""),
        List.of("compare", "-o", out, ""), List.of("sensitivity", "-o", out, ""),
        List.of("diff", "", Datasets.POLICIES), List.of("diff", Datasets.POLICIES, ""),
        List.of("template", "-o", dir.resolve("t.xlsx").toString(), ""),
        List.of("import", "", "-o", dir.resolve("imported").toString()),
        List.of("validate", "--codebook", "", Datasets.POLICIES),
        List.of("validate", "--lineage", "", Datasets.POLICIES));
    for (List<String> line : lines) {
      CliRunner.Result r = CliRunner.run(line.toArray(String[]::new));
      assertEquals(ExitCode.USAGE, r.exit(), line + ": " + r.err());
      assertEquals("polcomp: an empty string is not a path\n"
          + "    hint: name a file or folder, or . for the current folder\n", r.err(),
          line.toString());
      assertEquals("", r.out(), line.toString());
    }
    assertFalse(Files.exists(Path.of(out)));
  }

  @Test
  void anArgumentStartingWithAtIsNotAFileOfArguments() throws IOException {
    Path args = Files.writeString(dir.resolve("args.txt"), "--strict\n");
    CliRunner.Result r = CliRunner.run("validate", "@" + args);
    assertEquals(ExitCode.USAGE, r.exit());
    assertTrue(r.err().startsWith("polcomp: no such file or directory: @" + args), r.err());
  }

  @Test
  void theSameFileTwiceIsReadOnceNotADuplicateOfItself() {
    String file = Datasets.POLICIES + "/nl/amsterdam.yaml";
    CliRunner.Result once = CliRunner.run("classify", "--format", "csv", file);
    CliRunner.Result twice = CliRunner.run("classify", "--format", "csv", file, file);
    assertEquals(0, twice.exit(), twice.err());
    assertFalse(twice.err().contains("[E015]"), twice.err());
    assertEquals(once.out(), twice.out());
  }
}
