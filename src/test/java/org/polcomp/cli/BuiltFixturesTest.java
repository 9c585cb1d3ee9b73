package org.polcomp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.polcomp.diagnostic.Code;
import org.polcomp.report.sheets.Workbooks;

/**
 * The rules whose fixtures cannot be plain text files in the repository (bytes that are not
 * UTF-8, limits set by options, unreadable paths, user codebooks), each with a failing and a
 * passing case built in a temporary folder ({@link #RULES}), and the exit codes.
 */
class BuiltFixturesTest {
  @TempDir Path dir;

  static final String VALID = """
      municipality: {id: GM1, name: Een}
      policies:
        - {id: m1, title: T, domain: housing, target: {groups: [refugees]}, declared_duration: structural, sources: [{title: S}]}
      """;

  /** A measure with a generic and a migration-defined group: mixed eligibility. */
  static final String MIXED = """
      municipality: {id: GM1, name: Een}
      policies:
        - {id: m1, title: T, domain: housing, target: {groups: [refugees, youth]}, declared_duration: temporary, sources: [{title: S}]}
      """;

  /** A run to make: its arguments and the diagnostics it must report, as file:line:col:CODE. */
  record Run(List<String> args, List<String> expected) {}

  /** Writes a fixture's files into a folder of its own and says how to run it. */
  @FunctionalInterface
  interface Builder {
    Run build(Path folder) throws IOException;
  }

  /** A rule built in code: the run that raises it and the nearest run that does not. */
  record Rule(Code code, String failing, Builder raises, String passing, Builder passes) {}

