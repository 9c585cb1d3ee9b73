package org.polcomp.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonWriterTest {
  @TempDir Path dir;

  static byte[] bytes(Report r) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new JsonWriter().write(r, out);
    return out.toByteArray();
  }

  static JsonNode tree(Report r) throws IOException {
    return JsonMapper.builder().build().readTree(bytes(r));
  }

  @Test
  void oneObjectWithTheTablesInOrder() throws IOException {
    JsonNode root = tree(Sample.report(7));
    List<String> names = new ArrayList<>(root.propertyNames());
    assertEquals(List.of("polcomp", "options", "municipalities", "measures", "domains",
        "typology", "timeline", "agreement", "issues"), names);
    assertEquals("0.1.0-test", root.get("polcomp").asString());
    assertEquals(List.of("as_of", "group_by", "codebook", "prefer_coded"),
        new ArrayList<>(root.get("options").propertyNames()));
    assertTrue(root.get("options").get("as_of").isNull());
    assertTrue(root.get("options").get("prefer_coded").isBoolean());
    assertEquals(7, root.get("measures").size());
    assertEquals(3, root.get("municipalities").size());
  }

  @Test
  void rowsAreKeyedByColumnWithTypedValues() throws IOException {
    JsonNode root = tree(Sample.report(7));
    JsonNode ams = root.get("municipalities").get(0);
    List<String> keys = new ArrayList<>(ams.propertyNames());
    assertEquals(Columns.MUNICIPALITIES.columns().stream().map(Column::key).toList(), keys);
    assertTrue(ams.get("population").isIntegralNumber());
    assertEquals(921402, ams.get("population").asLong());
    assertTrue(ams.get("mainstreaming_share").isFloatingPointNumber());
    assertEquals(0.7, ams.get("mainstreaming_share").asDouble());
    assertTrue(ams.get("region").isNull());
    assertEquals("2020-01", ams.get("as_of").asString());
    JsonNode zzz = root.get("municipalities").get(2);
    assertEquals("=1+1", zzz.get("municipality").asString(), "JSON is not guarded");
    assertTrue(zzz.get("mainstreaming_share").isNull());

    JsonNode m0 = root.get("measures").get(0);
    assertEquals(false, m0.get("coding_agrees").asBoolean());
    assertTrue(m0.get("coding_agrees").isBoolean());
    assertTrue(root.get("measures").get(1).get("coding_agrees").isNull());
    assertEquals(-8, m0.get("duration_score").asInt());
    assertEquals(10, m0.get("line").asInt());
  }

  @Test
  void extensionsTravelWithTheirMeasure() throws IOException {
    JsonNode measures = tree(Sample.report(7)).get("measures");
    JsonNode ext = measures.get(5).get("extensions");
    assertEquals(List.of("x-budget-line", "x-tags"), new ArrayList<>(ext.propertyNames()));
    assertEquals("B5", ext.get("x-budget-line").asString());
    assertEquals("pilot", ext.get("x-tags").get(0).asString());
    assertEquals(2, ext.get("x-tags").get(1).asInt());
    assertTrue(measures.get(1).get("extensions").isObject());
    assertEquals(0, measures.get(1).get("extensions").size());
  }

  @Test
  void unorderedMapsAreSortedOrderedOnesKept() throws IOException {
    Map<String, Object> hashed = new HashMap<>();
    for (String k : List.of("zeta", "alpha", "mu", "beta", "x-9", "x-10")) {
      hashed.put(k, k.length());
    }
    Map<String, Object> ordered = new LinkedHashMap<>();
    ordered.put("zeta", 1L);
    ordered.put("alpha", Map.of("b", 2L, "a", 1L));
    Table t = Columns.MEASURES.with(List.of(
        Sample.row(Columns.MEASURES, "measure_id", "a", "extensions", hashed),
        Sample.row(Columns.MEASURES, "measure_id", "b", "extensions", ordered)));
    Report r = new Report("1", Map.of(), List.of(), List.of(t), Columns.CODEBOOK.with(List.of()));
    JsonNode rows = tree(r).get("measures");
    assertEquals(List.of("alpha", "beta", "mu", "x-10", "x-9", "zeta"),
        new ArrayList<>(rows.get(0).get("extensions").propertyNames()));
    assertEquals(List.of("zeta", "alpha"),
        new ArrayList<>(rows.get(1).get("extensions").propertyNames()));
    assertEquals(List.of("a", "b"),
        new ArrayList<>(rows.get(1).get("extensions").get("alpha").propertyNames()));
  }

  @Test
  void prettyPrintedWithNewlinesAndStable() throws IOException {
    byte[] a = bytes(Sample.report(12));
    String text = new String(a, StandardCharsets.UTF_8);
    assertTrue(text.startsWith("{\n  \"polcomp\": \"0.1.0-test\",\n  \"options\": {\n"), text);
    assertTrue(text.endsWith("}\n"));
    assertFalse(text.contains("\r"));
    assertTrue(text.contains("\"issues\": [\n"));
    assertTrue(text.contains("\"mainstreaming_share\": 0.3333333333333333") 
        || text.contains("\"mainstreaming_share\": 0.6666666666666666"));
    assertArrayEquals(a, bytes(Sample.report(12)));
  }

  @Test
  void emptyTablesAreEmptyArrays() throws IOException {
    Report r = new Report("1", Map.of(), List.of(), List.of(Columns.ISSUES.with(List.of())),
        Columns.CODEBOOK.with(List.of()));
    String text = new String(bytes(r), StandardCharsets.UTF_8);
    assertEquals("{\n  \"polcomp\": \"1\",\n  \"options\": {},\n  \"issues\": []\n}\n", text);
  }

  @Test
  void writesAtomicallyToAFile() throws IOException {
    Path target = dir.resolve("out.json");
    Files.writeString(target, "old");
    new JsonWriter().write(Sample.report(3), target);
    assertEquals(3, JsonMapper.builder().build().readTree(target.toFile()).get("measures").size());
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file left");
    }
  }

  // What JsonWriter.Indented stands in for: Jackson's own printer so configured.
  private static final class Reference extends tools.jackson.core.ObjectWriteContext.Base {
    @Override
    public tools.jackson.core.PrettyPrinter getPrettyPrinter() {
      tools.jackson.core.util.DefaultIndenter indenter =
          new tools.jackson.core.util.DefaultIndenter("  ", "\n");
      return new tools.jackson.core.util.DefaultPrettyPrinter(
          tools.jackson.core.util.Separators.createDefaultInstance()
              .withObjectNameValueSpacing(tools.jackson.core.util.Separators.Spacing.AFTER)
              .withObjectEmptySeparator("")
              .withArrayEmptySeparator(""))
          .withObjectIndenter(indenter)
          .withArrayIndenter(indenter);
    }

    @Override
    public boolean hasPrettyPrinter() {
      return true;
    }
  }

  // One random value: objects and arrays (empty ones among them), strings and numbers; its first
  // child nested at least down to floor (past the 32 levels the indentation slice holds).
  private static void randomValue(tools.jackson.core.JsonGenerator g, java.util.Random r,
      int depth, int floor) {
    int kind = depth > 45 ? 2 + r.nextInt(2) : r.nextInt(depth < floor ? 2 : 5);
    int least = depth < floor ? 1 : 0;
    switch (kind) {
      case 0 -> {
        g.writeStartObject();
        for (int n = least + r.nextInt(depth > 30 ? 2 : 4), i = 0; i < n; i++) {
          g.writeName("k" + r.nextInt(9));
          randomValue(g, r, depth + 1, i == 0 ? floor : 0);
        }
        g.writeEndObject();
      }
      case 1 -> {
        g.writeStartArray();
        for (int n = least + r.nextInt(depth > 30 ? 2 : 4), i = 0; i < n; i++) {
          randomValue(g, r, depth + 1, i == 0 ? floor : 0);
        }
        g.writeEndArray();
      }
      case 2 -> g.writeString("s" + r.nextInt(100));
      case 3 -> g.writeNumber(r.nextInt(1000) - 500);
      default -> g.writeNull();
    }
  }

  private static byte[] written(tools.jackson.core.ObjectWriteContext context, long seed,
      int roots) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    java.util.Random r = new java.util.Random(seed);
    try (tools.jackson.core.JsonGenerator g =
        new tools.jackson.core.json.JsonFactory().createGenerator(context, out)) {
      for (int i = 0; i < roots; i++) {
        randomValue(g, r, 0, seed % 5 == 0 ? 40 : 3);
      }
    }
    return out.toByteArray();
  }

  @Test
  void theIndentationIsJacksonsOwnSoConfigured() {
    int deep = 0;
    for (long seed = 0; seed < 400; seed++) {
      int roots = seed % 10 == 0 ? 3 : 1;
      byte[] expected = written(new Reference(), seed, roots);
      assertArrayEquals(expected, written(new JsonWriter.Pretty(), seed, roots), "seed " + seed);
      if (new String(expected, StandardCharsets.UTF_8).contains("\n" + " ".repeat(70))) {
        deep++;
      }
    }
    assertTrue(deep > 0, "some values nested deeper than the indentation slice");
  }
}
