package org.polcomp.load;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polcomp.bench.Generator;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.load.YNode.YMap;

/**
 * The fast path of the YAML reader gives exactly what snakeyaml-engine's path gives: the same
 * documents (index, place, tree with every node's and key's place, scalar types) and the same
 * diagnostics in the same order, for every YAML file of the project, a generated dataset, and
 * one case per construct and per reason to leave a file to snakeyaml-engine.
 */
class BlockScannerTest {
  private static final YamlReader FAST = new YamlReader(Limits.DEFAULT, true);
  private static final YamlReader SLOW = new YamlReader(Limits.DEFAULT, false);

  /** What a reader gives for one file. */
  record Result(List<YamlReader.Document> docs, List<Diagnostic> diagnostics) {}

  static Result read(YamlReader reader, String file, byte[] bytes) {
    List<YamlReader.Document> docs = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    reader.read(file, bytes, diagnostics::add, docs::add);
    return new Result(docs, diagnostics);
  }

  /** Fails unless both paths give the same; returns whether the fast path read the whole file. */
  static boolean same(String file, byte[] bytes) {
    Result slow = read(SLOW, file, bytes);
    Result fast = read(FAST, file, bytes);
    assertEquals(slow.diagnostics(), fast.diagnostics(), () -> file + ": diagnostics differ");
    assertEquals(slow.docs().size(), fast.docs().size(), () -> file + ": document count");
    for (int i = 0; i < slow.docs().size(); i++) {
      assertEquals(slow.docs().get(i), fast.docs().get(i), file + ": document " + (i + 1));
    }
    return FAST.readsFast(file, bytes);
  }

  static boolean same(String text) {
    return same("t.yaml", text.getBytes(UTF_8));
  }

