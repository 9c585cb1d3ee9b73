package org.polcomp.report.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polcomp.diagnostic.Code;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.diagnostic.SourceLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** SARIF 2.1.0: the fields code scanning needs, read back with Jackson. */
class SarifReportTest {
  static final List<Diagnostic> DIAGNOSTICS = List.of(
      Diagnostic.of(new SourceLocation("policies/noord zuid.yaml", 7, 9), Code.E012,
          "invalid measure id 'taal-café'", "use letters"),
      Diagnostic.of(new SourceLocation("policies/b.yaml", 2, 3), Code.W003, "no sources"),
      Diagnostic.of(new SourceLocation("policies", 0, 0), Code.W007, "no policy files"));

  @Test
  void requiredFields() throws Exception {
    String sarif = Reports.write(DiagnosticFormat.SARIF, DIAGNOSTICS,
        List.of("policies/noord zuid.yaml", "policies/b.yaml"));
    JsonNode root = JsonMapper.shared().readTree(sarif);
    assertEquals("https://json.schemastore.org/sarif-2.1.0.json", root.get("$schema").asString());
    assertEquals("2.1.0", root.get("version").asString());
    assertEquals(1, root.get("runs").size());
    JsonNode run = root.get("runs").get(0);

    JsonNode driver = run.get("tool").get("driver");
    assertEquals("polcomp", driver.get("name").asString());
    assertEquals("9.9.9-test", driver.get("version").asString());
    JsonNode rules = driver.get("rules");
    assertEquals(Code.values().length, rules.size());
    for (Code c : Code.values()) {
      JsonNode rule = rules.get(c.ordinal());
      assertEquals(c.id(), rule.get("id").asString());
      assertEquals(c.ruleName(), rule.get("name").asString());
      assertEquals(c.summary(), rule.get("shortDescription").get("text").asString());
      assertEquals(c.severity().label(),
          rule.get("defaultConfiguration").get("level").asString());
    }

    JsonNode results = run.get("results");
    assertEquals(3, results.size());
    for (int i = 0; i < results.size(); i++) {
      JsonNode r = results.get(i);
      Diagnostic d = DIAGNOSTICS.get(i);
      assertEquals(d.code().id(), r.get("ruleId").asString());
      // ruleIndex must point at the rule with the same id.
      assertEquals(d.code().id(), rules.get(r.get("ruleIndex").asInt()).get("id").asString());
      assertEquals(d.severity().label(), r.get("level").asString());
      assertTrue(r.get("message").get("text").asString().startsWith(d.message()));
      assertEquals(1, r.get("locations").size());
    }
    JsonNode first = results.get(0);
    assertEquals("invalid measure id 'taal-café'\nhint: use letters",
        first.get("message").get("text").asString());
    JsonNode loc = first.get("locations").get(0).get("physicalLocation");
    assertEquals("policies/noord%20zuid.yaml", loc.get("artifactLocation").get("uri").asString());
    assertEquals(7, loc.get("region").get("startLine").asInt());
    assertEquals(9, loc.get("region").get("startColumn").asInt());
    // Line 0 (the whole path) has no region: SARIF lines start at 1.
    JsonNode third = results.get(2).get("locations").get(0).get("physicalLocation");
    assertEquals("policies", third.get("artifactLocation").get("uri").asString());
    assertFalse(third.has("region"));
  }

  @Test
  void cleanRunHasRulesAndNoResults() throws Exception {
    JsonNode run = JsonMapper.shared()
        .readTree(Reports.write(DiagnosticFormat.SARIF, List.of(), List.of("a.yaml")))
        .get("runs").get(0);
    assertTrue(run.get("results").isArray());
    assertEquals(0, run.get("results").size());
    assertEquals(Code.values().length, run.get("tool").get("driver").get("rules").size());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "policies/a.yaml          | policies/a.yaml",
      "policies/noord zuid.yaml | policies/noord%20zuid.yaml",
      "policies\\win.yaml       | policies/win.yaml",
      "café.yaml                | caf%C3%A9.yaml",
      "a:b.yaml                 | a%3Ab.yaml",
      "100%.yaml                | 100%25.yaml",
      "a#b?.yaml                | a%23b%3F.yaml",
      "noord,zuid.yaml          | noord,zuid.yaml",
      "/srv/data/a b.yaml       | file:///srv/data/a%20b.yaml",
      "C:/data/a.yaml           | file:///C:/data/a.yaml",
      "../up/a.yaml             | ../up/a.yaml",
  })
  void uris(String path, String uri) {
    assertEquals(uri, SarifReport.uri(path));
  }
}
