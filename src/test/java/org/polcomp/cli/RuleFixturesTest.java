package org.polcomp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.polcomp.diagnostic.Code;

/**
 * Every validation rule against its fixtures in {@code src/test/resources/rules/}: a fixture is a
 * file or a folder; the offending lines carry a comment {@code # expect CODE [CODE...]}, and the
 * run must report exactly those (file, line, code) triples, no more, no fewer. A {@code .good}
 * fixture expects nothing.
 */
class RuleFixturesTest {
  static final Path RULES = Path.of("src/test/resources/rules");
  private static final Pattern EXPECT = Pattern.compile("#\\s*expect((?:\\s+[EW]\\d{3})+)\\s*$");

  @TestFactory
  Stream<DynamicTest> fixtures() throws IOException {
    List<Path> cases;
    try (Stream<Path> s = Files.list(RULES)) {
      cases = s.sorted().toList();
    }
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
      List<String> expected = expectations(c);
      CliRunner.Result r = CliRunner.run("validate", c.toString().replace('\\', '/'));
      assertEquals(new TreeSet<>(expected).toString(), new TreeSet<>(r.diagnostics()).toString(),
          r.out());
      assertEquals(expected.size(), r.diagnostics().size(), r.out());
      boolean errors = expected.stream().anyMatch(e -> e.contains(":E"));
      assertEquals(errors ? 1 : 0, r.exit(), r.out() + r.err());
      assertFalse(r.err().contains("Exception"), r.err());
    }));
  }

  /** Every code of the registry is exercised by a fixture or named in {@link #ELSEWHERE}. */
  @Test
  void everyCodeHasAFixture() throws IOException {
    TreeSet<String> seen = new TreeSet<>();
    for (Path c : allFiles(RULES)) {
      for (String e : expectations(c)) {
        seen.add(e.substring(e.lastIndexOf(':') + 1));
      }
    }
    for (Code code : Code.values()) {
      assertTrue(seen.contains(code.id()) || ELSEWHERE.contains(code.id()),
          "no fixture for " + code.id());
    }
  }

  /**
   * Codes whose fixtures are built in code: binary files and limits (BuiltFixturesTest), codebooks
   * (CodebookLoaderTest: E025, W010), and W008, which needs a codebook that leaves mixed eligibility
   * unclassified (ClassifyCommandTest).
   */
  static final List<String> ELSEWHERE =
      List.of("E002", "E003", "E004", "E005", "E023", "E025", "W007", "W008", "W010");

  static List<String> expectations(Path fixture) throws IOException {
    List<String> out = new ArrayList<>();
    for (Path f : allFiles(fixture)) {
      List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = EXPECT.matcher(lines.get(i));
        if (m.find()) {
          for (String code : m.group(1).trim().split("\\s+")) {
            out.add(f.toString().replace('\\', '/') + ":" + (i + 1) + ":" + code);
          }
        }
      }
    }
    return out;
  }

  private static List<Path> allFiles(Path p) throws IOException {
    if (!Files.isDirectory(p)) {
      return List.of(p);
    }
    try (Stream<Path> s = Files.walk(p)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
