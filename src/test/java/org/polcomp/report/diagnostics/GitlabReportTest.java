package org.polcomp.report.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.polcomp.diagnostic.Code;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.diagnostic.SourceLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GitLab Code Quality: the fields GitLab reads, and fingerprints unique per issue. */
class GitlabReportTest {
  static final Diagnostic TWICE =
      Diagnostic.of(new SourceLocation("p/a.yaml", 3, 5), Code.W003, "no sources");

  static final List<Diagnostic> DIAGNOSTICS = List.of(
      Diagnostic.of(new SourceLocation("p/a.yaml", 3, 5), Code.E012, "bad id", "use letters"),
      TWICE,
      TWICE,
      // Same everything but the column, then but the file.
      Diagnostic.of(new SourceLocation("p/a.yaml", 3, 6), Code.W003, "no sources"),
      Diagnostic.of(new SourceLocation("p/b.yaml", 3, 5), Code.W003, "no sources"),
      Diagnostic.of(new SourceLocation("p", 0, 0), Code.W007, "no policy files"));

  @Test
  void fingerprintsAreUniqueAndStable() {
    List<String> fps = GitlabReport.fingerprints(DIAGNOSTICS);
    assertEquals(DIAGNOSTICS.size(), new HashSet<>(fps).size(), fps.toString());
    assertEquals(fps, GitlabReport.fingerprints(DIAGNOSTICS));
    assertTrue(fps.stream().allMatch(f -> f.matches("[0-9a-f]{64}")), fps.toString());
    // A diagnostic's fingerprint does not depend on the other diagnostics before it.
    assertEquals(fps.get(4), GitlabReport.fingerprints(List.of(DIAGNOSTICS.get(4))).get(0));
  }

  @Test
  void fingerprintsDependOnTheMessage() {
    Diagnostic other = Diagnostic.of(new SourceLocation("p/a.yaml", 3, 5), Code.E012, "bad ID");
    assertNotEquals(GitlabReport.fingerprints(List.of(DIAGNOSTICS.get(0))),
        GitlabReport.fingerprints(List.of(other)));
  }

  @Test
  void issues() throws Exception {
    JsonNode issues = JsonMapper.shared()
        .readTree(Reports.write(DiagnosticFormat.GITLAB, DIAGNOSTICS, List.of("p/a.yaml")));
    assertTrue(issues.isArray());
    assertEquals(DIAGNOSTICS.size(), issues.size());
    Set<String> fingerprints = new HashSet<>();
    for (int i = 0; i < issues.size(); i++) {
      JsonNode issue = issues.get(i);
      Diagnostic d = DIAGNOSTICS.get(i);
      assertEquals(d.code().id(), issue.get("check_name").asString());
      assertTrue(issue.get("description").asString().contains(d.code().id()));
      assertTrue(issue.get("description").asString().contains(d.message()));
      assertEquals(d.isError() ? "major" : "minor", issue.get("severity").asString());
      assertEquals(d.file(), issue.get("location").get("path").asString());
      assertTrue(fingerprints.add(issue.get("fingerprint").asString()));
    }
    assertEquals(3, issues.get(0).get("location").get("lines").get("begin").asInt());
    // GitLab needs a line: a diagnostic about a whole path points at line 1.
    assertEquals(1, issues.get(5).get("location").get("lines").get("begin").asInt());
  }

  @Test
  void cleanRunIsAnEmptyArray() throws Exception {
    assertEquals("[]\n", Reports.write(DiagnosticFormat.GITLAB, List.of(), List.of("a.yaml")));
  }
}
