package org.polcomp.report.sheets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polcomp.bench.Generator;
import org.polcomp.cli.CliRunner;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.diagnostic.SourceLocation;
import org.polcomp.golden.Datasets;
import org.polcomp.load.CodebookLoader;
import org.polcomp.load.DatasetLoader;
import org.polcomp.load.Limits;
import org.polcomp.load.SheetLayout;
import org.polcomp.model.Codebook;
import org.polcomp.model.Coding;
import org.polcomp.model.Funding;
import org.polcomp.model.Locations;
import org.polcomp.model.Measure;
import org.polcomp.model.Municipality;
import org.polcomp.model.Source;
import org.polcomp.model.Target;

/**
 * {@code template DATASET} then {@code import} gives the same dataset (SHEETS.md "Round trip"):
 * on the frozen datasets through the commands, and as a property over generated datasets whose
 * text and extension fields are drawn to be awkward for a spreadsheet and for YAML alike.
 */
class RoundTripTest {
  private static final Codebook CODEBOOK = new CodebookLoader(Limits.DEFAULT).defaults();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SourceLocation NOWHERE = new SourceLocation("", 1, 1);

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {Datasets.POLICIES, Datasets.INVENTED, Datasets.INVENTED_CODERS})
  void theCommandsGiveTheSameClassificationAndComparison(String dataset) throws IOException {
    String t = slashes(dir.resolve("t.xlsx"));
    assertEquals(0, CliRunner.run("template", dataset, "-o", t).exit());
    String out = slashes(dir.resolve("out"));
    CliRunner.Result imported = CliRunner.run("import", t, "-o", out);
    assertEquals(0, imported.exit(), imported.err());
    for (String command : List.of("classify", "compare")) {
      String a = slashes(dir.resolve(command + "-a.json"));
      String b = slashes(dir.resolve(command + "-b.json"));
      String c = slashes(dir.resolve(command + "-c.json"));
      assertEquals(0, CliRunner.run(command, dataset, "-o", a).exit());
      assertEquals(0, CliRunner.run(command, out, "-o", b).exit());
      assertEquals(0, CliRunner.run(command, t, "-o", c).exit());
      String expected = withoutPlaces(a, dataset);
      assertEquals(expected, withoutPlaces(b, out), command + " of the imported files");
      assertEquals(expected, withoutPlaces(c, t), command + " of the workbook itself");
    }
    same(load(Path.of(dataset)), load(dir.resolve("out")), "the imported files");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void generatedDatasetsComeBackAsTheyWere(long seed) throws IOException {
    Path gen = dir.resolve("gen");
    new Generator(CODEBOOK, seed).write(12, gen);
    List<Municipality> original = awkward(load(gen), seed);
    Path t = dir.resolve("t.xlsx");
    try (OutputStream out = Files.newOutputStream(t)) {
      new TemplateWriter(CODEBOOK, "the default codebook").write(original, out);
    }
    List<Municipality> fromWorkbook = load(t);
    same(original, fromWorkbook, "the workbook read back");
    Path yaml = Files.createDirectories(dir.resolve("yaml"));
    for (Municipality m : fromWorkbook) {
      Files.writeString(yaml.resolve(SheetLayout.fileName(m.id(), m.name())),
          PolicyYaml.text(m), StandardCharsets.UTF_8);
    }
    same(original, load(yaml), "the policy files written by import");
  }

  @Test
  void theSameDatasetGivesTheSameWorkbookAndFiles() throws IOException {
    String a = slashes(dir.resolve("a.xlsx"));
    String b = slashes(dir.resolve("b.xlsx"));
    assertEquals(0, CliRunner.run("template", Datasets.INVENTED, "-o", a).exit());
    assertEquals(0, CliRunner.run("template", Datasets.INVENTED, "-o", b).exit());
    assertTrue(java.util.Arrays.equals(Files.readAllBytes(Path.of(a)),
        Files.readAllBytes(Path.of(b))), "the same bytes twice");
  }

  private static String slashes(Path p) {
    return p.toString().replace('\\', '/');
  }

  /**
   * A report's JSON without what a round trip changes: the places of rows (file, line), the
   * inputs' names and checksums; arrays of rows sorted, since the files come in another order.
   */
  private static String withoutPlaces(String file, String input) throws IOException {
    JsonNode tree = JSON.readTree(Files.readString(Path.of(file), StandardCharsets.UTF_8));
    return canonical(tree).toString();
  }

  private static final Set<String> PLACES = Set.of("file", "line", "document", "files", "path",
      "sha256", "inputs_sha256", "command_line", "input", "inputs", "column");

  private static JsonNode canonical(JsonNode n) {
    if (n.isObject()) {
      ObjectNode o = JSON.createObjectNode();
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        if (!PLACES.contains(e.getKey())) {
          o.set(e.getKey(), canonical(e.getValue()));
        }
      }
      return o;
    }
    if (n.isArray()) {
      List<JsonNode> items = new ArrayList<>();
      for (JsonNode i : n) {
        items.add(canonical(i));
      }
      items.sort(java.util.Comparator.comparing(JsonNode::toString));
      ArrayNode a = JSON.createArrayNode();
      items.forEach(a::add);
      return a;
    }
    if (n.isString()) {
      // The issues table names the cell of a workbook's warning first (Measures!B35: ...).
      return JSON.getNodeFactory().stringNode(n.asString().replaceFirst("^[A-Za-z]+![A-Z]+[0-9]+: ",
          ""));
    }
    return n;
  }

  private static List<Municipality> load(Path p) {
    DatasetLoader.Result r = new DatasetLoader(Limits.DEFAULT, false).load(List.of(p), m -> m);
    List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
    assertEquals(List.of(), errors, "no errors reading " + p);
    return r.dataset().municipalities();
  }

  /** The same municipalities and measures, compared one by one for a short message. */
  private static void same(List<Municipality> expected, List<Municipality> actual, String what) {
    Map<String, Municipality> a = normal(expected);
    Map<String, Municipality> b = normal(actual);
    assertEquals(a.keySet(), b.keySet(), what);
    for (String id : a.keySet()) {
      List<Measure> ma = a.get(id).measures();
      List<Measure> mb = b.get(id).measures();
      assertEquals(ma.size(), mb.size(), what + ": " + id);
      for (int i = 0; i < ma.size(); i++) {
        assertEquals(ma.get(i), mb.get(i), what + ": " + id + "/" + ma.get(i).id());
      }
      assertEquals(a.get(id), b.get(id), what + ": " + id);
    }
  }

  /** The municipalities by id without where they were read. */
  private static Map<String, Municipality> normal(List<Municipality> ms) {
    Map<String, Municipality> out = new java.util.TreeMap<>();
    for (Municipality m : ms) {
      List<Measure> measures = new ArrayList<>();
      for (Measure x : m.measures()) {
        measures.add(new Measure(x.id(), x.title(), x.description(), x.domain(), x.target(),
            x.instrument(), x.scale(), x.period(), x.declaredDuration(), x.funding(), x.status(),
            x.successor(), x.contactWith(), x.sources(), x.codings(), x.extensions(),
            Locations.of(NOWHERE)));
      }
      out.put(m.id(), new Municipality(m.id(), m.name(), m.country(), m.region(),
          m.population(), m.type(), m.asOf(), measures, m.extensions(), "", 1,
          Locations.of(NOWHERE)));
    }
    return out;
  }

  /**
   * Text the YAML and the spreadsheet each could read as something else. Text of spaces only is
   * not among them: a spreadsheet cell of spaces is a blank cell (SHEETS.md).
   */
  private static final String[] AWKWARD = {"yes", "No", "0344", "12", "1.5", "-dash", "- item",
      "a: b", "#hash", "x #y", "[list]", "{map}", "'quoted'", "\"dq\"", "trailing ", " leading",
      "multi\nline", "tab\there", "\u00fcn\u00efc\u00f6d\u00e9", "emoji \ud83d\ude00", "null",
      "~", "@at", "`tick`", "%pct", "&amp", "*star", "!bang", "|pipe", ">gt", "?q", "a,b",
      "2016-11-01", ".inf", "0x1F", "1e3", "back\\slash", "=SUM(A1)", "+31", "semi; colon",
      "true", "1_000", "0o17", "<b>"};

  private static String awkward(SplittableRandom r) {
    return AWKWARD[r.nextInt(AWKWARD.length)] + (r.nextBoolean() ? "" : " " + r.nextInt(100));
  }

  /** Awkward text on one line: only descriptions and notes may hold line feeds (E026). */
  private static String line(SplittableRandom r) {
    return awkward(r).replace('\n', ' ');
  }

  /** The dataset with awkward free text and extension values in place of the generated ones. */
  private static List<Municipality> awkward(List<Municipality> ms, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Municipality> out = new ArrayList<>();
    for (Municipality m : ms) {
      List<Measure> measures = new ArrayList<>();
      for (Measure x : m.measures()) {
        List<Funding> funding = new ArrayList<>();
        for (Funding f : x.funding()) {
          funding.add(new Funding(f.source(), r.nextBoolean() ? amount(r) : f.amountEur(),
              r.nextBoolean() ? awkward(r) : null));
        }
        List<Source> sources = new ArrayList<>();
        for (Source s : x.sources()) {
          sources.add(new Source("T " + line(r), s.url(), s.date(),
              r.nextBoolean() ? line(r) : s.page()));
        }
        // The coder's number keeps several coders of a measure distinct (E027).
        List<Coding> codings = new ArrayList<>();
        for (Coding c : x.codings()) {
          codings.add(new Coding(c.targeting(), c.duration(),
              line(r) + " #" + codings.size(), r.nextBoolean() ? awkward(r) : null));
        }
        Target t = new Target(x.target().groups(), r.nextBoolean() ? line(r)
            : x.target().eligibility(), x.target().proxy());
        measures.add(new Measure(x.id(), "T " + line(r), r.nextBoolean() ? awkward(r) : null,
            x.domain(), t, x.instrument(), x.scale(), x.period(), x.declaredDuration(), funding,
            x.status(), x.successor(), x.contactWith(), sources, codings, extensions(r),
            x.locations()));
      }
      out.add(new Municipality(m.id(), "N " + line(r), m.country(),
          r.nextBoolean() ? line(r) : m.region(), m.population(), line(r), m.asOf(),
          measures, extensions(r), m.file(), m.document(), m.locations()));
    }
    return out;
  }

  private static Double amount(SplittableRandom r) {
    double[] amounts = {0.0, 0.1, 12000.5, 1e20, 123456789.125, 3.0, 1.0 / 3};
    return amounts[r.nextInt(amounts.length)];
  }

  /** Extension fields as the loader gives them: maps, lists, text, integers, floats, booleans. */
  private static Map<String, Object> extensions(SplittableRandom r) {
    Map<String, Object> ext = new LinkedHashMap<>();
    int n = r.nextInt(3);
    for (int i = 0; i < n; i++) {
      ext.put("x-" + i + (r.nextBoolean() ? "" : " k"), value(r, 0));
    }
    return ext;
  }

  private static Object value(SplittableRandom r, int depth) {
    return switch (depth > 2 ? r.nextInt(6) : r.nextInt(8)) {
      case 0 -> line(r);
      case 1 -> BigInteger.valueOf(r.nextLong()).multiply(BigInteger.valueOf(1 + r.nextInt(9)));
      case 2 -> amount(r);
      case 3 -> r.nextBoolean();
      case 4 -> null;
      case 5 -> "";
      case 6 -> {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = r.nextInt(3); i > 0; i--) {
          m.put(line(r), value(r, depth + 1));
        }
        yield m;
      }
      default -> {
        List<Object> l = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
          l.add(value(r, depth + 1));
        }
        yield l;
      }
    };
  }

}
