package org.polcomp.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polcomp.model.Lineage;
import org.polcomp.report.Descriptions;

/**
 * The built-in texts that runs read from classes the build makes (src/build/Embed.java) rather
 * than from the jar: the same text as the resources, character for character, and a generator
 * that carries any text through a Java literal unchanged.
 */
class EmbeddedTest {
  private static final Path RESOURCES = Path.of("src/main/resources/org/polcomp");

  @Test
  void theDefaultCodebookIsItsResource() throws Exception {
    assertEquals(Files.readString(RESOURCES.resolve("load/default-codebook.yaml")),
        CodebookLoader.defaultText());
    assertEquals(resource("default-codebook.yaml"), CodebookLoader.defaultText());
  }

  @Test
  void theLineageTableIsItsResource() throws Exception {
    String csv = Files.readString(RESOURCES.resolve("load/lineage-nl.csv"));
    assertEquals(csv, Embedded.text(LineageLoader.BUILT_IN_RESOURCE));
    assertEquals(Lineage.of(LineageLoader.readTable(new StringReader(csv))),
        new LineageLoader(Limits.DEFAULT).builtIn());
    assertTrue(csv.chars().anyMatch(c -> c > 0x7F), "the table has names beyond ASCII");
  }

  @Test
  void theDescriptionsAreTheirResource() throws Exception {
    Properties p = new Properties();
    p.load(new StringReader(Files.readString(RESOURCES.resolve("report/descriptions.properties"))));
    assertTrue(p.size() > 20);
    for (String key : p.stringPropertyNames()) {
      int dot = key.indexOf('.');
      String text = dot < 0 ? Descriptions.table(key).orElse(null)
          : Descriptions.column(key.substring(0, dot), key.substring(dot + 1)).orElse(null);
      assertEquals(p.getProperty(key).strip(), text, key);
    }
  }

  @Test
  void anUnknownNameHasNoText() {
    assertNull(Embedded.text("no-such-resource.txt"));
  }

  /**
   * Text that a careless literal would break: quotes and backslashes, a written unicode escape,
   * every control character, characters beyond ASCII and beyond the basic plane, and more than
   * one literal's worth of characters.
   */
  @Test
  void theGeneratorCarriesAnyTextUnchanged(@TempDir Path dir) throws Exception {
    StringBuilder b = new StringBuilder("say \"hi\" \\ \\n \\u000a \\\\u0022 */ /* // \n\r\t");
    for (char c = 0; c < 0x20; c++) {
      b.append(c);
    }
    b.append('\u007f').append("Súdwest-Fryslân ĳ € \uD83D\uDE00 \uFEFF end\n");
    b.append("x".repeat(40_000)).append('é');
    String tricky = b.toString();
    Path resources = dir.resolve("resources");
    Files.createDirectories(resources.resolve("t/p"));
    Files.writeString(resources.resolve("t/p/a.txt"), tricky, StandardCharsets.UTF_8);
    Files.writeString(resources.resolve("t/p/b.txt"), "", StandardCharsets.UTF_8);
    Path out = dir.resolve("out");
    run(resources, out, "t/p/a.txt", "t/p/b.txt");
    Path source = out.resolve("t/p/Embedded.java");
    assertTrue(Files.readString(source, StandardCharsets.UTF_8).chars().allMatch(c -> c < 0x80),
        "the generated source is ASCII");

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Path classes = Files.createDirectories(dir.resolve("classes"));
    assertEquals(0, javac.run(null, null, null, "-d", classes.toString(), source.toString()));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()})) {
      Method text = loader.loadClass("t.p.Embedded").getDeclaredMethod("text", String.class);
      text.setAccessible(true);
      assertEquals(tricky, text.invoke(null, "a.txt"));
      assertEquals("", text.invoke(null, "b.txt"));
      assertNull(text.invoke(null, "c.txt"));
    }

    // Unchanged text: the class is not written again (nothing new for the compiler).
    Files.setLastModifiedTime(source, java.nio.file.attribute.FileTime.fromMillis(0));
    run(resources, out, "t/p/a.txt", "t/p/b.txt");
    assertEquals(0, Files.getLastModifiedTime(source).toMillis());
    Files.writeString(resources.resolve("t/p/b.txt"), "changed", StandardCharsets.UTF_8);
    run(resources, out, "t/p/a.txt", "t/p/b.txt");
    assertNotEquals(0, Files.getLastModifiedTime(source).toMillis());
  }

  @Test
  void aResourceThatIsNotUtf8FailsTheBuild(@TempDir Path dir) throws Exception {
    Path resources = dir.resolve("resources");
    Files.createDirectories(resources.resolve("t"));
    Files.write(resources.resolve("t/bad.txt"), new byte[] {'a', (byte) 0xE9, 'b'});
    Process p = generator(resources, dir.resolve("out"), List.of("t/bad.txt"));
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertNotEquals(0, p.exitValue());
    assertTrue(err.contains("is not UTF-8"), err);
    assertTrue(Files.notExists(dir.resolve("out/t/Embedded.java")));
  }

  private static void run(Path resources, Path out, String... names) throws Exception {
    Process p = generator(resources, out, List.of(names));
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), err);
  }

  private static Process generator(Path resources, Path out, List<String> names)
      throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "src/build/Embed.java", resources.toString(), out.toString()));
    command.addAll(names);
    return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  private static String resource(String name) throws Exception {
    try (InputStream in = CodebookLoader.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
