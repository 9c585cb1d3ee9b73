package org.polcomp.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polcomp.diagnostic.Code;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.diagnostic.SourceLocation;
import org.polcomp.model.Coding;
import org.polcomp.model.Duration;
import org.polcomp.model.Measure;
import org.polcomp.model.Targeting;

/** {@code coding} as one map or as a list of codings, one per coder (FORMAT.md). */
class CodingsBindingTest {
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  private Measure bind(String coding) {
    String yaml = """
        municipality: {id: GM1, name: Ede}
        policies:
          - id: m1
            title: T
            domain: work
            target: {groups: [refugees]}
        """ + coding.indent(4);
    YamlReader.Document doc = new YamlReader(Limits.DEFAULT)
        .read("a.yaml", yaml.getBytes(StandardCharsets.UTF_8), diagnostics::add).get(0);
    return new PolicyBinder(diagnostics::add).bind("a.yaml", doc.index(), doc.root())
        .measures().get(0);
  }

  private List<Code> codes() {
    return diagnostics.stream().map(Diagnostic::code).toList();
  }

  @Test
  void theSingleMapIsAListOfOne() {
    Measure m = bind("coding: {targeting: mainstreamed, duration: temporary}");
    assertEquals(List.of(new Coding(Targeting.MAINSTREAMED, Duration.TEMPORARY, null, null)),
        m.codings());
    assertEquals(List.of(), diagnostics);
  }

  @Test
  void aListKeepsEachCoderInFileOrderAndAllowsAnUncodedAxis() {
    Measure m = bind("""
        coding:
          - {coder: RD, targeting: mainstreamed, duration: temporary}
          - {coder: MB, targeting: target-group}
          - {coder: AB, duration: structural, note: n}
        """);
    assertEquals(List.of(), diagnostics);
    assertEquals(List.of(
        new Coding(Targeting.MAINSTREAMED, Duration.TEMPORARY, "RD", null),
        new Coding(Targeting.TARGET_GROUP, null, "MB", null),
        new Coding(null, Duration.STRUCTURAL, "AB", "n")), m.codings());
  }

  @Test
  void aRepeatedCoderIsE027AtTheSecondCoderAndLeftOut() {
    Measure m = bind("""
        coding:
          - {coder: RD, targeting: mainstreamed}
          - {coder: RD, targeting: target-group}
        """);
    assertEquals(List.of(Code.E027), codes());
    // line 9 of the document, the value of the second 'coder'
    assertEquals(new SourceLocation("a.yaml", 9, 17), diagnostics.get(0).location());
    assertTrue(diagnostics.get(0).message().contains("'RD'"), diagnostics.get(0).message());
    assertEquals(1, m.codings().size());
  }

  @Test
  void aListEntryWithoutACoderIsE009() {
    bind("""
        coding:
          - {coder: RD, targeting: mainstreamed}
          - {targeting: target-group}
        """);
    assertEquals(List.of(Code.E009), codes());
  }

  @Test
  void anUnknownLabelInAListIsE011() {
    bind("""
        coding:
          - {coder: RD, duration: permanent}
        """);
    assertEquals(List.of(Code.E011), codes());
  }

  @Test
  void aScalarIsE008NamingBothForms() {
    bind("coding: mainstreamed");
    assertEquals(List.of(Code.E008), codes());
    assertTrue(diagnostics.get(0).message().contains("a list of maps"),
        diagnostics.get(0).message());
  }
}
