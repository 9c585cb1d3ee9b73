package org.polcomp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.polcomp.diagnostic.Code;

/**
 * Every validation rule against its fixtures in {@code src/test/resources/rules/CODE/}: a
 * failing fixture {@code NAME.bad.yaml} (or a folder {@code NAME.bad/}) raises the code, a
 * passing fixture {@code NAME.good.yaml} (or {@code NAME.good/}) is the nearest input that does
 * not. The lines where a diagnostic is due carry a comment {@code # expect CODE [CODE...]}, and
 * the run must report exactly those (file, line, code) triples, no more, no fewer; a passing
 * fixture may expect other codes than its own. Codes that cannot be a file are built in code by
 * {@link BuiltFixturesTest}, also once failing and once passing.
 */
class RuleFixturesTest {
  static final Path RULES = Path.of("src/test/resources/rules");
  private static final Pattern EXPECT = Pattern.compile("#\\s*expect((?:\\s+[EW]\\d{3})+)\\s*$");
  private static final Pattern FIXTURE = Pattern.compile("[a-z0-9-]+\\.(bad|good)(\\.ya?ml)?");

  /** A fixture: the code it is for, its file or folder, and whether it must raise the code. */
  record Fixture(Code code, Path path, boolean raises) {}

  @TestFactory
  Stream<DynamicNode> fixtures() throws IOException {
    return codeFolders().stream().map(folder -> {
      List<Fixture> fixtures = fixturesOf(folder);
      return DynamicContainer.dynamicContainer(folder.getFileName().toString(), Stream.concat(
          Stream.of(DynamicTest.dynamicTest("layout", () -> layout(folder))),
          fixtures.stream().map(f -> DynamicTest.dynamicTest(
              f.path().getFileName().toString(), () -> check(f)))));
    });
  }

  private static void check(Fixture f) throws IOException {
    List<String> expected = expectations(f.path());
    CliRunner.Result r = CliRunner.run("validate", slashes(f.path()));
    assertEquals(new TreeSet<>(expected).toString(), new TreeSet<>(r.diagnostics()).toString(),
        r.out());
    assertEquals(expected.size(), r.diagnostics().size(), r.out());
    boolean errors = expected.stream().anyMatch(e -> e.contains(":E"));
    assertEquals(errors ? 1 : 0, r.exit(), r.out() + r.err());
    assertFalse(r.err().contains("Exception"), r.err());
    assertEquals(f.raises(), r.codes().contains(f.code().id()), f.raises()
        ? f.path() + " is a failing fixture of " + f.code().id() + " but does not raise it"
        : f.path() + " is a passing fixture of " + f.code().id() + " but raises it");
  }

  /** Every code has a failing and a passing fixture, on disk or built in code. */
  @Test
  void everyCodeHasAFailingAndAPassingFixture() throws IOException {
    Set<String> raised = new TreeSet<>();
    Set<String> passed = new TreeSet<>();
    for (Path folder : codeFolders()) {
      for (Fixture f : fixturesOf(folder)) {
        (f.raises() ? raised : passed).add(f.code().id());
      }
    }
    for (BuiltFixturesTest.Rule rule : BuiltFixturesTest.RULES) {
      raised.add(rule.code().id());
      passed.add(rule.code().id());
    }
    List<String> lacking = new ArrayList<>();
    for (Code code : Code.values()) {
      if (!raised.contains(code.id())) {
        lacking.add(code.id() + " (no failing fixture)");
      }
      if (!passed.contains(code.id())) {
        lacking.add(code.id() + " (no passing fixture)");
      }
    }
    assertEquals(List.of(), lacking, "add src/test/resources/rules/CODE/NAME.bad.yaml and"
        + " NAME.good.yaml, or a rule to BuiltFixturesTest.RULES");
  }

  /** A failing fixture says where its code is due; a passing one never expects its own code. */
  @Test
  void expectationsMatchTheFixtureKind() throws IOException {
    for (Path folder : codeFolders()) {
      for (Fixture f : fixturesOf(folder)) {
        boolean expectsOwn = expectations(f.path()).stream()
            .anyMatch(e -> e.endsWith(":" + f.code().id()));
        assertEquals(f.raises(), expectsOwn, f.path() + (f.raises()
            ? " lacks '# expect " + f.code().id() + "' on the line that raises it"
            : " expects its own code " + f.code().id()));
      }
    }
  }

  /** The folders of {@link #RULES}, each named after a code; anything else fails. */
  private static List<Path> codeFolders() throws IOException {
    Set<String> ids = Arrays.stream(Code.values()).map(Code::id).collect(Collectors.toSet());
    List<Path> folders = new ArrayList<>();
    for (Path p : list(RULES)) {
      String name = p.getFileName().toString();
      if (name.equals("README.md")) {
        continue;
      }
      if (!Files.isDirectory(p) || !ids.contains(name)) {
        fail(p + ": " + RULES + " holds only README.md and folders named after a diagnostic code");
      }
      folders.add(p);
    }
    return folders;
  }

  /** The fixtures of one code's folder (names that are not NAME.bad or NAME.good are left out). */
  private static List<Fixture> fixturesOf(Path folder) {
    Code code = Code.valueOf(folder.getFileName().toString());
    List<Fixture> out = new ArrayList<>();
    for (Path p : list(folder)) {
      Matcher m = FIXTURE.matcher(p.getFileName().toString());
      if (m.matches() && (m.group(2) == null) == Files.isDirectory(p)) {
        out.add(new Fixture(code, p, m.group(1).equals("bad")));
      }
    }
    return out;
  }

  /** A code's folder holds fixtures and nothing else. */
  private static void layout(Path folder) {
    List<Path> fixtures = fixturesOf(folder).stream().map(Fixture::path).toList();
    List<String> strays = list(folder).stream().filter(p -> !fixtures.contains(p))
        .map(p -> p.getFileName().toString()).toList();
    assertEquals(List.of(), strays, folder + " holds names that are neither NAME.bad.yaml,"
        + " NAME.good.yaml nor a folder NAME.bad/ or NAME.good/");
    assertFalse(fixtures.isEmpty(), folder + " holds no fixture");
  }

  static List<String> expectations(Path fixture) throws IOException {
    List<String> out = new ArrayList<>();
    for (Path f : allFiles(fixture)) {
      List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = EXPECT.matcher(lines.get(i));
        if (m.find()) {
          for (String code : m.group(1).trim().split("\\s+")) {
            out.add(slashes(f) + ":" + (i + 1) + ":" + code);
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

  private static List<Path> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String slashes(Path p) {
    return p.toString().replace('\\', '/');
  }
}
