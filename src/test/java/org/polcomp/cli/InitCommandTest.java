package org.polcomp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polcomp.load.DatasetLoader;
import org.polcomp.load.FormatSchema;
import org.polcomp.load.Limits;
import org.polcomp.model.Municipality;

class InitCommandTest {
  @TempDir Path dir;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return new Main(new PrintWriter(out), new PrintWriter(err)).run(args);
  }

  @Test
  void writesASkeletonThatValidates() throws Exception {
    Path file = dir.resolve("GM0344.yaml");
    assertEquals(0, run("init", "GM0344", "Utrecht", "-o", file.toString()), err.toString());
    String text = Files.readString(file, StandardCharsets.UTF_8);
    // no schema near a temporary folder: the line names one beside the file, and says how
    assertTrue(text.startsWith("# yaml-language-server: $schema=polcomp-1.schema.json\n"), text);
    assertTrue(text.contains("\nformat: polcomp/1"), text);
    assertEquals(0, run("validate", file.toString()), out.toString());
    // No warnings either: the example is complete and consistent.
    assertEquals(0, run("validate", "--strict", file.toString()), out.toString());
    Municipality m = load(file);
    assertEquals("GM0344", m.id());
    assertEquals("Utrecht", m.name());
    assertEquals(1, m.measures().size());
  }

  @Test
  void aNameLongerThanTheStringLimitIsRefusedAsABadArgument() throws Exception {
    Path file = dir.resolve("long.yaml");
    assertEquals(2, run("init", "GM1", "a".repeat(40_000), "-o", file.toString()));
    assertTrue(err.toString().contains("more than the limit of 32,767"), err.toString());
    assertTrue(err.toString().contains("hint:"), err.toString());
    assertFalse(Files.exists(file));
    // the longest name allowed gives a file that validates
    assertEquals(0, run("init", "GM1", "a".repeat(32_767), "-o", file.toString()), err.toString());
    assertEquals(0, run("validate", file.toString()), out.toString());
  }

  @Test
  void anInvalidIdIsQuotedClippedNotWhole() {
    assertEquals(2, run("init", "x".repeat(100_000), "Utrecht"));
    assertTrue(err.toString().contains("'" + "x".repeat(57) + "...'"), err.toString());
    assertTrue(err.toString().length() < 300, "a message, not the argument: " + err.toString().length());
  }

  @Test
  void printsTheSameSkeletonToStandardOutput() throws Exception {
    Path file = dir.resolve("a.yaml");
    assertEquals(0, run("init", "GM0344", "Utrecht", "-o", file.toString()));
    assertEquals(0, run("init", "GM0344", "Utrecht"));
    // the same file but its schema line, which depends on where it is written
    String body = "# A polcomp/1 policy file";
    String written = Files.readString(file, StandardCharsets.UTF_8);
    assertEquals(written.substring(written.indexOf(body)),
        out.toString().substring(out.toString().indexOf(body)));
    assertTrue(out.toString().startsWith(
        "# yaml-language-server: $schema=" + FormatSchema.REPOSITORY_COPY + "\n"),
        "from the project folder, the repository's schema");
  }

  @Test
  void neverOverwritesWithoutForce() throws Exception {
    Path file = dir.resolve("GM0344.yaml");
    Files.writeString(file, "mine\n");
    assertEquals(2, run("init", "GM0344", "Utrecht", "-o", file.toString()));
    assertEquals("mine\n", Files.readString(file));
    assertTrue(err.toString().contains("--force"), err.toString());
    assertEquals(0, run("init", "GM0344", "Utrecht", "-o", file.toString(), "--force"));
    assertTrue(Files.readString(file).startsWith("# yaml-language-server: $schema="));
  }

  @Test
  void refusesADirectory() throws Exception {
    Path sub = Files.createDirectory(dir.resolve("nl"));
    assertEquals(2, run("init", "GM0344", "Utrecht", "-o", sub.toString(), "--force"));
    assertTrue(Files.isDirectory(sub));
  }

  @Test
  void refusesAnInvalidId() {
    Path file = dir.resolve("x.yaml");
    for (String id : List.of("GM 0344", "-x", "", "a".repeat(65), "origin:SY")) {
      assertEquals(2, run("init", id, "Utrecht", "-o", file.toString()), id);
      assertFalse(Files.exists(file), id);
    }
    assertEquals(2, run("init", "GM0344", " ", "-o", file.toString()));
    assertEquals(2, run("init", "GM0344"));
  }

  @Test
  void quotesWhatYamlWouldMisread() throws Exception {
    String[][] cases = {
        {"0344", "'s-Hertogenbosch"}, {"yes", "No"}, {"a", "Name: with # signs \"and\" \\ quotes"},
        {"b", "1984"}, {"c", "São Paulo"}, {"d", "a\ttab"}, {"e", "trailing "}};
    for (String[] c : cases) {
      Path file = dir.resolve(c[0] + ".yaml");
      assertEquals(0, run("init", c[0], c[1], "-o", file.toString()), err.toString());
      assertEquals(0, run("validate", "--strict", file.toString()), out.toString());
      Municipality m = load(file);
      assertEquals(c[0], m.id());
      assertEquals(c[1], m.name());
    }
  }

  private static Municipality load(Path file) {
    DatasetLoader.Result r = new DatasetLoader(Limits.DEFAULT, false).load(List.of(file), m -> m);
    assertEquals(List.of(), r.diagnostics());
    return r.dataset().municipalities().get(0);
  }
}