  /** Every code whose fixtures are built here; RuleFixturesTest counts them as covered. */
  static final List<Rule> RULES = List.of(
      new Rule(Code.E002, "a Latin-1 byte", f -> {
        String p = write(f, "latin1.yaml", latin1());
        return new Run(List.of("validate", p), List.of(p + ":3:12:E002"));
      }, "UTF-8 with a byte-order mark", f -> new Run(
          List.of("validate", write(f, "bom.yaml", withBom(VALID))), List.of())),
      new Rule(Code.E003, "a file over --max-file-size", f -> {
        String p = write(f, "big.yaml", VALID);
        return new Run(List.of("validate", "--max-file-size", "100", p), List.of(p + ":1:1:E003"));
      }, "the same file under the limit", f -> new Run(
          List.of("validate", "--max-file-size", "100000", write(f, "big.yaml", VALID)),
          List.of())),
      new Rule(Code.E004, "lists nested 70 deep", f -> {
        String p = write(f, "deep.yaml", VALID + "x-deep: " + "[".repeat(70) + "]".repeat(70) + "\n");
        return new Run(List.of("validate", p), List.of(p + ":4:72:E004"));
      }, "nested 10 deep", f -> new Run(List.of("validate", write(f, "shallow.yaml",
          VALID + "x-deep: " + "[".repeat(10) + "]".repeat(10) + "\n")), List.of())),
      new Rule(Code.E005, "a 40,000-character string", f -> {
        String p = write(f, "long.yaml", VALID + "x-long: " + "a".repeat(40_000) + "\n");
        return new Run(List.of("validate", p), List.of(p + ":4:9:E005"));
      }, "a string of 32,767 characters", f -> new Run(List.of("validate", write(f, "ok.yaml",
          VALID + "x-long: " + "a".repeat(32_767) + "\n")), List.of())),
      new Rule(Code.E023, "a dangling symbolic link", f -> {
        write(f, "set/ok.yaml", VALID);
        Path link = f.resolve("set/gone.yaml");
        Files.createSymbolicLink(link, f.resolve("set/missing.yaml"));
        return new Run(List.of("validate", slashes(f.resolve("set"))),
            List.of(slashes(link) + ":1:1:E023"));
      }, "the same folder without the link", f -> {
        write(f, "set/ok.yaml", VALID);
        // A directory named *.yaml inside a walk is just a directory.
        Files.createDirectories(f.resolve("set/folder.yaml"));
        return new Run(List.of("validate", slashes(f.resolve("set"))), List.of());
      }),
      new Rule(Code.E025, "a codebook that lists an instrument twice", f -> {
        String cb = write(f, "cb.yaml", """
            extends: default
            instruments:
              - {id: pilot, weight: -3}
              - {id: pilot, weight: -1}
            """);
        return new Run(List.of("validate", "--codebook", cb, write(f, "a.yaml", VALID)),
            List.of(cb + ":4:10:E025"));
      }, "the codebook with the instrument once", f -> {
        String cb = write(f, "cb.yaml", """
            extends: default
            instruments:
              - {id: pilot, weight: -3}
            """);
        return new Run(List.of("validate", "--codebook", cb, write(f, "a.yaml", VALID)),
            List.of());
      }),
      new Rule(Code.E030, "a lineage file whose successor names no code", f -> {
        String ln = write(f, "lineage.yaml", """
            format: polcomp-lineage/1
            municipalities:
              - {code: XX0001, name: Oldtown, valid_to: 2020-12-31, successor: XX0002}
            """);
        return new Run(List.of("validate", "--lineage", ln, write(f, "a.yaml", VALID)),
            List.of(ln + ":3:68:E030"));
      }, "the lineage file with the successor's row", f -> {
        String ln = write(f, "lineage.yaml", """
            format: polcomp-lineage/1
            municipalities:
              - {code: XX0001, name: Oldtown, valid_to: 2020-12-31, successor: XX0002}
              - {code: XX0002, name: Newtown, valid_from: 2021-01-01}
            """);
        return new Run(List.of("validate", "--lineage", ln, write(f, "a.yaml", VALID)),
            List.of());
      }),
      new Rule(Code.W010, "a codebook that adds an id one typo from an existing one", f -> {
        String cb = write(f, "cb.yaml", """
            extends: default
            instruments:
              - {id: living_lab, weight: -3}
            """);
        return new Run(List.of("validate", "--codebook", cb, write(f, "a.yaml", VALID)),
            List.of(cb + ":3:10:W010"));
      }, "the codebook that changes the existing id", f -> {
        String cb = write(f, "cb.yaml", """
            extends: default
            instruments:
              - {id: living-lab, weight: -3}
            """);
        return new Run(List.of("validate", "--codebook", cb, write(f, "a.yaml", VALID)),
            List.of());
      }),
      new Rule(Code.E028, "a workbook whose Measures sheet has a column 'titel'", f -> {
        var s = Workbooks.valid();
        Workbooks.set(s, "Measures", 0, 2, "titel");
        String p = slashes(Workbooks.write(f.resolve("wb.xlsx"), s));
        // Without its column the measure's title is missing too.
        return new Run(List.of("validate", p),
            List.of(p + ":Measures!C1:E028", p + ":Measures!A2:E009"));
      }, "the column named 'title'", f -> new Run(List.of("validate",
          slashes(Workbooks.write(f.resolve("wb.xlsx"), Workbooks.valid()))), List.of())),
      new Rule(Code.E029, "a Sources row naming measure m2, which does not exist", f -> {
        var s = Workbooks.valid();
        Workbooks.set(s, "Sources", 1, 1, "m2");
        String p = slashes(Workbooks.write(f.resolve("wb.xlsx"), s));
        // The source left out, the measure cites none.
        return new Run(List.of("validate", p),
            List.of(p + ":Measures!B2:W003", p + ":Sources!B2:E029"));
      }, "the row naming m1", f -> new Run(List.of("validate",
          slashes(Workbooks.write(f.resolve("wb.xlsx"), Workbooks.valid()))), List.of())),
      new Rule(Code.E031, "a workbook cut off half-way", f -> {
        Path good = Workbooks.write(f.resolve("good.xlsx"), Workbooks.valid());
        byte[] bytes = Files.readAllBytes(good);
        Path cut = Files.write(f.resolve("cut.xlsx"),
            java.util.Arrays.copyOf(bytes, bytes.length / 2));
        return new Run(List.of("validate", slashes(cut)), List.of(slashes(cut) + ":1:1:E031"));
      }, "the whole workbook", f -> new Run(List.of("validate",
          slashes(Workbooks.write(f.resolve("wb.xlsx"), Workbooks.valid()))), List.of())),
      new Rule(Code.W012, "a workbook without the Funding sheet", f -> {
        var s = Workbooks.valid();
        s.remove("Funding");
        String p = slashes(Workbooks.write(f.resolve("wb.xlsx"), s));
        return new Run(List.of("validate", p), List.of(p + ":1:1:W012"));
      }, "the Funding sheet kept empty with its header row", f -> new Run(List.of("validate",
          slashes(Workbooks.write(f.resolve("wb.xlsx"), Workbooks.valid()))), List.of())),
      new Rule(Code.W011, "a title computed by a formula", f -> {
        var s = Workbooks.valid();
        Workbooks.set(s, "Measures", 1, 2, new Workbooks.Formula("\"T\"&\"2\""));
        String p = slashes(Workbooks.write(f.resolve("wb.xlsx"), s));
        return new Run(List.of("validate", p), List.of(p + ":Measures!C2:W011"));
      }, "the title typed", f -> new Run(List.of("validate",
          slashes(Workbooks.write(f.resolve("wb.xlsx"), Workbooks.valid()))), List.of())),
      new Rule(Code.W007, "a folder without policy files", f -> {
        write(f, "empty/notes.txt", "not yaml");
        String p = slashes(f.resolve("empty"));
        return new Run(List.of("validate", p), List.of(p + ":1:1:W007"));
      }, "the folder with a policy file", f -> {
        write(f, "empty/notes.txt", "not yaml");
        write(f, "empty/a.yaml", VALID);
        return new Run(List.of("validate", slashes(f.resolve("empty"))), List.of());
      }),
      new Rule(Code.W008, "mixed eligibility left unclassified by the codebook", f -> {
        String cb = write(f, "cb.yaml",
            "extends: default\nsettings: {mixed_eligibility: unclassified}\n");
        String p = write(f, "mixed.yaml", MIXED);
        return new Run(List.of("validate", "--codebook", cb, p), List.of(p + ":3:10:W008"));
      }, "mixed eligibility classified as target-group", f -> {
        String cb = write(f, "cb.yaml",
            "extends: default\nsettings: {mixed_eligibility: target-group}\n");
        return new Run(List.of("validate", "--codebook", cb, write(f, "mixed.yaml", MIXED)),
            List.of());
      }));

