package org.polcomp.report.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.polcomp.cli.Main;
import tools.jackson.databind.json.JsonMapper;

/**
 * Golden files of {@code polcomp validate --format F}, one folder per case under {@link #ROOT}:
 * {@code input/} (the policy files) and one {@code expected.*} file per format. A file in a case
 * folder that no format claims, or a missing expected file, fails the case.
 *
 * <p>Paths: the command runs in-process, so it cannot change directory; it is given the input
 * folder relative to the project folder, which is the working directory Maven runs tests in. The
 * reports therefore name files as {@code src/test/resources/golden/validate/CASE/input/...}, the
 * same on every machine, and that is also what a user running polcomp from the project folder sees.
 *
 * <p>The SARIF driver version is what {@link Main#version()} returns, which differs between the jar
 * and a test run; the test writes it as {@code @VERSION@} before comparing.
 *
 * <p>To regenerate the expected files after a deliberate change, run {@code mvn -o test
 * -Dtest=ValidateGoldenTest -Dpolcomp.golden.update=true} and read the diff before committing.
 */
class ValidateGoldenTest {
  static final Path ROOT = Path.of("src/test/resources/golden/validate");
  static final boolean UPDATE = Boolean.getBoolean("polcomp.golden.update");

  /** Each format and the file that holds its expected report. */
  static final Map<String, String> EXPECTED = new LinkedHashMap<>();

  static {
    EXPECTED.put("text", "expected.text");
    EXPECTED.put("json", "expected.json");
    EXPECTED.put("github", "expected.github");
    EXPECTED.put("gitlab", "expected.gitlab.json");
    EXPECTED.put("junit", "expected.junit.xml");
    EXPECTED.put("sarif", "expected.sarif.json");
  }

  @TestFactory
  Stream<DynamicNode> cases() throws IOException {
    assertTrue(Files.isDirectory(ROOT),
        ROOT + " not found: run the tests from the project folder (Maven does)");
    List<Path> cases;
    try (Stream<Path> s = Files.list(ROOT)) {
      cases = s.filter(Files::isDirectory).sorted().toList();
    }
    assertFalse(cases.isEmpty(), "no golden cases under " + ROOT);
    return cases.stream().map(c -> DynamicContainer.dynamicContainer(
        c.getFileName().toString(), Stream.concat(
            Stream.of(DynamicTest.dynamicTest("layout", () -> layout(c))),
            EXPECTED.keySet().stream().map(
                f -> DynamicTest.dynamicTest(f, () -> format(c, f))))));
  }

  /** The case folder holds input/ and exactly the expected files. */
  private static void layout(Path dir) throws IOException {
    assertTrue(Files.isDirectory(dir.resolve("input")), dir + " has no input/ folder");
    Set<String> present = new TreeSet<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.map(p -> p.getFileName().toString()).forEach(present::add);
    }
    Set<String> claimed = new TreeSet<>(EXPECTED.values());
    claimed.add("input");
    Set<String> orphans = new TreeSet<>(present);
    orphans.removeAll(claimed);
    assertTrue(orphans.isEmpty(), dir + " holds files no format claims: " + orphans);
    if (!UPDATE) {
      Set<String> missing = new TreeSet<>(claimed);
      missing.removeAll(present);
      assertTrue(missing.isEmpty(), dir + " lacks " + missing
          + " (generate with -Dpolcomp.golden.update=true)");
    }
  }

  private static void format(Path dir, String format) throws IOException {
    Run first = run(dir, format);
    Run second = run(dir, format);
    assertEquals(first.out(), second.out(), "two runs gave different " + format + " reports");
    assertEquals("", first.err(), "stderr of --format " + format);
    String actual = format.equals("sarif") ? maskVersion(first.out()) : first.out();
    Path expectedFile = dir.resolve(EXPECTED.get(format));
    if (UPDATE) {
      Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(expectedFile)) {
      fail(expectedFile + " is missing (generate with -Dpolcomp.golden.update=true)");
    }
    assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), actual,
        "--format " + format + " differs from " + expectedFile);
    // Exit 1 exactly when there are errors (no case uses --strict).
    assertEquals(errorCount(dir) > 0 ? 1 : 0, first.exit(), "exit code of --format " + format);
  }

  private static int errorCount(Path dir) {
    return JsonMapper.shared().readTree(run(dir, "json").out()).get("errors").asInt();
  }

  private record Run(int exit, String out, String err) {}

  private static Run run(Path dir, String format) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = new Main(new PrintWriter(out), new PrintWriter(err))
        .run("validate", "--format", format, dir.resolve("input").toString().replace('\\', '/'));
    return new Run(exit, out.toString(), err.toString());
  }

  /** The driver version, which depends on how the tests run, as a fixed token. */
  private static String maskVersion(String sarif) {
    String version = "\"version\": \"" + Main.version() + "\"";
    String driver = "\"name\": \"polcomp\",\n          ";
    assertTrue(sarif.contains(driver + version), "SARIF names the driver version "
        + Main.version());
    return sarif.replace(driver + version, driver + "\"version\": \"@VERSION@\"");
  }
}
