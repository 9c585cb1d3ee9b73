package org.polcomp.load;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polcomp.cli.CliRunner;
import org.polcomp.model.PartialDate;

/**
 * Data that must not pass and diagnostics that must not mislead: one test (or a few) per case
 * found by an adversarial run of {@code polcomp validate}, in-process and without a stack trace.
 */
class HardeningTest {
  private static final Duration GUARD = Duration.ofSeconds(30);
  private static final Pattern LINE =
      Pattern.compile("^(.+?):(\\d+):(\\d+): (error|warning)\\[([EW]\\d{3})\\]: (.*)$");

  /** A Java exception or error named by its class, as a stack trace starts. */
  private static final Pattern TRACE = Pattern.compile("\\b(java|org)\\.[\\w.]+(Exception|Error)\\b");

  @TempDir Path dir;

  /** One diagnostic of a text report with the hint printed under it (or null). */
  record Seen(String file, int line, String code, String message, String hint) {}

  record Run(int exit, String out, String err, List<Seen> seen) {
    List<String> codes() {
      return seen.stream().map(Seen::code).toList();
    }

    List<String> at() {
      return seen.stream().map(s -> s.line() + ":" + s.code()).toList();
    }

    Seen only(String code) {
      List<Seen> of = seen.stream().filter(s -> s.code().equals(code)).toList();
      assertEquals(1, of.size(), () -> "one " + code + " expected in\n" + out + err);
      return of.get(0);
    }
  }

