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

  /** Pieces of values: mostly of the subset, some outside it, some broken. */
  private static final String[] PIECES = {"a", "b c", "1", "-2", "3.5", "true", "~", "null", "x#y",
      "x # c", "'q'", "'it''s'", "\"d\"", "\"e\\n\\\"\"", "[x, y]", "[]", "{}", "{a: 1, b}",
      "{a: [1, {b: c}]}", "|", "|-", "|+", ">", ">-", "", "origin:SY", "a:b", "\u00e9",
      "\ud83d\ude00 z", "foo\n  bar", "foo\n\n  bar", "0x1F", ".inf", "{x: }", "{y:}", " ",
      "|\n  t\n\n   u\n v", ">\n  t\n  u\n\n  w\n   x", "[ a , 'b' ]", "-x",
      "foo\n bar\n  baz", "[a, [b, c], {d: e}]", "\"\"", "''"};
  private static final String[] ODD = {"k: v", "-", "- x", "\"\\x41\"", "&a x", "*a", "!t x",
      "[x,\n  y]", "'multi\n  line'", "? x", ": x", "%x", "@x", "...", "---", "[a: b]", "a\r\nb"};

  /** Random texts of nested maps and lists: both paths give the same, and many read fast. */
  @Test
  void randomBlockTextsReadTheSame() {
    int fast = 0;
    int cases = 3000;
    for (int c = 0; c < cases; c++) {
      java.util.Random r = new java.util.Random(c);
      StringBuilder sb = new StringBuilder();
      for (int d = 0, docs = 1 + r.nextInt(2); d < docs; d++) {
        if (d > 0 || r.nextInt(4) == 0) {
          sb.append(r.nextInt(5) == 0 ? "...\n---\n" : "---\n");
        }
        boolean seq = r.nextBoolean();
        for (int i = 0, items = 1 + r.nextInt(3); i < items; i++) {
          sb.append(seq ? "-" : "k" + r.nextInt(5) + ":");
          node(r, sb, 0, 1);
        }
      }
      String text = sb.toString();
      if (r.nextInt(5) == 0) {
        text = text.replace("\n", "\r\n");
      }
      if (r.nextInt(30) == 0) {
        text = text.substring(0, r.nextInt(text.length()));
      }
      if (same("random-" + c + ".yaml", text.getBytes(UTF_8))) {
        fast++;
      }
    }
    assertTrue(fast * 10 > cases, fast + " of " + cases + " read fast");
  }

  private static void node(java.util.Random r, StringBuilder sb, int indent, int depth) {
    int kind = r.nextInt(depth > 3 ? 2 : 5);
    if (kind <= 1) {
      String piece = r.nextInt(150) == 0 ? ODD[r.nextInt(ODD.length)]
          : PIECES[r.nextInt(PIECES.length)];
      sb.append(' ').append(piece).append(r.nextInt(5) == 0 ? " # c" : "").append('\n');
      return;
    }
    sb.append(r.nextInt(6) == 0 ? " # c\n" : "\n");
    int ind = indent + (r.nextInt(6) == 0 ? 0 : 1 + r.nextInt(3));
    if (r.nextInt(40) == 0) {
      ind = Math.max(0, ind - 1);
    }
    String pad = " ".repeat(ind);
    for (int i = 0, items = 1 + r.nextInt(3); i < items; i++) {
      if (r.nextInt(8) == 0) {
        sb.append(r.nextBoolean() ? "\n" : pad + "# comment\n");
      }
      if (kind == 2) {
        sb.append(pad).append('-');
      } else {
        sb.append(pad).append(r.nextInt(5) == 0 ? PIECES[r.nextInt(PIECES.length)]
            : "k" + r.nextInt(4)).append(r.nextInt(8) == 0 ? " :" : ":");
      }
      node(r, sb, ind, depth + 1);
    }
  }

  @Test
  void aDocumentOfManyDuplicatesIsLeftToSnakeyaml() {
    StringBuilder sb = new StringBuilder("---\nfirst: 1\n---\n");
    for (int i = 0; i < 1500; i++) {
      sb.append("k: ").append(i).append('\n');
      if (i == 500) {
        assertTrue(same(sb.toString()), "500 duplicates are held back");
      }
    }
    assertFalse(same(sb.toString()));
  }

  @Test
  void aSurrogatePairAcrossSnakeyamlsBufferIsLeftToIt() {
    // snakeyaml-engine reads 1,025 characters at a time and fails when a pair straddles two reads.
    String text = "a: " + "x".repeat(1021) + "\ud83d\ude00\n";
    assertTrue(YamlReader.endsChunkInSurrogate(text.toCharArray(), 1025));
    assertFalse(same(text));
    assertTrue(same("a: " + "x".repeat(1020) + "\ud83d\ude00\n"));
  }

  @Test
  void anAsciiFileAfterAByteOrderMarkGivesTheSameStrings() {
    // the scanner makes an ASCII file's strings from its bytes, which start after the mark
    String text = "id: GM0363\nname: 'Amster''dam'\nmeasures:\n  - {id: m1, title: \"T\"}\n"
        + "  - title: plain words here\n";
    byte[] marked = ("\uFEFF" + text).getBytes(UTF_8);
    assertTrue(same("bom.yaml", marked), "the fast path reads it");
    Result r = read(FAST, "bom.yaml", marked);
    assertEquals(read(FAST, "bom.yaml", text.getBytes(UTF_8)).docs().get(0).root(),
        r.docs().get(0).root());
  }
}
