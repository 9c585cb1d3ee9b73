package org.polcomp.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.model.Codebook;
import org.polcomp.model.Targeting;

class CodebookLoaderTest {
  private final CodebookLoader loader = new CodebookLoader(Limits.DEFAULT);
  private final Codebook defaults = loader.defaults();

  private CodebookLoader.Result parse(String yaml) {
    return loader.parse("cb.yaml", yaml.getBytes(StandardCharsets.UTF_8), defaults);
  }

  private static List<String> codes(CodebookLoader.Result r) {
    return r.diagnostics().stream().map(d -> d.line() + ":" + d.code().id()).toList();
  }

  @Test
  void defaultCodebookHasTheVocabulariesOfTheFormat() {
    assertEquals(12, defaults.domains().size());
    assertEquals(28, defaults.groups().size());
    assertEquals(11, defaults.instruments().size());
    assertEquals(8, defaults.fundingSources().size());
    assertEquals(6, defaults.contactPartners().size());
    assertEquals(-2, defaults.instrument("living-lab").orElseThrow().weight());
    assertEquals(-2, defaults.fundingSource("national-incidental").orElseThrow().weight());
    assertEquals(Targeting.MAINSTREAMED, defaults.mixedEligibility());
    assertTrue(defaults.group("origin:SY").orElseThrow().migrationDefined());
    assertTrue(defaults.group("origin:XX").isEmpty());
    assertEquals(9, defaults.groups().stream().filter(Codebook.Group::migrationDefined).count());
  }

  @Test
  void printedDefaultReadsBackAsTheDefault() {
    CodebookLoader.Result r = loader.parse("printed.yaml",
        CodebookLoader.defaultText().getBytes(StandardCharsets.UTF_8), null);
    assertEquals(List.of(), r.diagnostics());
    assertEquals(defaults, r.codebook());
  }

  @Test
  void extendingChangesOnlyWhatItNames() {
    CodebookLoader.Result r = parse("""
        codebook: my-study
        extends: default
        settings: {mixed_eligibility: target-group}
        weights: {end: {date: -1}}
        instruments:
          - {id: pilot, weight: -3}
          - {id: buurtteam, weight: 1}
        """);
    assertEquals(List.of(), r.diagnostics());
    Codebook c = r.codebook();
    assertEquals("my-study", c.name());
    assertEquals(Targeting.TARGET_GROUP, c.mixedEligibility());
    assertEquals(Targeting.MAINSTREAMED, c.proxyTargeting());
    assertEquals(-1, c.weights().endDate());
    assertEquals(2, c.weights().openEnd());
    assertEquals(-3, c.instrument("pilot").orElseThrow().weight());
    assertEquals("buurtteam", c.instruments().get(c.instruments().size() - 1).id());
    assertEquals(12, c.instruments().size());
    assertEquals(defaults.groups(), c.groups());
  }

  @Test
  void replacingNeedsEverySection() {
    CodebookLoader.Result r = parse("""
        codebook: tiny
        domains: [{id: housing}]
        """);
    assertNull(r.codebook());
    assertEquals(6, r.diagnostics().stream().filter(d -> d.code().id().equals("E009")).count(),
        r.diagnostics().toString());
  }

  @Test
  void duplicateIdsUnknownSettingsAndKeysAreReported() {
    CodebookLoader.Result r = parse("""
        extends: default
        settings:
          mixed_eligibility: target-grup
        instruments:
          - {id: pilot, weight: -3}
          - {id: pilot, weight: -1}
          - {id: raad, wieght: 1}
        weights:
          end: {date: .inf}
        """);
    assertNull(r.codebook());
    // 'wieght' is one error (unknown key, did you mean 'weight'), not also a missing 'weight'.
    assertEquals(List.of("3:E011", "6:E025", "7:E010", "9:E021"), codes(r));
  }

  @Test
  void aCleanUserCodebookHasNoDiagnostics() {
    CodebookLoader.Result r = parse("extends: default\ngroups: [{id: roma, migration_defined: true}]\n");
    assertNotNull(r.codebook());
    assertTrue(r.codebook().group("roma").orElseThrow().migrationDefined());
    assertEquals(List.<Diagnostic>of(), r.diagnostics());
  }

  @Test
  void aNewIdNextToADefaultOneIsANearMissWarning() {
    CodebookLoader.Result r = parse("""
        extends: default
        instruments:
          - {id: living_lab, weight: -3}
          - {id: living-lab, weight: -1}
          - {id: street-theatre, weight: 1}
        """);
    assertNotNull(r.codebook());
    assertEquals(List.of("3:W010"), codes(r));
    assertTrue(r.diagnostics().get(0).hint().contains("'living-lab'"));
  }
}