  private Run run(String... args) {
    CliRunner.Result r = assertTimeoutPreemptively(GUARD, () -> CliRunner.run(args));
    for (String text : List.of(r.out(), r.err())) {
      assertFalse(text.contains("\tat ") || TRACE.matcher(text).find()
          || text.contains("internal error"), () -> "stack trace or internal error:\n" + text);
    }
    List<Seen> seen = new ArrayList<>();
    String[] lines = r.out().split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = LINE.matcher(lines[i]);
      if (m.matches()) {
        String hint = i + 1 < lines.length && lines[i + 1].startsWith("    hint: ")
            ? lines[i + 1].substring(10) : null;
        seen.add(new Seen(m.group(1), Integer.parseInt(m.group(2)), m.group(5), m.group(6),
            hint));
      }
    }
    return new Run(r.exit(), r.out(), r.err(), seen);
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, UTF_8);
    return p;
  }

  /** A valid document with one measure whose lines below 'period:' the caller writes. */
  private static String measure(String extra) {
    return "municipality:\n"
        + "  id: GM9901\n"
        + "  name: Town\n"
        + "policies:\n"
        + "  - id: cafe\n"
        + "    title: Language cafe\n"
        + "    domain: language\n"
        + "    declared_duration: structural\n"
        + "    target: {groups: [refugees]}\n"
        + "    sources: [{title: Council letter}]\n"
        + extra;
  }

  private static boolean mkfifo(Path p) throws InterruptedException {
    try {
      Process proc = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
      return proc.waitFor() == 0 && Files.exists(p);
    } catch (IOException e) {
      return false;
    }
  }

  // ---- 9: a codebook is read as a policy file is ----

  @Test
  void codebookThatIsAFifoIsAnIoErrorNotAHang() throws Exception {
    Path fifo = dir.resolve("cb.yaml");
    assumeTrue(mkfifo(fifo), "no mkfifo here");
    Path data = write("a.yaml", HostileInputTest.valid("GM9901"));
    Run r = run("validate", "--codebook", fifo.toString(), data.toString());
    assertEquals(3, r.exit(), r.out() + r.err()); // an unreadable input is an I/O failure
    assertEquals(List.of("1:E023"), r.at(), r.out());
    assertNotNull(r.only("E023").hint());
  }

  @Test
  void codebookThatIsADeviceIsAnIoErrorNotAnEndlessRead() throws IOException {
    assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero here");
    Path data = write("a.yaml", HostileInputTest.valid("GM9901"));
    Run r = run("codebook", "--check", "/dev/zero");
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.codes().contains("E023"), r.out());
    Run v = run("validate", "--codebook", "/dev/zero", data.toString());
    assertEquals(List.of("E023"), v.codes(), v.out());
  }

  // ---- 10: each limit option is capped at a value the tool can honour ----

  @Test
  void limitsAboveTheirCapsAreUsageErrorsNamingTheCap() throws IOException {
    Path data = write("a.yaml", HostileInputTest.valid("GM9901"));
    for (String[] c : List.of(
        new String[] {"--max-file-size=9223372036854775807", "268435456"},
        new String[] {"--max-depth=5010", "1000"},
        new String[] {"--max-string=2147483647", "268435456"},
        new String[] {"--max-aliases=2147483647", "10000"})) {
      Run r = run("validate", c[0], data.toString());
      assertEquals(2, r.exit(), c[0] + ": " + r.out() + r.err());
      assertTrue(r.err().contains(c[1]), () -> c[0] + " should name its cap: " + r.err());
    }
    assertEquals(0, run("validate", "--max-file-size=268435456", "--max-string=268435456",
        "--max-aliases=10000", data.toString()).exit());
  }

  @Test
  void nestingAtTheDepthCapIsReadWithoutStackOverflow() throws IOException {
    int depth = Limits.MAX_DEPTH - 2;
    Path f = write("deep.yaml", HostileInputTest.valid("GM9901")
        .replace("municipality:\n", "x-deep: " + "[".repeat(depth) + "]".repeat(depth)
            + "\nmunicipality:\n"));
    Run r = run("validate", "--max-depth=" + Limits.MAX_DEPTH, f.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
  }

  @Test
  void aFourMillionCharacterLineParsesInLinearTime() throws IOException {
    // With the parser's default buffer this line took over 30 s (quadratic); now about one.
    int n = 4_000_000;
    Path f = write("long.yaml", HostileInputTest.valid("GM9901")
        .replace("municipality:\n", "x-long: " + "a".repeat(n) + "\nmunicipality:\n"));
    long t0 = System.nanoTime();
    Run r = run("validate", "--max-string=" + n, f.toString());
    long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(seconds < 15, "took " + seconds + " s");
  }

  // ---- 11 and 13: years 1800-2200, no impossible dates ----

  @Test
  void yearsOutside1800To2200AreInvalidDates() throws IOException {
    Path f = write("y.yaml", measure("    period: {start: 0001, end: 9999}\n"));
    Run r = run("validate", f.toString());
    assertEquals(1, r.exit());
    assertEquals(List.of("11:E013", "11:E013"), r.at(), r.out());
    assertTrue(r.seen().get(0).hint().contains("1800 to 2200"), r.out());
    assertTrue(PartialDate.parse("1800").isPresent() && PartialDate.parse("2200-12-31")
        .isPresent());
    assertTrue(PartialDate.parse("1799").isEmpty() && PartialDate.parse("2201").isEmpty());
  }

  @Test
  void impossibleDatesAreErrorsNeverRewritten() throws IOException {
    Path f = write("d.yaml", measure("    period:\n      start: 2016-00\n      end: 2020-00\n"
        + "  - id: b\n    title: B\n    domain: language\n    declared_duration: structural\n"
        + "    target: {groups: [refugees]}\n    sources: [{title: S, date: 2019-00-00}]\n"
        + "    period: {start: 2016-11-00}\n"));
    Run r = run("validate", f.toString());
    assertEquals(1, r.exit(), r.out());
    assertEquals(List.of("12:E013", "13:E013", "19:E013", "20:E013"), r.at(), r.out());
    assertTrue(r.seen().get(0).hint().contains("01 to 12"), r.out());
    assertTrue(r.seen().get(3).hint().contains("no day 00"), r.out());
    for (String bad : List.of("2016-00", "2016-11-00", "2019-00-00", "2019-02-29", "2016-13")) {
      assertTrue(PartialDate.parse(bad).isEmpty(), bad);
    }
  }

  @Test
  void asOfWithAnImpossibleDateIsAUsageErrorWithAHint() throws IOException {
    Path data = write("a.yaml", HostileInputTest.valid("GM9901"));
    Run r = run("classify", "--as-of", "2016-00", data.toString());
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains("01 to 12"), r.err());
  }

  // ---- 14: weights and amounts stay in range ----

  @Test
  void codebookWeightsOutsideTheRangeAreErrorsAtTheWeight() throws IOException {
    Path cb = write("cb.yaml", "extends: default\nweights:\n  declared_duration:\n"
        + "    structural: 1e308\n    temporary: -1001\ninstruments:\n"
        + "  - {id: living-lab, weight: .inf}\n");
    Run r = run("codebook", "--check", cb.toString());
    assertEquals(1, r.exit(), r.out() + r.err());
    assertEquals(List.of("4:E025", "5:E025", "7:E021"), r.at(), r.out());
    assertTrue(r.seen().stream().allMatch(s -> s.hint() != null), r.out());
    assertTrue(r.seen().get(0).message().contains("weights.declared_duration.structural"),
        r.out());
    Path ok = write("ok.yaml", "extends: default\ninstruments:\n"
        + "  - {id: living-lab, weight: -1000}\n  - {id: grant, weight: 1000}\n");
    assertEquals(0, run("codebook", "--check", ok.toString()).exit());
  }

  @Test
  void amountsOfAQuadrillionOrMoreAreErrorsAtTheAmount() throws IOException {
    Path f = write("m.yaml", measure("    funding:\n      - {source: municipal-regular, amount_eur: 1e308}\n"
        + "      - {source: municipal-regular, amount_eur: 999999999999999}\n"));
    Run r = run("validate", f.toString());
    assertEquals(1, r.exit());
    assertEquals(List.of("12:E021"), r.at(), r.out());
  }

  // ---- 15: a near-miss id in an extending codebook ----

  @Test
  void newIdNextToAnExistingOneIsAWarningWithTheExistingIdAsHint() throws IOException {
    Path cb = write("cb.yaml", "extends: default\ninstruments:\n"
        + "  - {id: living_lab, weight: -3}\n  - {id: living-lab, weight: -1}\n"
        + "  - {id: hackathon-series, weight: 1}\n");
    Run r = run("codebook", "--check", cb.toString());
    assertEquals(List.of("3:W010"), r.at(), r.out());
    assertTrue(r.only("W010").hint().contains("'living-lab'"), r.out());
  }

  // ---- 16: the same real file reached twice is read once ----

  @Test
  void theSameFileReachedTwiceIsReadOnce() throws IOException {
    Path a = write("set/a.yaml", HostileInputTest.valid("GM9901"));
    for (String[] args : List.of(
        new String[] {"validate", a.toString(), a.toString()},
        new String[] {"validate", dir.resolve("set").toString(), a.toString()},
        new String[] {"validate", dir.resolve("set/./a.yaml").toString(), a.toString()})) {
      Run r = run(args);
      assertEquals(0, r.exit(), r.out());
      assertEquals(List.of(), r.codes(), r.out());
      assertTrue(r.out().contains("1 file, 1 municipality"), r.out());
    }
  }

  @Test
  void aLinkOrASecondNameOfAFileInTheSameFolderIsReadOnce() throws IOException {
    // The walk of the folder knows each regular file's identity; a link's is its target's.
    Path a = write("set/a.yaml", HostileInputTest.valid("GM9901"));
    try {
      Files.createSymbolicLink(dir.resolve("set/b.yaml"), a.getFileName());
      Files.createLink(dir.resolve("set/c.yaml"), a);
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "this file system has no links");
    }
    Run r = run("validate", dir.resolve("set").toString(), dir.resolve("set/c.yaml").toString());
    assertEquals(0, r.exit(), r.out());
    assertEquals(List.of(), r.codes(), r.out());
    assertTrue(r.out().contains("1 file, 1 municipality"), r.out());
  }

  // ---- 17: control characters ----

  @Test
  void controlCharactersInTextValuesAreErrorsNamingTheCharacter() throws IOException {
    Path f = write("c.yaml", "municipality:\n  id: GM9901\n  name: \"Town\\e]0;pwned\\a\"\n"
        + "policies:\n  - id: cafe\n    title: \"Cafe\\u0085\"\n    domain: language\n"
        + "    declared_duration: structural\n    target: {groups: [refugees]}\n"
        + "    description: |\n      Two\n      lines\twith a tab\n"
        + "    sources: [{title: \"A\\tB\"}]\n");
    Run r = run("validate", f.toString());
    assertEquals(1, r.exit());
    assertEquals(List.of("3:E026", "6:E026"), r.at(), r.out());
    assertTrue(r.seen().get(0).message().contains("U+001B"), r.out());
    assertTrue(r.seen().get(1).message().contains("U+0085"), r.out());
  }

  @Test
  void halfACharacterFromAnEscapeIsAnErrorAndAWholeOneIsNot() throws IOException {
    // YAML's \\u escapes can name one half of a surrogate pair, which no report can write
    Path f = write("s.yaml", "municipality:\n  id: GM9901\n  name: \"Town \\U0001F600\\udc00\"\n"
        + "policies:\n  - id: cafe\n    title: \"Cafe \\ud83d\\ude00\"\n    domain: language\n"
        + "    declared_duration: structural\n    target: {groups: [refugees]}\n"
        + "    description: \"end \\ud83d\"\n");
    Run r = run("validate", f.toString());
    assertEquals(1, r.exit(), r.out());
    assertEquals(List.of("3:E026", "10:E026"),
        r.at().stream().filter(a -> a.endsWith("E026")).toList(), r.out());
    assertTrue(r.out().contains("half a character (the lone surrogate U+DC00) at character 8"),
        r.out());
    assertTrue(r.out().contains("half a character (the lone surrogate U+D83D) at character 5"),
        r.out());
  }

  @Test
  void reportsShowControlCharactersEscapedNeverRaw() throws IOException {
    Path f = write("e.yaml", measure("    status: \"\\e[2Jgone\\u0085\"\n"));
    for (String format : List.of("text", "github")) {
      Run r = run("validate", "--format", format, f.toString());
      assertEquals(1, r.exit(), r.out());
      assertTrue(r.out().contains("\\u001B[2J"), r.out());
      for (char c : r.out().toCharArray()) {
        assertFalse(c < 0x20 && c != '\n' || c >= 0x7F && c <= 0x9F,
            () -> format + " report holds U+" + Integer.toHexString(c) + ":\n" + r.out());
      }
    }
  }

  @Test
  void aFileNameWithANewlineDoesNotSplitADiagnosticLine() throws IOException {
    Path f;
    try {
      f = write("bad\nname.yaml", measure("    status: nonsense\n"));
    } catch (IOException | java.nio.file.InvalidPathException e) {
      assumeTrue(false, "this file system forbids a newline in a name");
      return;
    }
    Run r = run("validate", f.toString());
    assertEquals(1, r.seen().size(), r.out());
    assertTrue(r.seen().get(0).file().endsWith("bad\\nname.yaml"), r.out());
    assertEquals("E011", r.seen().get(0).code());
  }

  @Test
  void titlesAndNamesOfOnlyInvisibleCharactersAreBlank() throws IOException {
    Path f = write("b.yaml", "municipality:\n  id: GM9901\n  name: \"\\u200B\"\n"
        + "policies:\n  - id: cafe\n    title: \"\\u00A0\\u200B \"\n    domain: language\n"
        + "    declared_duration: structural\n    target: {groups: [refugees]}\n"
        + "    sources: [{title: S}]\n");
    Run r = run("validate", f.toString());
    assertEquals(List.of("3:E024", "6:E024"), r.at(), r.out());
  }

  // ---- 18: every diagnostic has a hint ----

  @Test
  void diagnosticsThatHadNoHintHaveOne() throws IOException {
    Path set = Files.createDirectories(dir.resolve("empty-folder"));
    Path f = write("h.yaml", "municipality:\n  id: GM9901\n  name: [Town]\n  population: -5\n"
        + "policies: []\n---\n");
    Path cb = write("big.yaml", "x".repeat(200));
    Run r = run("validate", set.toString(), f.toString());
    assertEquals(List.of("W007", "E008", "E018", "W002", "W001"), r.codes(), r.out());
    Run c = run("validate", "--max-file-size=100", "--codebook", cb.toString(), f.toString());
    assertEquals(List.of("E003"), c.codes(), c.out());
    for (Run run : List.of(r, c)) {
      for (Seen s : run.seen()) {
        assertNotNull(s.hint(), () -> s + " has no hint:\n" + run.out());
      }
    }
  }

  @Test
  void everyFixtureDiagnosticHasAHint() throws IOException {
    List<Path> inputs = new ArrayList<>();
    try (var files = Files.walk(Path.of("src/test/resources"))) {
      files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .filter(p -> !p.toString().contains("schema-cases")).sorted().forEach(inputs::add);
    }
    assertTrue(inputs.size() > 30, () -> "fixtures not found: " + inputs);
    int diagnostics = 0;
    for (Path p : inputs) {
      Run r = run("validate", p.toString());
      for (Seen s : r.seen()) {
        diagnostics++;
        assertNotNull(s.hint(), () -> s + " has no hint");
      }
    }
    assertTrue(diagnostics > 30, "only " + diagnostics + " diagnostics");
  }

  // ---- 19: YAML errors in plain words ----

  @Test
  void unclosedBracketIsReportedWhereItOpened() throws IOException {
    StringBuilder text = new StringBuilder(HostileInputTest.valid("GM9901"));
    text.append("    x-tags: [a, b\n    status: ended\n");
    Path f = write("u.yaml", text.toString());
    Run r = run("validate", f.toString());
    Seen s = r.only("E001");
    assertEquals(13, s.line(), r.out());
    assertTrue(s.message().contains("opened with '['") && s.message().contains("not closed"),
        r.out());
  }

  @Test
  void syntaxErrorsSayWhatIsWrongWithoutParserJargon() throws IOException {
    String[] cases = {
        "a: b: c\n", "municipality:\n  id: x\n name: y\n", "- a\nb: 1\n", "%YAML 2.0\n---\na: 1\n",
        "a:\n\tb: 1\n", "title: 'open quote\nb: 2\n", "a: [1, 2]]\n", "key\nother: 1\n",
        "a: @x\n", "a: }\n", "a: &\n", "a: 'x' y\n"};
    for (int i = 0; i < cases.length; i++) {
      Path f = write("s" + i + ".yaml", cases[i]);
      Run r = run("validate", f.toString());
      Seen s = r.only("E001");
      for (String jargon : List.of("expected <", "but found", "mapping values", "Version{",
          "while parsing", "while scanning", "<block", "token")) {
        assertFalse(s.message().contains(jargon), () -> "jargon in: " + s.message());
      }
      assertNotNull(s.hint(), s.message());
    }
    Run v = run("validate", write("v.yaml", "%YAML 2.0\n---\na: 1\n").toString());
    assertTrue(v.only("E001").message().contains("%YAML 2.0"), v.out());
    Run t = run("validate", write("t.yaml", "a:\n\tb: 1\n").toString());
    assertTrue(t.only("E001").message().contains("tab"), t.out());
    Run q = run("validate", write("q.yaml", "a: 1\nb: 'never\nc: 2\n").toString());
    assertEquals(2, q.only("E001").line(), q.out());
  }

  // ---- 20: near-misses get the fix as their hint ----

  @Test
  void nearMissesOfOpenDatesAndNumbersGetTheFixAsHint() throws IOException {
    Path f = write("n.yaml", measure("    period: {start: 15-01-2018, end: ongoing}\n"
        + "    funding: [{source: municipal-regular, amount_eur: '12.000,50'}]\n"
        + "  - id: b\n    title: B\n    domain: language\n    declared_duration: structural\n"
        + "    target: {groups: [refugees]}\n    sources: [{title: S}]\n"
        + "    period: {end: Open}\n"));
    Run r = run("validate", f.toString());
    assertEquals(List.of("11:E013", "11:E013", "12:E008", "19:E013"), r.at(), r.out());
    assertTrue(r.seen().get(0).hint().contains("2018-01-15"), r.out());
    assertTrue(r.seen().get(1).hint().contains("'open'"), r.out());
    assertTrue(r.seen().get(2).hint().contains("12000.50"), r.out());
    assertTrue(r.seen().get(3).hint().contains("'open'"), r.out());
  }

  @Test
  void aMisspeltRequiredKeyIsOneErrorNotTwo() throws IOException {
    Path f = write("k.yaml", HostileInputTest.valid("GM9901").replace("title: Language", "titel:"
        + " Language"));
    Run r = run("validate", f.toString());
    assertEquals(List.of("E010"), r.codes(), r.out());
    assertTrue(r.only("E010").hint().contains("'title'"), r.out());
  }

  @Test
  void anInvalidEndDateIsNotAlsoAMissingOne() throws IOException {
    Path f = write("w.yaml", measure("    status: ended\n    period: {end: 2020-13}\n"));
    Run r = run("validate", f.toString());
    assertEquals(List.of("12:E013"), r.at(), r.out());
    Path g = write("w2.yaml", measure("    status: ended\n"));
    assertEquals(List.of("W006"), run("validate", g.toString()).codes());
  }

  // ---- 21: the right words for paths and URLs ----

  @Test
  void aBackslashInAFileNameIsShownAsWritten() throws IOException {
    assumeTrue(java.io.File.separatorChar == '/', "a backslash is a separator here");
    Path f = write("back\\slash.yaml", measure("    status: nonsense\n"));
    Run r = run("validate", f.toString());
    assertTrue(r.seen().get(0).file().endsWith("back\\slash.yaml"), r.out());
  }

  @Test
  void internationalHostsAreUrlsAndBadCharactersAreNamed() throws IOException {
    Path f = write("url.yaml", HostileInputTest.valid("GM9901").replace("title: Council letter",
        "{title: A, url: 'https://例え.jp/pad'}\n      - {title: B, url: 'https://x.nl/a b'}\n"
            + "      - {title: C, url: 'https://x.nl/a|b'}\n      - title: Council letter"));
    Run r = run("validate", f.toString());
    assertEquals(List.of("12:E019", "13:E019"), r.at(), r.out());
    assertTrue(r.seen().get(0).message().contains("a space"), r.out());
    assertTrue(r.seen().get(0).hint().contains("%20"), r.out());
    assertTrue(r.seen().get(1).hint().contains("%7C"), r.out());
  }

  // ---- 22: GitLab fingerprints do not move with the lines ----

  @Test
  void gitlabFingerprintsStayWhenALineIsAddedAbove() throws IOException {
    String text = measure("    status: nonsense\n    instrument: nothing\n")
        .replace("sources: [{title: Council letter}]", "sources: []");
    Path f = write("g.yaml", text);
    List<String> before = fingerprints(run("validate", "--format", "gitlab", f.toString()).out());
    Files.writeString(f, "# a comment\n" + text, UTF_8);
    List<String> after = fingerprints(run("validate", "--format", "gitlab", f.toString()).out());
    assertEquals(3, before.size(), before::toString);
    assertEquals(before, after);
  }

  private static List<String> fingerprints(String json) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile("\"fingerprint\" ?: ?\"([0-9a-f]+)\"").matcher(json);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
