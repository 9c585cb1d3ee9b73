package org.polcomp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polcomp.load.CodebookLoader;
import org.polcomp.load.FormatSchema;
import org.polcomp.load.Limits;

class SchemaCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return new Main(new PrintWriter(out), new PrintWriter(err)).run(args);
  }

  private static String expected() {
    return new FormatSchema(new CodebookLoader(Limits.DEFAULT).defaults()).text();
  }

  @Test
  void printsTheSchema() {
    assertEquals(0, run("schema"), err.toString());
    assertEquals(expected(), out.toString());
    assertEquals("", err.toString());
  }

  @Test
  void writesTheSchemaToAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("s.json");
    Files.writeString(file, "old");
    assertEquals(0, run("schema", "-o", file.toString()), err.toString());
    assertEquals(expected(), Files.readString(file, StandardCharsets.UTF_8));
    assertEquals("", out.toString());
  }

  @Test
  void aMissingFolderIsAnInputOutputFailure(@TempDir Path dir) {
    assertEquals(3, run("schema", "-o", dir.resolve("no/such/s.json").toString()));
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    assertEquals(2, run("schema", "--nope"));
  }
}
