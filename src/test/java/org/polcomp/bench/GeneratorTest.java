package org.polcomp.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polcomp.cli.Main;
import org.polcomp.load.CodebookLoader;
import org.polcomp.load.Limits;
import org.polcomp.model.Codebook;
import org.polcomp.model.Vocabulary;

/** The benchmark data is what the benchmark claims: valid, complete, and reproducible. */
class GeneratorTest {
  /** Every key of FORMAT.md's document. */
  private static final List<String> KEYS = List.of("format", "municipality", "policies", "id",
      "name", "country", "region", "population", "type", "as_of", "title", "description",
      "domain", "target", "groups", "eligibility", "proxy", "instrument", "scale", "period",
      "start", "end", "declared_duration", "funding", "source", "amount_eur", "note", "status",
      "successor", "contact", "with", "sources", "url", "date", "page", "coding", "targeting",
      "duration", "coder");

  @TempDir Path dir;

  private final Codebook codebook = new CodebookLoader(Limits.DEFAULT).defaults();

  @Test
  void generatedDataIsValidWithoutWarnings() throws IOException {
    new Generator(codebook, 7).write(1_200, dir.resolve("set"));
    StringWriter out = new StringWriter();
    int exit = new Main(new PrintWriter(out), new PrintWriter(new StringWriter()))
        .run("validate", dir.resolve("set").toString());
    assertEquals(0, exit, out.toString());
    assertTrue(out.toString().startsWith("1200 files, 1200 municipalities, "), out.toString());
    assertTrue(out.toString().endsWith(": 0 errors, 0 warnings\n"), out.toString());
    try (Stream<Path> folders = Files.list(dir.resolve("set"))) {
      assertEquals(List.of("000", "001"), folders.map(p -> p.getFileName().toString()).sorted()
          .toList());
    }
  }

  @Test
  void everyKeyAndEveryVocabularyValueIsUsed() throws IOException {
    new Generator(codebook, 7).write(400, dir);
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        all.append(Files.readString(f, UTF_8));
      }
    }
    String text = all.toString();
    List<String> missing = new ArrayList<>();
    for (String key : KEYS) {
      if (!Pattern.compile("(?m)(^|[\\s{,-])" + key + ":").matcher(text).find()) {
        missing.add("key " + key);
      }
    }
    List<String> values = new ArrayList<>();
    codebook.vocabularies().values().forEach(values::addAll);
    values.addAll(Vocabulary.SCALES);
    values.addAll(Vocabulary.STATUSES);
    values.addAll(Vocabulary.DECLARED_DURATIONS);
    values.addAll(Vocabulary.TARGETING_CODES);
    values.addAll(Vocabulary.DURATION_CODES);
    values.addAll(List.of("open", "origin:SY", "x-budget-line", "x-source-sheet"));
    for (String v : values) {
      if (!Pattern.compile("(?<![\\w-])" + Pattern.quote(v) + "(?![\\w-])").matcher(text)
          .find()) {
        missing.add("value " + v);
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void theSameSeedGivesTheSameBytes() throws IOException {
    Generator g = new Generator(codebook, 42);
    StringBuilder a = new StringBuilder();
    StringBuilder b = new StringBuilder();
    g.municipality(123, a);
    new Generator(codebook, 42).municipality(123, b);
    assertEquals(a.toString(), b.toString());
    StringBuilder c = new StringBuilder();
    new Generator(codebook, 43).municipality(123, c);
    assertTrue(!a.toString().equals(c.toString()));
  }
}
