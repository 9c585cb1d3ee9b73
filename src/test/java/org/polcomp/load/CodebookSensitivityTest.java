package org.polcomp.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polcomp.model.Codebook;
import org.polcomp.model.Codebook.Range;

/** The codebook's {@code sensitivity} section: the ranges of weights, validated. */
class CodebookSensitivityTest {
  private final CodebookLoader loader = new CodebookLoader(Limits.DEFAULT);
  private final Codebook defaults = loader.defaults();

  private CodebookLoader.Result parse(String yaml) {
    return loader.parse("cb.yaml", yaml.getBytes(StandardCharsets.UTF_8), defaults);
  }

  private static List<String> codes(CodebookLoader.Result r) {
    return r.diagnostics().stream().map(d -> d.line() + ":" + d.code().id()).toList();
  }

  @Test
  void rangesAreKeptByWeightIdInWeightOrder() {
    CodebookLoader.Result r = parse("extends: default\nsensitivity:\n  D4.eu: [-2, 0]\n"
        + "  D2: [-3, -1]\n  D1.temporary: [-4.5, -1.5]\n");
    assertEquals(List.of(), codes(r));
    Map<String, Range> ranges = r.codebook().sensitivity();
    assertEquals(List.of("D1.temporary", "D2.date", "D4.eu"), List.copyOf(ranges.keySet()));
    assertEquals(new Range(-3, -1), ranges.get("D2.date"));
    assertEquals(new Range(-4.5, -1.5), ranges.get("D1.temporary"));
    assertTrue(defaults.sensitivity().isEmpty());
  }

  @Test
  void theWeightIdsFollowTheCodebook() {
    List<String> ids = defaults.weightIds();
    assertEquals(List.of("D1.structural", "D1.temporary", "D2.date", "D2.open",
        "D3.framework"), ids.subList(0, 5));
    assertEquals(4 + 11 + 8, ids.size());
    assertEquals("D4.other", ids.get(ids.size() - 1));
    double[] w = defaults.weightValues();
    assertEquals(-2, w[ids.indexOf("D3.pilot")]);
    w[ids.indexOf("D3.pilot")] = -7;
    assertEquals(-7, defaults.withWeights(w).instrument("pilot").orElseThrow().weight());
  }

  @Test
  void badRangesAreLocatedErrors() {
    CodebookLoader.Result r = parse("extends: default\nsensitivity:\n"
        + "  D9.x: [0, 1]\n" // 3: no such weight
        + "  D3.pilot: -2\n" // 4: not a list
        + "  D3.project: [1, 0]\n" // 5: low above high
        + "  D3: [-3, -1]\n" // 6: four instruments lie in the range
        + "  D4.eu: [-2000, 0]\n" // 7: beyond -1000..1000
        + "  D4.other: [.nan, 1]\n" // 8: not finite
        + "  D2: [5, 6]\n" // 9: neither D2 weight lies in the range
        + "  D1.structural: [1, 2, 3]\n"); // 10: three numbers
    assertNull(r.codebook());
    assertEquals(List.of("3:E010", "4:E008", "5:E025", "6:E025", "7:E025", "8:E021", "9:E025",
        "10:E008"), codes(r));
  }

  @Test
  void aWeightNamedTwiceIsAnError() {
    CodebookLoader.Result r = parse("extends: default\nsensitivity:\n  D2: [-3, -1]\n"
        + "  D2.date: [-4, 0]\n");
    assertEquals(List.of("4:E025"), codes(r));
  }

  @Test
  void aReplacingCodebookMayCarryRangesToo() {
    String text = CodebookLoader.defaultText() + "\nsensitivity:\n  D3.living-lab: [-3, -1]\n";
    CodebookLoader.Result r = loader.parse("cb.yaml", text.getBytes(StandardCharsets.UTF_8),
        null);
    assertEquals(List.of(), codes(r));
    assertEquals(new Range(-3, -1), r.codebook().sensitivity().get("D3.living-lab"));
  }
}
