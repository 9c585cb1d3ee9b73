package org.polcomp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user types first: help, a misspelt option, a new file with the schema line. */
class UsabilityTest {
  @TempDir Path dir;

  @Test
  void helpNamesTheCommandsAndEachCommandsOptions() {
    CliRunner.Result top = CliRunner.run("help");
    assertEquals(0, top.exit(), top.err());
    assertTrue(top.out().contains("compare"), top.out());
    CliRunner.Result compare = CliRunner.run("help", "compare");
    assertEquals(0, compare.exit(), compare.err());
    assertTrue(compare.out().startsWith("Usage: polcomp compare"), compare.out());
  }

  @Test
  void aMisspeltOptionGetsTheOptionItMeant() {
    CliRunner.Result r = CliRunner.run("validate", "--fromat", "json", "examples/invented");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("did you mean '--format'?"), r.err());
    CliRunner.Result eq = CliRunner.run("compare", "--gruop-by=type", "-o", dir + "/c.json");
    assertTrue(eq.err().contains("did you mean '--group-by'?"), eq.err());
  }

  @Test
  void aMisspeltOptionIsNamedBeforeTheRequiredOptionItHides() {
    // without -o, picocli's own order would report the missing --output and drop the typo
    CliRunner.Result r = CliRunner.run("compare", "examples/invented", "--fromat", "json");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("Unknown option: '--fromat'"), r.err());
    assertTrue(r.err().contains("did you mean '--format'?"), r.err());
    assertFalse(r.err().contains("Missing required option"), r.err());
    CliRunner.Result missing = CliRunner.run("compare", "examples/invented", "--format", "json");
    assertTrue(missing.err().contains("Missing required option: '--output=OUT'"), missing.err());
  }

  @Test
  void initPointsAtTheDatasetsSchemaFromWhereTheFileIsWritten() throws IOException {
    Path schema = dir.resolve("data/schema/polcomp-1.schema.json");
    Files.createDirectories(schema.getParent());
    Files.writeString(schema, "{}");
    Path file = dir.resolve("data/nl/north/x.yaml");
    Files.createDirectories(file.getParent());
    assertEquals(0, CliRunner.run("init", "GM9999", "Testdorp", "-o", file.toString()).exit());
    assertEquals("# yaml-language-server: $schema=../../schema/polcomp-1.schema.json",
        Files.readAllLines(file).get(0));
    Path lone = dir.resolve("lone/x.yaml");
    Files.createDirectories(lone.getParent());
    assertEquals(0, CliRunner.run("init", "GM9999", "Testdorp", "-o", lone.toString()).exit());
    String text = Files.readString(lone);
    assertTrue(text.startsWith("# yaml-language-server: $schema=polcomp-1.schema.json\n"
        + "# (no schema found near this file: write it beside the file with 'polcomp schema"), text);
    assertEquals(0, CliRunner.run("validate", lone.toString()).exit(), "the skeleton validates");
  }
}
