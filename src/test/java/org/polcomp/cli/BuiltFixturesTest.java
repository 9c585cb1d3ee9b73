package org.polcomp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules whose fixtures cannot be plain text files in the repository (bytes that are not
 * UTF-8, limits, unreadable paths), each with a positive and a negative case, and the exit codes.
 */
class BuiltFixturesTest {
  @TempDir Path dir;

  static final String VALID = """
      municipality: {id: GM1, name: Een}
      policies:
        - {id: m1, title: T, domain: housing, target: {groups: [refugees]}, declared_duration: structural, sources: [{title: S}]}
      """;

  private String write(String name, byte[] bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.write(p, bytes);
    return p.toString().replace('\\', '/');
  }

  private String write(String name, String text) throws IOException {
    return write(name, text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void invalidUtf8IsE002AtTheBadByte() throws IOException {
    byte[] good = "municipality:\n  id: GM1\n  name: Caf".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[good.length + 2];
    System.arraycopy(good, 0, bytes, 0, good.length);
    bytes[good.length] = (byte) 0xE9; // Latin-1 e-acute
    bytes[good.length + 1] = '\n';
    String f = write("latin1.yaml", bytes);
    CliRunner.Result r = CliRunner.run("validate", f);
    assertEquals(List.of(f + ":3:12:E002"), r.located(), r.out());
    assertEquals(1, r.exit());
  }

  @Test
  void utf8WithByteOrderMarkIsAccepted() throws IOException {
    byte[] text = VALID.getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[text.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(text, 0, bytes, 3, text.length);
    CliRunner.Result r = CliRunner.run("validate", write("bom.yaml", bytes));
    assertEquals(List.of(), r.diagnostics(), r.out());
    assertEquals(0, r.exit());
  }

  @Test
  void fileOverTheSizeLimitIsE003() throws IOException {
    String f = write("big.yaml", VALID);
    CliRunner.Result r = CliRunner.run("validate", "--max-file-size", "100", f);
    assertEquals(List.of(f + ":1:1:E003"), r.located(), r.out());
    assertEquals(1, r.exit());
    assertEquals(0, CliRunner.run("validate", "--max-file-size", "100000", f).exit());
  }

  @Test
  void nestingOverTheLimitIsE004() throws IOException {
    String deep = VALID + "x-deep: " + "[".repeat(70) + "]".repeat(70) + "\n";
    String f = write("deep.yaml", deep);
    CliRunner.Result r = CliRunner.run("validate", f);
    assertEquals(List.of("E004"), r.codes(), r.out());
    assertTrue(r.diagnostics().get(0).startsWith(f + ":4:"), r.out());
    String shallow = VALID + "x-deep: " + "[".repeat(10) + "]".repeat(10) + "\n";
    assertEquals(0, CliRunner.run("validate", write("shallow.yaml", shallow)).exit());
  }

  @Test
  void stringOverTheLimitIsE005() throws IOException {
    String f = write("long.yaml", VALID + "x-long: " + "a".repeat(40_000) + "\n");
    CliRunner.Result r = CliRunner.run("validate", f);
    assertEquals(List.of(f + ":4:9:E005"), r.located(), r.out());
    assertEquals(1, r.exit());
    assertEquals(0, CliRunner.run("validate", write("ok.yaml", VALID + "x-long: "
        + "a".repeat(32_767) + "\n")).exit());
  }

  @Test
  void danglingLinkIsE023AndTheOtherFilesAreStillChecked() throws IOException {
    Path d = dir.resolve("set");
    Files.createDirectories(d.resolve("folder.yaml"));
    write("set/ok.yaml", VALID);
    Files.createSymbolicLink(d.resolve("gone.yaml"), d.resolve("missing.yaml"));
    CliRunner.Result r = CliRunner.run("validate", d.toString());
    assertEquals(List.of(d.resolve("gone.yaml").toString().replace('\\', '/') + ":1:1:E023"),
        r.located(), r.out());
    assertTrue(r.out().contains("2 files, 1 municipality"), r.out());
    assertEquals(1, r.exit());
    Files.delete(d.resolve("gone.yaml"));
    // A directory named *.yaml inside a walk is just a directory.
    assertEquals(0, CliRunner.run("validate", d.toString()).exit());
  }

  @Test
  void directoryWithoutPolicyFilesIsW007() throws IOException {
    Files.createDirectories(dir.resolve("empty"));
    write("empty/notes.txt", "not yaml");
    CliRunner.Result r = CliRunner.run("validate", dir.resolve("empty").toString());
    assertEquals(List.of("W007"), r.codes(), r.out());
    assertEquals(0, r.exit());
    assertEquals(1, CliRunner.run("validate", "--strict", dir.resolve("empty").toString()).exit());
  }

  @Test
  void hiddenFilesAndFoldersAreSkipped() throws IOException {
    write("data/.hidden.yaml", "broken: [");
    write("data/.git/x.yaml", "broken: [");
    write("data/a.yaml", VALID);
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
    String f = write("ok.yaml", VALID);
    CliRunner.Result r =
        CliRunner.run("validate", "-o", dir.resolve("no/such/dir/report.txt").toString(), f);
    assertEquals(3, r.exit());
    assertFalse(r.err().contains("\tat "), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }
}
