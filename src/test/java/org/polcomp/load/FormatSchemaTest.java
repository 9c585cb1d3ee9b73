package org.polcomp.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.polcomp.cli.Main;
import org.polcomp.model.Codebook;
import org.polcomp.model.Vocabulary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

class FormatSchemaTest {
  private static final Codebook DEFAULTS = new CodebookLoader(Limits.DEFAULT).defaults();
  private static final Path CASES = Path.of("src/test/resources/org/polcomp/load/schema-cases");
  private final JsonMapper json = JsonMapper.builder().build();
  private final YAMLMapper yaml = YAMLMapper.builder().build();

  private JsonNode schema() {
    return json.readTree(new FormatSchema(DEFAULTS).text());
  }

  @Test
  void isJsonWithTheTopLevelKeys() {
    String text = new FormatSchema(DEFAULTS).text();
    assertTrue(text.endsWith("}\n"), "one trailing newline");
    assertFalse(text.contains("\r"), "the same line ends on every system");
    JsonNode s = json.readTree(text);
    assertEquals("https://json-schema.org/draft/2020-12/schema", s.get("$schema").asString());
    assertEquals(FormatSchema.ID, s.get("$id").asString());
    for (String key : List.of("title", "description", "properties", "$defs")) {
      assertNotNull(s.get(key), key);
    }
    assertEquals("object", s.get("type").asString());
    assertEquals(List.of("municipality", "policies"), strings(s.get("required")));
    assertEquals(Vocabulary.FORMAT, s.at("/properties/format/const").asString());
  }

  @Test
  void isDeterministic() {
    assertEquals(new FormatSchema(DEFAULTS).text(),
        new FormatSchema(new CodebookLoader(Limits.DEFAULT).defaults()).text());
  }

  @Test
  void everyObjectIsClosedAndEveryPropertyDescribed() {
    List<String> objects = new ArrayList<>();
    walk(schema(), "#", objects);
    // document, municipality, measure, target, period, funding, contact, source, coding
    assertEquals(9, objects.size(), objects.toString());
  }

