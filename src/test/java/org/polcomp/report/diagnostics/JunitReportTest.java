package org.polcomp.report.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.polcomp.diagnostic.Code;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.diagnostic.SourceLocation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** JUnit XML parses, has the right counts, and carries every diagnostic. */
class JunitReportTest {
  static final List<String> FILES = List.of("p/a.yaml", "p/b.yaml", "p/c & d.yaml");

  static final List<Diagnostic> DIAGNOSTICS = List.of(
      Diagnostic.of(new SourceLocation("p/a.yaml", 3, 5), Code.E012,
          "bad <id> \"x\" & 'y' ]]> tab\there", "use letters"),
      Diagnostic.of(new SourceLocation("p/a.yaml", 9, 1), Code.E011,
          "control \u0001\u0000 chars, CR\r, lone \uD800 surrogate, 🙂"),
      Diagnostic.of(new SourceLocation("p/a.yaml", 12, 2), Code.W003, "no sources"),
      Diagnostic.of(new SourceLocation("p/b.yaml", 4, 1), Code.W002, "no measures"),
      // A diagnostic about a path that is not an input file.
      Diagnostic.of(SourceLocation.ofFile("p/secret"), Code.E023, "cannot read p/secret"));

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Element> children(Element e, String name) {
    List<Element> out = new ArrayList<>();
    NodeList nl = e.getElementsByTagName(name);
    for (int i = 0; i < nl.getLength(); i++) {
      if (nl.item(i).getParentNode() == e) {
        out.add((Element) nl.item(i));
      }
    }
    return out;
  }

  @Test
  void countsAndTestcases() throws Exception {
    String xml = Reports.write(DiagnosticFormat.JUNIT, DIAGNOSTICS, FILES);
    assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
    assertTrue(xml.endsWith("</testsuite>\n"));
    assertFalse(xml.contains("\r"));

    Element suite = parse(xml).getDocumentElement();
    assertEquals("testsuite", suite.getTagName());
    assertEquals("polcomp validate", suite.getAttribute("name"));
    assertEquals("4", suite.getAttribute("tests"));
    assertEquals("2", suite.getAttribute("failures"));
    assertEquals("0", suite.getAttribute("errors"));
    assertEquals("0", suite.getAttribute("skipped"));

    List<Element> cases = children(suite, "testcase");
    assertEquals(List.of("p/a.yaml", "p/b.yaml", "p/c & d.yaml", "p/secret"),
        cases.stream().map(c -> c.getAttribute("name")).toList());
    assertTrue(cases.stream()
        .allMatch(c -> c.getAttribute("classname").equals("polcomp.validate")));

    // a.yaml: one failure for its two errors, typed by the first; its warning in system-out.
    Element a = cases.get(0);
    List<Element> failures = children(a, "failure");
    assertEquals(1, failures.size());
    assertEquals("E012", failures.get(0).getAttribute("type"));
    String message = failures.get(0).getAttribute("message");
    assertTrue(message.startsWith("2 errors"), message);
    assertTrue(message.contains("bad <id> \"x\" & 'y' ]]> tab\there"), message);
    String body = failures.get(0).getTextContent();
    assertTrue(body.contains("p/a.yaml:3:5: error[E012]: bad <id>"), body);
    assertTrue(body.contains("    hint: use letters"), body);
    assertTrue(body.contains("p/a.yaml:9:1: error[E011]:"), body);
    // XML 1.0 cannot hold NUL, U+0001 or a lone surrogate: they become U+FFFD. A CR is shown
    // as \r, since each diagnostic is one line of the text report.
    // Control characters are escaped as in the text report, so the XML never holds them.
    assertTrue(body.contains("control \\u0001\\u0000 chars, CR\\r, lone \uFFFD surrogate, 🙂"),
        body);
    assertEquals(1, children(a, "system-out").size());
    assertTrue(children(a, "system-out").get(0).getTextContent()
        .contains("p/a.yaml:12:2: warning[W003]: no sources"));

    // b.yaml: warnings only, so it passes.
    assertTrue(children(cases.get(1), "failure").isEmpty());
    assertTrue(children(cases.get(1), "system-out").get(0).getTextContent().contains("W002"));

    // c & d.yaml: clean, an empty passing testcase.
    assertFalse(cases.get(2).hasChildNodes());

    // The unreadable path gets its own failing testcase.
    assertEquals("E023", children(cases.get(3), "failure").get(0).getAttribute("type"));
  }

  @Test
  void cleanRunIsAllPassing() throws Exception {
    Element suite = parse(Reports.write(DiagnosticFormat.JUNIT, List.of(), FILES))
        .getDocumentElement();
    assertEquals("3", suite.getAttribute("tests"));
    assertEquals("0", suite.getAttribute("failures"));
    assertEquals(0, suite.getElementsByTagName("failure").getLength());
  }

  @Test
  void noInputAtAllIsAnEmptySuite() throws Exception {
    Element suite = parse(Reports.write(DiagnosticFormat.JUNIT, List.of(), List.of()))
        .getDocumentElement();
    assertEquals("0", suite.getAttribute("tests"));
    assertEquals(0, suite.getElementsByTagName("testcase").getLength());
  }
}