  @TestFactory
  Stream<DynamicNode> rules() {
    return RULES.stream().map(rule -> DynamicContainer.dynamicContainer(rule.code().id(),
        Stream.of(
            DynamicTest.dynamicTest("raised: " + rule.failing(),
                () -> check(rule, rule.raises(), dir.resolve(rule.code().id() + "-bad"), true)),
            DynamicTest.dynamicTest("not raised: " + rule.passing(),
                () -> check(rule, rule.passes(), dir.resolve(rule.code().id() + "-good"),
                    false)))));
  }

  private static void check(Rule rule, Builder builder, Path folder, boolean raised)
      throws IOException {
    Files.createDirectories(folder);
    Run run = builder.build(folder);
    CliRunner.Result r = CliRunner.run(run.args().toArray(String[]::new));
    assertEquals(run.expected(), r.located(), rule.code().id() + ": " + r.out() + r.err());
    List<String> codes = r.codes();
    assertEquals(raised, codes.contains(rule.code().id()), r.out());
    boolean errors = codes.stream().anyMatch(c -> c.startsWith("E"));
    // an input that cannot be read is an input/output failure, not invalid data
    int expected = codes.contains("E023") ? 3 : errors ? 1 : 0;
    assertEquals(expected, r.exit(), r.out() + r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  private static String write(Path folder, String name, byte[] bytes) throws IOException {
    Path p = folder.resolve(name);
    Files.createDirectories(p.getParent());
    Files.write(p, bytes);
    return slashes(p);
  }

  private static String write(Path folder, String name, String text) throws IOException {
    return write(folder, name, text.getBytes(StandardCharsets.UTF_8));
  }

  private static String slashes(Path p) {
    return p.toString().replace('\\', '/');
  }

  /** A file whose third line ends in a Latin-1 e-acute, not UTF-8. */
  private static byte[] latin1() {
    byte[] good = "municipality:\n  id: GM1\n  name: Caf".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[good.length + 2];
    System.arraycopy(good, 0, bytes, 0, good.length);
    bytes[good.length] = (byte) 0xE9;
    bytes[good.length + 1] = '\n';
    return bytes;
  }

  private static byte[] withBom(String text) {
    byte[] t = text.getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[t.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(t, 0, bytes, 3, t.length);
    return bytes;
  }

  @Test
  void theSummaryCountsTheFilesBesideAnUnreadableOne() throws IOException {
    Run run = RULES.stream().filter(r -> r.code() == Code.E023).findFirst().orElseThrow()
        .raises().build(dir);
    CliRunner.Result r = CliRunner.run(run.args().toArray(String[]::new));
    assertTrue(r.out().contains("2 files, 1 municipality"), r.out());
  }

  @Test
  void aFolderWithoutPolicyFilesFailsUnderStrict() throws IOException {
    write(dir, "empty/notes.txt", "not yaml");
    assertEquals(1, CliRunner.run("validate", "--strict", slashes(dir.resolve("empty"))).exit());
  }

  @Test
  void hiddenFilesAndFoldersAreSkipped() throws IOException {
    write(dir, "data/.hidden.yaml", "broken: [");
    write(dir, "data/.git/x.yaml", "broken: [");
    write(dir, "data/a.yaml", VALID);
    CliRunner.Result r = CliRunner.run("validate", dir.resolve("data").toString());
    assertEquals(0, r.exit(), r.out());
    assertTrue(r.out().contains("1 file, 1 municipality, 1 measure"), r.out());
  }

  @Test
  void usageErrorsExitTwo() {
    CliRunner.Result missing = CliRunner.run("validate", dir.resolve("nope").toString());
    assertEquals(2, missing.exit());
    assertTrue(missing.err().contains("no such file or directory"), missing.err());
    assertEquals(2, CliRunner.run("validate", "--no-such-option").exit());
    assertEquals(2, CliRunner.run("validate", "--format", "xml", dir.toString()).exit());
  }

  @Test
  void unwritableReportExitsThreeWithoutStackTrace() throws IOException {
    String f = write(dir, "ok.yaml", VALID);
    CliRunner.Result r =
        CliRunner.run("validate", "-o", dir.resolve("no/such/dir/report.txt").toString(), f);
    assertEquals(3, r.exit());
    assertFalse(r.err().contains("\tat "), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }
}
