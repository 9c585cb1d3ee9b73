package org.polcomp.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.polcomp.cli.CliRunner;
import org.polcomp.cli.Main;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every golden case under {@code src/test/resources/golden/COMMAND/CASE/}, discovered from disk
 * and run through polcomp's command line in-process. See {@code golden/README.md} for the layout;
 * in short, a case holds an optional {@code args} file (one argument per line, paths relative to
 * the case folder; without it the argument is the case's {@code input/} folder) and one expected
 * file per output format of its command. A file the case does not use fails it.
 *
 * <p>Refresh after a deliberate change with {@code mvn -o test -Dtest=GoldenTest
 * -Dgolden.update=true}, then read the diff before committing.
 */
class GoldenTest {
  static final Path ROOT = Path.of("src/test/resources/golden");
  static final boolean UPDATE = Boolean.getBoolean("golden.update");
  static final String REFRESH = "refresh with -Dgolden.update=true after checking the change";

  /** One output of a command: its format and where its expected text lives in the case. */
  record Output(String format, String expected) {
    /** An output that is a folder of files (compare's CSV), not one file. */
    boolean folder() {
      return expected.endsWith("/");
    }
  }

  /** The commands with golden files, and the outputs every case of each must have. */
  enum Command {
    VALIDATE(new Output("text", "expected.text"), new Output("json", "expected.json"),
        new Output("github", "expected.github"), new Output("gitlab", "expected.gitlab.json"),
        new Output("junit", "expected.junit.xml"), new Output("sarif", "expected.sarif.json")),
    CLASSIFY(new Output("csv", "expected.csv"), new Output("json", "expected.json")),
    COMPARE(new Output("xlsx", "expected.xlsx.txt"), new Output("json", "expected.json"),
        new Output("csv", "csv/"), new Output("html", "expected.html"));

    final List<Output> outputs;

    Command(Output... outputs) {
      this.outputs = List.of(outputs);
    }

    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A case: its folder, and the arguments polcomp gets after the command and its format. */
  record Case(Command command, Path dir, List<String> args, Set<Path> used) {
    String name() {
      return command.id() + "/" + dir.getFileName();
    }
  }

  /** What one run of polcomp printed or wrote, by the case-relative expected path. */
  private record Actual(int exit, String err, Map<String, String> files) {}

  @TestFactory
  Stream<DynamicNode> cases() throws IOException {
    assertTrue(Files.isDirectory(ROOT),
        ROOT + " not found: run the tests from the project folder (Maven does)");
    List<DynamicNode> nodes = new ArrayList<>();
    nodes.add(DynamicTest.dynamicTest("layout", GoldenTest::rootLayout));
    for (Command command : Command.values()) {
      Path folder = ROOT.resolve(command.id());
      List<Path> dirs = Files.isDirectory(folder) ? list(folder).stream()
          .filter(Files::isDirectory).toList() : List.of();
      List<DynamicNode> cases = new ArrayList<>();
      for (Path dir : dirs) {
        Case c = load(command, dir);
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("layout", () -> layout(c)));
        for (Output o : command.outputs) {
          tests.add(DynamicTest.dynamicTest(o.format(), () -> check(c, o)));
        }
        cases.add(DynamicContainer.dynamicContainer(dir.getFileName().toString(), tests));
      }
      nodes.add(DynamicContainer.dynamicContainer(command.id(), cases));
    }
    return nodes.stream();
  }

  /** Only command folders and the README at the top; only case folders in a command folder. */
  private static void rootLayout() throws IOException {
    Set<String> commands = new TreeSet<>();
    for (Command c : Command.values()) {
      commands.add(c.id());
      Path folder = ROOT.resolve(c.id());
      assertTrue(Files.isDirectory(folder) && !list(folder).isEmpty(),
          "no golden case for " + c.id() + " under " + ROOT);
      for (Path p : list(folder)) {
        assertTrue(Files.isDirectory(p), p + " is not a case folder");
      }
    }
    for (Path p : list(ROOT)) {
      String name = p.getFileName().toString();
      assertTrue(name.equals("README.md") || commands.contains(name) && Files.isDirectory(p),
          p + " is neither README.md nor a folder of " + commands);
    }
  }

  /** Reads a case's arguments; a line naming a path in or beside the case is that path. */
  private static Case load(Command command, Path dir) throws IOException {
    Path argsFile = dir.resolve("args");
    List<String> lines = Files.exists(argsFile)
        ? Files.readAllLines(argsFile, StandardCharsets.UTF_8).stream()
            .filter(l -> !l.isBlank() && !l.startsWith("#")).toList()
        : List.of("input");
    List<String> args = new ArrayList<>();
    Set<Path> used = new TreeSet<>();
    for (String line : lines) {
      Path p = dir.resolve(line).normalize();
      if (Files.exists(p)) {
        args.add(slashes(p));
        if (p.startsWith(dir)) {
          used.add(p);
        }
      } else {
        args.add(line);
      }
    }
    return new Case(command, dir, List.copyOf(args), used);
  }

  /** Every file of the case is the args file, an input or an expected output. */
  private static void layout(Case c) throws IOException {
    Set<String> orphans = new TreeSet<>();
    Set<String> missing = new TreeSet<>();
    try (Stream<Path> s = Files.walk(c.dir())) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        String rel = slashes(c.dir().relativize(f));
        boolean claimed = rel.equals("args") || c.used().stream().anyMatch(f::startsWith)
            || c.command().outputs.stream().anyMatch(o -> o.folder()
                ? rel.startsWith(o.expected()) && rel.indexOf('/', o.expected().length()) < 0
                : rel.equals(o.expected()));
        if (!claimed) {
          orphans.add(rel);
        }
      }
    }
    if (!Files.exists(c.dir().resolve("args")) && !Files.isDirectory(c.dir().resolve("input"))) {
      fail(c.dir() + " has neither an args file nor an input/ folder");
    }
    for (Output o : c.command().outputs) {
      if (!Files.exists(c.dir().resolve(o.expected()))) {
        missing.add(o.expected());
      }
    }
    assertEquals(Set.of(), orphans, c.dir() + " holds files the " + c.command().id()
        + " case does not use (inputs not named in args, or no such output)");
    if (!UPDATE) {
      assertEquals(Set.of(), missing, c.dir() + " lacks expected outputs; generate them with"
          + " -Dgolden.update=true");
    }
  }

  /** Runs one output of a case and compares it with, or writes it to, the expected files. */
  private static void check(Case c, Output o) throws IOException {
    Actual actual = run(c, o);
    switch (c.command()) {
      case VALIDATE -> {
        Actual again = run(c, o);
        assertEquals(actual.files(), again.files(), "two runs gave different " + o.format());
        assertEquals("", actual.err(), "stderr of --format " + o.format());
        // Exit 1 exactly when there are errors (no case uses --strict).
        String json = run(c, new Output("json", "expected.json")).files().get("expected.json");
        int errors = JsonMapper.shared().readTree(json).get("errors").asInt();
        assertEquals(errors > 0 ? 1 : 0, actual.exit(), "exit code of --format " + o.format());
      }
      case CLASSIFY, COMPARE -> assertEquals(0, actual.exit(), actual.err());
    }
    Map<String, String> expected = expected(c, o);
    if (UPDATE) {
      for (String stale : expected.keySet()) {
        if (!actual.files().containsKey(stale)) {
          Files.delete(c.dir().resolve(stale));
        }
      }
      for (Map.Entry<String, String> e : actual.files().entrySet()) {
        Path file = c.dir().resolve(e.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
      }
      return;
    }
    assertEquals(expected.keySet(), actual.files().keySet(),
        c.name() + ": the " + o.format() + " output writes other files than the case holds; "
            + REFRESH);
    for (Map.Entry<String, String> e : actual.files().entrySet()) {
      assertEquals(expected.get(e.getKey()), e.getValue(),
          c.dir().resolve(e.getKey()) + " differs; " + REFRESH);
    }
  }

  /** The case's expected texts of one output, by case-relative path. */
  private static Map<String, String> expected(Case c, Output o) throws IOException {
    Map<String, String> texts = new TreeMap<>();
    Path p = c.dir().resolve(o.expected());
    if (o.folder()) {
      if (Files.isDirectory(p)) {
        for (Path f : list(p)) {
          texts.put(o.expected() + f.getFileName(), Files.readString(f, StandardCharsets.UTF_8));
        }
      }
    } else if (Files.exists(p)) {
      texts.put(o.expected(), Files.readString(p, StandardCharsets.UTF_8));
    }
    return texts;
  }

  /**
   * Runs polcomp for one output. Reports go to stdout; compare writes into
   * {@code target/golden-compare/CASE/}, a fixed relative folder, since its command line is part
   * of the About sheet.
   */
  private static Actual run(Case c, Output o) throws IOException {
    List<String> argv = new ArrayList<>();
    argv.add(c.command().id());
    Map<String, String> files = new TreeMap<>();
    CliRunner.Result r;
    if (c.command() == Command.COMPARE) {
      Path out = Path.of("target/golden-" + c.command().id()).resolve(c.dir().getFileName());
      Files.createDirectories(out);
      Path target = out.resolve(o.folder() ? o.format() : "comparison." + o.format());
      deleteTree(target);
      argv.addAll(c.args());
      argv.addAll(List.of("-o", slashes(target), "-q"));
      r = CliRunner.run(argv.toArray(String[]::new));
      if (r.exit() == 0) {
        if (o.folder()) {
          for (Path f : list(target)) {
            files.put(o.expected() + f.getFileName(), Files.readString(f, StandardCharsets.UTF_8));
          }
        } else if (o.format().equals("xlsx")) {
          files.put(o.expected(), XlsxDump.dump(target));
        } else {
          files.put(o.expected(), Files.readString(target, StandardCharsets.UTF_8));
        }
      }
    } else {
      argv.addAll(List.of("--format", o.format()));
      argv.addAll(c.args());
      r = CliRunner.run(argv.toArray(String[]::new));
      files.put(o.expected(), o.format().equals("sarif") ? maskVersion(r.out()) : r.out());
    }
    Map<String, String> shown = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : files.entrySet()) {
      shown.put(e.getKey(), asFromDatasets(c, e.getValue()));
    }
    return new Actual(r.exit(), r.err(), shown);
  }

  /**
   * The frozen datasets stand for the project folder: their paths print without the prefix
   * {@code src/test/resources/datasets/}, and the About sheet's SHA-256 of the inputs (a hash of
   * each file's path and content) becomes the one of those paths, so that a golden file shows what
   * {@code polcomp compare policies} printed when these were the data.
   */
  private static String asFromDatasets(Case c, String text) throws IOException {
    String prefix = Datasets.ROOT + "/";
    if (!text.contains(prefix)) {
      return text;
    }
    List<String[]> inputs = new ArrayList<>();
    for (String arg : c.args()) {
      if (arg.startsWith(prefix) && Files.exists(Path.of(arg))) {
        inputs.addAll(policyFiles(Path.of(arg)));
      }
    }
    String real = inputsSha256(inputs, "");
    String shown = inputsSha256(inputs, prefix);
    return text.replace(real, shown).replace(prefix, "");
  }

  /** The policy files under a path as (path, SHA-256 of the bytes), sorted like the loader. */
  private static List<String[]> policyFiles(Path start) throws IOException {
    List<String[]> found = new ArrayList<>();
    try (Stream<Path> s = Files.walk(start)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        String rel = slashes(start.relativize(f));
        boolean hidden = Arrays.stream(rel.split("/")).anyMatch(n -> n.startsWith("."));
        String name = f.getFileName().toString();
        if (!hidden && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
          found.add(new String[] {slashes(f), sha256(Files.readAllBytes(f))});
        }
      }
    }
    found.sort((a, b) -> a[0].compareTo(b[0]));
    return found;
  }

  private static String inputsSha256(List<String[]> inputs, String strip) {
    MessageDigest md = digest();
    for (String[] f : inputs) {
      String path = f[0].startsWith(strip) ? f[0].substring(strip.length()) : f[0];
      md.update((path + "\t" + f[1] + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** The SARIF driver version differs between the jar and a test run: a fixed token. */
  private static String maskVersion(String sarif) {
    String version = "\"version\": \"" + Main.version() + "\"";
    String driver = "\"name\": \"polcomp\",\n          ";
    assertTrue(sarif.contains(driver + version), "SARIF names the driver version "
        + Main.version());
    return sarif.replace(driver + version, driver + "\"version\": \"@VERSION@\"");
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path f : s.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.delete(f);
      }
    }
  }

  private static String slashes(Path p) {
    return p.toString().replace('\\', '/');
  }
}
