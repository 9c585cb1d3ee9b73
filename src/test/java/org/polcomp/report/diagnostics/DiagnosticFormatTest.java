package org.polcomp.report.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.polcomp.diagnostic.Code;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.diagnostic.SourceLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What every format promises: same input, same text; \n line ends; a final newline. */
class DiagnosticFormatTest {
  static final List<Diagnostic> DIAGNOSTICS = List.of(
      Diagnostic.of(new SourceLocation("p/a.yaml", 3, 5), Code.E011,
          "unknown value 'x\r\ny: 100%, é' for 'domain'", "did you mean 'housing'?"),
      Diagnostic.of(new SourceLocation("p/a.yaml", 8, 1), Code.W003, "no sources"));
  static final List<String> FILES = List.of("p/a.yaml", "p/b.yaml");

  @ParameterizedTest
  @EnumSource(DiagnosticFormat.class)
  void deterministicWithUnixLineEnds(DiagnosticFormat f) throws Exception {
    String once = Reports.write(f, DIAGNOSTICS, FILES);
    assertEquals(once, Reports.write(f, DIAGNOSTICS, FILES));
    assertTrue(once.endsWith("\n"), f + " ends with a newline");
    assertFalse(once.endsWith("\n\n"), f + " ends with one newline");
    // Non-ASCII is written as UTF-8 text, not escaped.
    assertTrue(once.contains("é"), f.toString());
    // text prints the message as it is; every other format escapes a CR in it.
    if (f != DiagnosticFormat.TEXT) {
      assertFalse(once.contains("\r"), f + " holds a raw CR");
    }
  }

  @Test
  void jsonHasEveryKeyInOrderAndNullHints() throws Exception {
    String json = Reports.write(DiagnosticFormat.JSON, DIAGNOSTICS, FILES);
    JsonNode root = JsonMapper.shared().readTree(json);
    assertEquals(List.of("files", "municipalities", "measures", "errors", "warnings",
        "diagnostics"), List.copyOf(root.propertyNames()));
    assertEquals(2, root.get("files").asInt());
    assertEquals(1, root.get("errors").asInt());
    assertEquals(1, root.get("warnings").asInt());
    JsonNode d = root.get("diagnostics").get(0);
    assertEquals(List.of("file", "line", "column", "severity", "code", "message", "hint"),
        List.copyOf(d.propertyNames()));
    assertEquals("p/a.yaml", d.get("file").asString());
    assertEquals(3, d.get("line").asInt());
    assertEquals(5, d.get("column").asInt());
    assertEquals("error", d.get("severity").asString());
    assertEquals("E011", d.get("code").asString());
    assertEquals(DIAGNOSTICS.get(0).message(), d.get("message").asString());
    JsonNode w = root.get("diagnostics").get(1);
    assertTrue(w.has("hint") && w.get("hint").isNull());
    assertTrue(json.startsWith("{\n  \"files\": 2,\n"), json);
  }

  @Test
  void namesAreCaseInsensitive() {
    assertEquals(DiagnosticFormat.SARIF, DiagnosticFormat.of("SARIF").orElseThrow());
    assertTrue(DiagnosticFormat.of("xml").isEmpty());
  }
}