  private static List<Path> yamlFiles(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted().toList();
    }
  }

  @Test
  void everyYamlFileOfTheProjectReadsTheSame() throws IOException {
    int files = 0;
    int fast = 0;
    for (String root : List.of("src/test/resources", "policies", "examples")) {
      for (Path p : yamlFiles(Path.of(root))) {
        files++;
        if (same(p.toString(), Files.readAllBytes(p))) {
          fast++;
        }
      }
    }
    assertTrue(files > 150, "found only " + files + " files");
    // Most of them are plain policy files: if this drops, the fast path has stopped working.
    assertTrue(fast * 2 > files, fast + " of " + files + " read fast");
  }

  @Test
  void aGeneratedDatasetReadsTheSameAndFast(@TempDir Path dir) throws IOException {
    new Generator(new CodebookLoader(Limits.DEFAULT).defaults(), 7).write(40, dir);
    List<Path> files = yamlFiles(dir);
    assertEquals(40, files.size());
    for (Path p : files) {
      assertTrue(same(p.toString(), Files.readAllBytes(p)), () -> p + " was not read fast");
    }
  }

  @Test
  void theTypicalPolicyFileTakesTheFastPath() throws IOException {
    for (Path p : yamlFiles(Path.of("policies"))) {
      if (!p.toString().contains("schema")) {
        assertTrue(same(p.toString(), Files.readAllBytes(p)), () -> p + " was not read fast");
      }
    }
    assertTrue(same("format: polcomp/1\nmunicipality:\n  id: GM0001\n  name: A\npolicies:\n"
        + "  - id: m\n    title: \"T: x\"\n    target:\n      groups: [refugees, 'x y']\n"
        + "    description: >-\n      Two\n      lines.\n"));
  }

  @Test
  void theFastTreeHasThePlacesOfSnakeyaml() {
    String text = "a:\n  b: 1\n  c:\n  - x\n  -\n  d:   \n";
    Result r = read(FAST, "t.yaml", text.getBytes(UTF_8));
    YMap root = (YMap) r.docs().get(0).root();
    YMap a = (YMap) root.entries().get(0).value();
    assertEquals(2, a.at().line());
    assertEquals(3, a.at().column());
    assertTrue(same(text));
  }

  /** Constructs of the subset: read fast, and the same as snakeyaml-engine reads them. */
  @ParameterizedTest
  @ValueSource(strings = {
      "a: 1\n",
      "a: 1\r\nb:\r\n  - x\r\n  - 'y'\r\n",
      "a: 1",
      "- 1\n- two\n- 3.5\n- true\n- ~\n- null\n- 0x1F\n- 0o17\n- .inf\n- -.Inf\n- .NaN\n- +1e3\n",
      "a:\nb: ''\nc: \"\"\n",
      "a:\n- x\n- y\nb: 1\n",
      "- a: 1\n  b: 2\n- c:\n  - d\n  - e: f\n    g: h\n",
      "- \n- a\n-\n  b: c\n-   # comment\n  - x\n",
      "a: foo\n  bar\n\n  baz\nb: 1\n",
      "a: foo   \n  bar # c\nb: x#y\n",
      "a:\n  foo\n  bar\n",
      "a: 'it''s'\nb: \"q\\\"\\\\ \\n\\t\\/ \\0\\a\\b\\e\\f\\v\\r\\N\\_\\ \"\n",
      "'quoted key': 1\n\"dq key\"  : 2\nplain key : 3\n",
      "a: [x, y z, 'q', \"r\", 1, -2, origin:SY]\nb: {row: 0, checked: true, 'k': \"v\"}\n",
      "a: []\nb: {}\nc: [ ]\n",
      "a: {x: }\nb: {y:}\nc: [x, y]\n",
      "a: {x, y: 1 , z: , w:}\nb: {with: [n, e], k: {v: [1, {x: y}]}}\nc: [[a], {b: c}, []]\n",
      "a: {f: not named (probably x, uncertain), s: \"y\"}\n",
      "a: |\n  line 1\n   more\n\n  line 3\n",
      "a: >\n  folded\n  text\n\n  para\n   indented\n  back\n",
      "a: |-\n  x\n\n\nb: |+\n  y\n\n\nc: >-\n  z\n",
      "a: |\n\n  after blank\nb: |\nc: 1\n",
      "a: |  # comment\n  x\n# less indented comment\nb: 1\n",
      "# only a comment\n",
      "",
      "\n\n  \n",
      "a: 1\n---\nb: 2\n...\n---\n- c\n",
      "--- # first\na: 1\n...\n",
      "a: 1\na: 2\nb: {x: 1, x: 2}\n",
      "a:\n  b:\n    c:\n      d: [1]\n",
      "k: caf\u00e9\n\u00e9: \"\ud83d\ude00 x\"\nz: \ud83d\ude00\n  y\nq: [\ud83d\ude00, b]\n",
      "a: b:c\nd: -x\ne: x-\nf: -1\n---x: 1\n",
      "a: \"x # not a comment\"\nb: 'y: z'\n",
      "- - x\n",
  })
  void subsetCasesReadTheSame(String text) {
    same(text);
  }

  @Test
  void subsetCasesAreReadFast() {
    for (String text : List.of("a: 1\n", "- a\n- b: [c]\n", "a: |\n  x\n", "a: 1\n---\nb: 2\n",
        "a: foo\n  bar\n", "a:\n- x\n", "'k': \"v\"\n", "")) {
      assertTrue(same(text), () -> "not fast: " + text);
    }
  }

  /** Each reason to leave a file to snakeyaml-engine: the same result, and not the fast path. */
  @ParameterizedTest
  @ValueSource(strings = {
      "a: &x 1\nb: *x\n",
      "a: !!str 1\n",
      "? complex\n: key\n",
      "%YAML 1.2\n---\na: 1\n",
      "a:\n\t- x\n",
      "a: 1\rb: 2\r",
      "a: \"multi\n  line\"\n",
      "a: 'multi\n  line'\n",
      "a: [x,\n  y]\n",
      "a: [x, ]\n",
      "a: [x: y]\n",
      "a: {[x]: y}\n",
      "a: \"\\x41\\u00e9\"\n",
      "a: |2\n   x\n",
      "a: b: c\n",
      "a: 1\n b: 2\n",
      "a:\n    b: 1\n  c: 2\n",
      "a: 1\n- x\n",
      "- x\na: 1\n",
      "just a scalar\n",
      "  a: 1\n",
      "---\n",
      "a: 1\n---\n---\n",
      "a: 1\n---\nb: [\n",
      "a: 1\n---\nb: &y 2\n",
      "a: 1\n...\nb: 2\n",
      "a: \"unclosed\n",
      "a: 'x' y\n",
      "a: @x\n",
      "[a]: b\n",
      "a: 1\nb\n",
      "a: |\n    x\n  y\n",
      "a:\n  b: |\n\n     x\n   y\n",
      "a\u0085b: 1\n",
      "a: 1\n\ufeffb: 2\n",
      "a: \"\\L\\P\"\n",
  })
  void bailOutsReadTheSameAndAreNotFast(String text) {
    assertFalse(same(text), () -> "read fast: " + text);
  }

  @Test
  void aDeepFileBailsAndGetsTheDepthDiagnostic() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Limits.DEFAULT.maxDepth() + 2; i++) {
      sb.append(" ".repeat(2 * i)).append("k").append(i).append(":\n");
    }
    sb.append(" ".repeat(2 * (Limits.DEFAULT.maxDepth() + 2))).append("x\n");
    assertFalse(same(sb.toString()));
  }

  @Test
  void aLaterBailSkipsTheDocumentsAlreadyHandedOn() {
    String text = "a: 1\na: 2\n---\nb: 1\nb: 2\n---\nc: &x 1\nd: *x\nd: 3\n---\ne: [\n";
    assertFalse(same(text));
    Result r = read(FAST, "t.yaml", text.getBytes(UTF_8));
    assertEquals(3, r.docs().size());
    // Two duplicates handed on with their documents, one from snakeyaml, then the syntax error.
    assertEquals(4, r.diagnostics().size(), r.diagnostics()::toString);
  }

  @Test
  void aStringOverTheLimitIsReportedOnce() {
    Limits small = new Limits(Limits.DEFAULT.maxFileBytes(), 10, 5, 10, 100);
    String text = "toolong: abcdefgh\nb: [abcdefgh]\n---\nc: 1\nc: 2\n---\nd: *x\n";
    byte[] bytes = text.getBytes(UTF_8);
    Result slow = read(new YamlReader(small, false), "t.yaml", bytes);
    Result fast = read(new YamlReader(small, true), "t.yaml", bytes);
    assertEquals(slow, fast);
    assertEquals(5, fast.diagnostics().size(), fast.diagnostics()::toString);
  }
}
