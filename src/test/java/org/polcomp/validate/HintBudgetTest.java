package org.polcomp.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polcomp.diagnostic.Code;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.load.CodebookLoader;
import org.polcomp.load.Limits;
import org.polcomp.load.PolicyBinder;
import org.polcomp.load.YamlReader;
import org.polcomp.model.Municipality;

/**
 * "Did you mean" hints over a document's measure ids are bounded: the first {@link
 * Validator#HINTS_PER_CODE} missing successors get one (the same hint for a successor missed
 * again), the rest the plain hint, so a document of tens of thousands of measures costs no more
 * than that many passes over its ids.
 */
class HintBudgetTest {
  private static List<Diagnostic> validate(String yaml) {
    List<Diagnostic> out = new ArrayList<>();
    var docs = new YamlReader(Limits.DEFAULT).read("f.yaml",
        yaml.getBytes(StandardCharsets.UTF_8), out::add);
    Municipality m = new PolicyBinder(out::add).bind("f.yaml", 1, docs.get(0).root());
    new Validator(new CodebookLoader(Limits.DEFAULT).defaults()).document(m, out::add);
    return out.stream().filter(d -> d.code() == Code.E017).toList();
  }

  private static String document(int measures, int distinctMisses) {
    StringBuilder b = new StringBuilder("format: polcomp/1\nmunicipality:\n  id: GM1\n"
        + "  name: Test\n  country: NL\npolicies:\n");
    for (int i = 0; i < measures; i++) {
      b.append("  - id: m-").append(i).append("\n    title: t\n    successor: x-")
          .append(i % distinctMisses).append('\n');
    }
    return b.toString();
  }

  @Test
  void theFirstMissesGetAHintTheRestThePlainOne() {
    int n = Validator.HINTS_PER_CODE + 200;
    List<Diagnostic> e017 = validate(document(n, n));
    assertEquals(n, e017.size());
    for (int i = 0; i < n; i++) {
      String hint = e017.get(i).hint();
      if (i < Validator.HINTS_PER_CODE) {
        // x-7 is one edit from m-7 (and from no other id of the same length)
        assertEquals("did you mean 'm-" + i + "'?", hint, "successor x-" + i);
      } else {
        assertEquals("a successor is the id of another measure in the same file", hint);
      }
    }
  }

  @Test
  void aSuccessorMissedAgainGetsTheSameHintBeyondTheBudget() {
    int n = Validator.HINTS_PER_CODE * 3;
    List<Diagnostic> e017 = validate(document(n, 5));
    for (int i = 0; i < n; i++) {
      assertEquals("did you mean 'm-" + (i % 5) + "'?", e017.get(i).hint());
    }
  }

  @Test
  void tiesGoToTheSmallestIdWhateverTheOrder() {
    String yaml = "format: polcomp/1\nmunicipality:\n  id: GM1\n  name: Test\n  country: NL\n"
        + "policies:\n  - id: zb\n    title: t\n  - id: ab\n    title: t\n"
        + "  - id: mb\n    title: t\n    successor: qb\n";
    assertEquals("did you mean 'ab'?", validate(yaml).get(0).hint());
  }
}
