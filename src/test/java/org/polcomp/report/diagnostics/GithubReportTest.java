package org.polcomp.report.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polcomp.diagnostic.Code;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.diagnostic.SourceLocation;

/** The workflow commands and the escaping {@code @actions/core} applies. */
class GithubReportTest {

  // '|' separates input and output, so that ',' and ':' can appear in both.
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "plain text            | plain text",
      "100%                  | 100%25",
      "%0A stays literal     | %250A stays literal",
      "a:b,c                 | a:b,c",
      "é ü 🙂                | é ü 🙂",
      "::error::x            | ::error::x",
  })
  void escapesData(String in, String out) {
    assertEquals(out, GithubReport.escapeData(in));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "plain                 | plain",
      "100%                  | 100%25",
      "a:b                   | a%3Ab",
      "\"noord, zuid.yaml\"  | noord%2C zuid.yaml",
      "%3A                   | %253A",
      "é                     | é",
  })
  void escapesProperties(String in, String out) {
    assertEquals(out, GithubReport.escapeProperty(in));
  }

  @Test
  void escapesLineBreaks() {
    assertEquals("a%0Db%0Ac%0D%0A", GithubReport.escapeData("a\rb\nc\r\n"));
    assertEquals("a%0D%0Ab%3A%2C", GithubReport.escapeProperty("a\r\nb:,"));
  }

  @Test
  void oneCommandPerDiagnosticAndANotice() throws IOException {
    List<Diagnostic> ds = List.of(
        Diagnostic.of(new SourceLocation("p/a, b.yaml", 7, 9), Code.E012,
            "bad id 'x:y' (100%)\nsecond line", "use letters"),
        Diagnostic.of(SourceLocation.ofFile("p/c.yaml"), Code.W003, "no sources"),
        Diagnostic.of(new SourceLocation("p", 0, 0), Code.W007, "no policy files"));
    String report =
        Reports.write(DiagnosticFormat.GITHUB, ds, List.of("p/a, b.yaml", "p/c.yaml"));
    List<String> lines = report.lines().toList();
    assertEquals(List.of(
        "::error file=p/a%2C b.yaml,line=7,col=9,title=E012::bad id 'x:y' (100%25)%0Asecond"
            + " line%0Ahint: use letters",
        "::warning file=p/c.yaml,line=1,col=1,title=W003::no sources",
        "::warning file=p,title=W007::no policy files",
        "::notice title=polcomp validate::2 files, 1 municipality, 1 measure: 1 error, 2"
            + " warnings"),
        lines);
    // Every line is a workflow command: the runner turns each one into an annotation.
    assertTrue(lines.stream().allMatch(l -> l.startsWith("::")));
    assertTrue(report.endsWith("\n"));
  }
}
