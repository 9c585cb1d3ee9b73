package org.polcomp.report.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.polcomp.report.Columns;
import org.polcomp.report.Report;
import org.polcomp.report.Sample;
import org.polcomp.report.Table;
import org.xml.sax.InputSource;

class HtmlWriterTest {
  static String html(Report r) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new HtmlWriter().write(r, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static final String SCRIPT = "<script>alert(1)</script>";

  // Sample's report with two measures of our own: one whose text is markup, one whose source
  // is a javascript: address
  private static Report hostile() {
    Report base = Sample.report(3);
    List<List<Object>> measures = new ArrayList<>();
    for (List<Object> row : base.table("measures").rows()) {
      measures.add(new ArrayList<>(row));
    }
    int title = Columns.MEASURES.indexOf("title");
    int url = Columns.MEASURES.indexOf("source_url");
    int reasons = Columns.MEASURES.indexOf("reasons");
    measures.get(0).set(title, SCRIPT);
    measures.get(0).set(reasons, "T1 \"quoted\" & <b>bold</b>");
    measures.get(0).set(url, "https://example.org/a?b=1&c=<2>");
    measures.get(1).set(url, "javascript:alert(1)");
    measures.get(2).set(url, "http://example.org/plain");
    List<Table> tables = new ArrayList<>();
    for (Table t : base.tables()) {
      tables.add(t.key().equals("measures") ? Columns.MEASURES.with(measures) : t);
    }
    return new Report(base.toolVersion(), base.options(), base.about(), tables,
        base.codebook());
  }

  @Test
  void oneSelfContainedPageWithOverviewSectionsAgreementAndIssues() throws IOException {
    String html = html(Sample.report(5));
    assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), html.substring(0, 60));
    Document d = Jsoup.parse(html);
    assertEquals("width=device-width, initial-scale=1",
        d.selectFirst("meta[name=viewport]").attr("content"));
    assertTrue(d.select("script").isEmpty(), "no script");
    assertTrue(d.select("link, img, iframe, object").isEmpty(), "nothing from elsewhere");
    assertTrue(d.selectFirst("style").data().contains("@media print"), "print styles");
    assertNotNull(d.getElementById("overview"));
    assertEquals(2, d.select("#overview svg").size(), "both charts inline");
    // the bars: five kinds, Amsterdam's 10 measures as four segments (one kind has none)
    Element bars = d.select("#overview svg").get(0);
    assertEquals(5, bars.select("> rect").size(), "a legend of five kinds");
    // the positions: Amsterdam and Gdansk; the third municipality has no shares
    assertEquals(2, d.select("#overview svg").get(1).select("circle").size());
    // the municipality table links to each section
    List<String> sections = d.select("section.municipality").eachAttr("id");
    assertEquals(List.of("m-ams", "m-gdn", "m-zzz"), sections.subList(0, 3));
    for (Element a : d.select("#overview table a")) {
      assertNotNull(d.getElementById(a.attr("href").substring(1)), a.attr("href"));
    }
    Element ams = d.getElementById("m-ams");
    assertEquals("Amsterdam", ams.selectFirst("h2").text());
    assertTrue(ams.text().contains("population 921,402"), ams.text());
    // Sample's measures alternate between two municipalities: a section each time, the later
    // ones marked as continued
    int rows = 0;
    for (Element sec : d.select("section.municipality")) {
      if (sec.selectFirst("h2").text().startsWith("Amsterdam")) {
        rows += sec.select("tbody tr").size();
      }
    }
    assertEquals(3, rows, "Amsterdam's measures");
    assertEquals("Amsterdam (continued)",
        d.select("section.municipality h2").get(2).text());
    List<String> headers = ams.select("thead th").eachText();
    assertTrue(headers.containsAll(List.of("Title", "Quadrant", "Reasons", "Source url")),
        headers.toString());
    assertNotNull(d.getElementById("agreement"));
    assertTrue(d.getElementById("issues").text().contains("-measure without sources"));
    // data that looks like a formula is just text here
    assertEquals("=1+1", d.getElementById("m-zzz").selectFirst("h2").text());
  }

  @Test
  void dataTextIsEscapedAndStaysText() throws IOException {
    String html = html(hostile());
    assertFalse(html.contains(SCRIPT), "no markup from the data");
    assertFalse(html.contains("<b>bold</b>"));
    Document d = Jsoup.parse(html);
    assertTrue(d.select("script").isEmpty());
    assertTrue(d.select("td b").isEmpty());
    List<String> titles = d.select("section.municipality td:first-child").eachText();
    assertTrue(titles.contains(SCRIPT), titles.toString());
    assertTrue(d.select("td.reasons").eachText().contains("T1 \"quoted\" & <b>bold</b>"));
  }

  @Test
  void onlyHttpAndHttpsAddressesBecomeLinks() throws IOException {
    Document d = Jsoup.parse(html(hostile()));
    List<String> hrefs = d.select("a[href]").eachAttr("href");
    for (String h : hrefs) {
      assertTrue(h.startsWith("#") || h.startsWith("https://") || h.startsWith("http://"), h);
    }
    assertTrue(hrefs.contains("https://example.org/a?b=1&c=<2>"), hrefs.toString());
    assertTrue(hrefs.contains("http://example.org/plain"), hrefs.toString());
    // the javascript: address is shown, not linked
    assertTrue(d.select("td").eachText().contains("javascript:alert(1)"));
    assertFalse(HtmlWriter.webLink("javascript:alert(1)"));
    assertFalse(HtmlWriter.webLink("https:///no-host"));
    assertFalse(HtmlWriter.webLink(" https://example.org/"));
    assertFalse(HtmlWriter.webLink("ftp://example.org/"));
    assertTrue(HtmlWriter.webLink("HTTPS://example.org/"));
  }

  @Test
  void theFileIsWellFormedXml() throws Exception {
    // XHTML-compatible: every element closed, so an XML parser reads it too
    String html = html(hostile()).replaceFirst("<!DOCTYPE html>", "");
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    org.w3c.dom.Document doc =
        f.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
    assertEquals("html", doc.getDocumentElement().getTagName());
    // no element that HTML does not allow to be empty is written as <x/>
    assertFalse(html.matches("(?s).*<(td|th|p|a|dd|dt|div|section|title|text)( [^>]*)?/>.*"));
  }

  @Test
  void sameReportSameBytes() throws IOException {
    assertArrayEquals(html(Sample.report(30)).getBytes(StandardCharsets.UTF_8),
        html(Sample.report(30)).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void controlCharactersThatXmlCannotHoldAreReplaced() {
    assertEquals("a\uFFFDb\uD834\uDD1E\uFFFD", Html.clean("a\u0007b\uD834\uDD1E\uD800"));
    assertEquals("plain", Html.clean("plain"));
  }

  @Test
  void aReportWithoutRowsStillReads() throws IOException {
    List<Table> tables = Columns.TABLES.stream().map(t -> t.with(List.of())).toList();
    Report r = new Report("1", Map.of(), List.of(), tables, Columns.CODEBOOK.with(List.of()));
    Document d = Jsoup.parse(html(r));
    assertEquals(OverviewText.TITLE, d.selectFirst("h1").text());
    assertTrue(d.select("svg").isEmpty());
    assertTrue(d.getElementById("issues").text().contains("No warnings."));
    assertEquals(List.of(), Arrays.asList(d.select("section.municipality").toArray()));
  }
}