  private void walk(JsonNode node, String path, List<String> objects) {
    if (node.isObject()) {
      if (node.has("type") && node.get("type").asString("").equals("object")) {
        objects.add(path);
        assertFalse(node.get("additionalProperties").asBoolean(true), path);
        assertTrue(node.at("/patternProperties").has("^x-"), path);
        assertEquals(1, node.at("/patternProperties").size(), path);
        for (Map.Entry<String, JsonNode> p : node.get("properties").properties()) {
          assertTrue(p.getValue().has("description"), path + "/properties/" + p.getKey());
        }
      }
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        walk(e.getValue(), path + "/" + e.getKey(), objects);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "/" + i, objects);
      }
    }
  }

  @Test
  void listsEveryCodebookValueWithItsDescription() {
    JsonNode s = schema();
    Map<String, String> defs = Map.of("domains", "/$defs/domain", "groups",
        "/$defs/group/anyOf/0", "instruments", "/$defs/instrument", "funding_sources",
        "/$defs/funding_source", "contact_partners", "/$defs/contact_partner");
    Map<String, List<String>> vocab = DEFAULTS.vocabularies();
    assertEquals(vocab.keySet(), defs.keySet());
    for (var e : vocab.entrySet()) {
      JsonNode def = s.at(defs.get(e.getKey()));
      assertEquals(e.getValue(), strings(def.get("enum")), e.getKey());
      assertEquals(e.getValue().size(), def.get("enumDescriptions").size(), e.getKey());
    }
    assertEquals(DEFAULTS.domains().get(0).description(),
        s.at("/$defs/domain/enumDescriptions/0").asString());
    assertEquals("^origin:[A-Z]{2}$", s.at("/$defs/group/anyOf/1/pattern").asString());
    assertEquals(Vocabulary.SCALES, strings(s.at("/$defs/measure/properties/scale/enum")));
    assertEquals(Vocabulary.STATUSES, strings(s.at("/$defs/measure/properties/status/enum")));
  }

  @Test
  void takesTheVocabulariesFromTheCodebookGiven() {
    String extra = "codebook: mine\nextends: default\n"
        + "domains: [{id: sport, description: sport clubs}]\n"
        + "groups: [{id: seasonal-workers, migration_defined: true}]\n";
    CodebookLoader.Result r = new CodebookLoader(Limits.DEFAULT)
        .parse("mine.yaml", extra.getBytes(StandardCharsets.UTF_8), DEFAULTS);
    assertTrue(r.diagnostics().isEmpty(), r.diagnostics().toString());
    JsonNode s = json.readTree(new FormatSchema(r.codebook()).text());
    assertTrue(strings(s.at("/$defs/domain/enum")).contains("sport"));
    assertTrue(strings(s.at("/$defs/group/anyOf/0/enum")).contains("seasonal-workers"));
    assertTrue(s.get("description").asString().contains("'mine'"));
  }

  @Test
  void theRepositoryCopyIsUpToDate() throws IOException {
    Path copy = Path.of(FormatSchema.REPOSITORY_COPY);
    String refresh = "; refresh it with: bin/polcomp schema -o " + FormatSchema.REPOSITORY_COPY;
    if (!Files.isRegularFile(copy)) {
      fail(copy + " is missing" + refresh);
    }
    List<String> want = new FormatSchema(DEFAULTS).text().lines().toList();
    List<String> have = Files.readString(copy, StandardCharsets.UTF_8).lines().toList();
    for (int i = 0; i < Math.max(want.size(), have.size()); i++) {
      String w = i < want.size() ? want.get(i) : "(end of file)";
      String h = i < have.size() ? have.get(i) : "(end of file)";
      assertEquals(w, h, copy + " differs from the generated schema at line " + (i + 1) + refresh);
    }
    // Lines alone miss a changed line end or a lost final newline.
    assertEquals(new FormatSchema(DEFAULTS).text(), Files.readString(copy, StandardCharsets.UTF_8),
        copy + " differs from the generated schema in its line ends" + refresh);
  }

  /**
   * Each case file is valid or invalid both for the schema and for 'polcomp validate', so the
   * schema and the tool agree on them (the tool also checks what a schema cannot).
   */
  @TestFactory
  Stream<DynamicTest> schemaAndValidatorAgree() throws IOException {
    SchemaChecker checker = new SchemaChecker(schema());
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.list(CASES)) {
      for (Path dir : files.sorted().toList()) {
        String verdict = dir.getFileName().toString();
        if (!verdict.equals("valid") && !verdict.equals("invalid")) {
          fail("orphan in " + CASES + ": " + dir.getFileName());
        }
        try (Stream<Path> cases = Files.list(dir)) {
          for (Path file : cases.sorted().toList()) {
            if (!file.toString().endsWith(".yaml")) {
              fail("orphan case file: " + file);
            }
            tests.add(DynamicTest.dynamicTest(verdict + "/" + file.getFileName(), () -> {
              List<String> errors = checker.check(yaml.readTree(Files.readString(file)));
              StringWriter out = new StringWriter();
              int code = new Main(new PrintWriter(out), new PrintWriter(new StringWriter()))
                  .run("validate", file.toString());
              if (verdict.equals("valid")) {
                assertEquals(List.of(), errors, "schema");
                assertEquals(0, code, "polcomp validate:\n" + out);
              } else {
                assertFalse(errors.isEmpty(), "the schema accepts it");
                assertEquals(1, code, "polcomp validate:\n" + out);
              }
            }));
          }
        }
      }
    }
    assertTrue(tests.size() >= 10, "cases found: " + tests.size());
    return tests.stream();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.values().forEach(v -> out.add(v.asString()));
    return out;
  }
}
