package org.polcomp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polcomp.load.CodebookLoader;

class CodebookCommandTest {
  @TempDir Path dir;

  @Test
  void printsTheDefaultCodebook() {
    CliRunner.Result r = CliRunner.run("codebook");
    assertEquals(0, r.exit());
    assertEquals(CodebookLoader.defaultText(), r.out());
  }

  @Test
  void writesTheDefaultCodebookToAFile() throws IOException {
    Path f = dir.resolve("cb.yaml");
    assertEquals(0, CliRunner.run("codebook", "-o", f.toString()).exit());
    assertEquals(CodebookLoader.defaultText(), Files.readString(f, StandardCharsets.UTF_8));
    assertEquals(0, CliRunner.run("codebook", "--check", f.toString()).exit());
  }

  @Test
  void checkReportsProblemsWithTheirPlace() throws IOException {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, "extends: default\nsettings:\n  proxy_targeting: unclassified\n");
    CliRunner.Result r = CliRunner.run("codebook", "--check", f.toString());
    assertEquals(1, r.exit());
    assertEquals(List.of(f + ":3:E011"), r.diagnostics());
  }

  @Test
  void aUserCodebookAddsVocabularyThatValidationAccepts() throws IOException {
    Path data = dir.resolve("roma.yaml");
    Files.writeString(data, """
        municipality: {id: GM1, name: Een}
        policies:
          - {id: m1, title: T, domain: housing, target: {groups: [roma]}, instrument: facility,
             sources: [{title: S}]}
        """);
    CliRunner.Result without = CliRunner.run("validate", data.toString());
    // Unknown to the default codebook: an error (and no classification warnings in that file).
    assertEquals(List.of(data + ":3:E011"), without.diagnostics());
    Path cb = dir.resolve("cb.yaml");
    Files.writeString(cb, "extends: default\ngroups: [{id: roma, migration_defined: true}]\n");
    CliRunner.Result with = CliRunner.run("validate", "--codebook", cb.toString(), data.toString());
    assertEquals(0, with.exit(), with.out());
  }

  @Test
  void anInvalidCodebookOptionStopsWithItsDiagnostics() throws IOException {
    Path cb = dir.resolve("cb.yaml");
    Files.writeString(cb, "extends: sometimes\n");
    Path data = dir.resolve("d.yaml");
    Files.writeString(data, "municipality: {id: GM1, name: Een}\npolicies: []\n");
    CliRunner.Result r = CliRunner.run("validate", "--codebook", cb.toString(), data.toString());
    assertEquals(1, r.exit());
    assertTrue(r.diagnostics().contains(cb + ":1:E011"), r.out());
  }
}
