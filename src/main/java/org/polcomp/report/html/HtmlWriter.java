package org.polcomp.report.html;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.polcomp.report.AtomicFile;
import org.polcomp.report.Cells;
import org.polcomp.report.Column;
import org.polcomp.report.ColumnType;
import org.polcomp.report.Report;
import org.polcomp.report.ReportWriter;
import org.polcomp.report.Table;
import org.polcomp.report.Unclosed;

/**
 * Writes a report as one self-contained HTML file (OUTPUTS.md): the overview (what the words mean,
 * the counts, two charts drawn here as inline SVG, the municipalities), then a section per
 * municipality with its measures, their labels, scores, reasons and sources, then the agreement
 * and the issues. No script, no style sheet or font from elsewhere: it opens offline, reads on a
 * phone and prints. All markup goes through {@link Html}, which escapes every piece of data; links
 * are made only of http and https addresses. The same report gives the same bytes.
 */
public final class HtmlWriter implements ReportWriter {
  // A style sheet without <, > or &, which would be escaped in the raw text of <style>.
  static final String CSS = String.join("\n",
      "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;line-height:1.45;"
          + "margin:0 auto;padding:0 1rem 2rem;max-width:72rem;color:#1a1a1a;background:#fff}",
      "h1{font-size:1.6rem;margin:1.2rem 0 .4rem}h2{font-size:1.3rem;margin-top:2rem;"
          + "border-bottom:1px solid #ccc}h3{font-size:1.05rem}",
      "nav ul{padding-left:1.2rem}",
      ".facts{color:#333}dl.words dt{font-weight:600;margin-top:.4rem}dl.words dd{margin:0 0 0 1rem}",
      ".scroll{overflow-x:auto;max-width:100%}",
      "table{border-collapse:collapse;font-size:.9rem;margin:.5rem 0}",
      "th,td{border-bottom:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}",
      "th{background:#f3f3f3}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}",
      "td.reasons{font-size:.8rem;color:#444;min-width:16rem}",
      "figure{margin:1rem 0}figcaption{font-weight:600;margin-bottom:.3rem}",
      "svg{max-width:100%;height:auto;font-size:12px}",
      ".charts{display:flex;flex-wrap:wrap;gap:1rem}.charts figure{flex:1 1 26rem}",
      "a{color:#1f4e79}a.src{word-break:break-all}",
      "@media (max-width:40rem){body{padding:0 .5rem}table{font-size:.8rem}}",
      "@media print{body{max-width:none;padding:0}.scroll{overflow:visible}nav{display:none}"
          + "h2{break-after:avoid}figure,tr{break-inside:avoid}a{color:inherit}"
          + "section.municipality{break-before:page}}");
  /** The most bars in the bar chart, the first municipalities by id. */
  static final int MAX_BARS = 200;
  /** The most municipalities whose positions the bubble chart shows. */
  static final int MAX_POINTS = 10_000;
  // bubble labels drawn; beyond, the names are in each bubble's tooltip only
  private static final int LABELLED = 30;
  private static final String SVG = "http://www.w3.org/2000/svg";
  private static final String[] COLOURS =
      {"#1f4e79", "#9dc3e6", "#c55a11", "#f4b183", "#a6a6a6"};
  private static final List<String> QUADRANTS = List.of("mainstreamed_structural",
      "mainstreamed_temporary", "target_group_structural", "target_group_temporary");

  @Override
  public void write(Report report, Path target) throws IOException {
    AtomicFile.write(target, out -> write(report, out));
  }

  /** Writes the report to a stream, which stays open. */
  public void write(Report report, OutputStream out) throws IOException {
    Writer text = new BufferedWriter(new OutputStreamWriter(new Unclosed(out),
        StandardCharsets.UTF_8), 1 << 16);
    Html h = new Html(text);
    h.doctype();
    h.start("html", "lang", "en").newline();
    h.start("head").newline();
    h.empty("meta", "charset", "utf-8").newline();
    h.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1")
        .newline();
    h.empty("meta", "name", "generator", "content", "polcomp " + report.toolVersion()).newline();
    h.element("title", OverviewText.TITLE).newline();
    h.start("style").css(CSS).end().newline();
    h.end().newline(); // head
    h.start("body").newline();
    Table summary = OverviewText.find(report, "municipalities");
    Map<String, String> anchors = anchors(summary);
    overview(h, report, summary, anchors);
    municipalities(h, report, summary, anchors);
    Table agreement = OverviewText.find(report, "agreement");
    if (agreement != null) {
      h.start("section", "id", "agreement").newline();
      h.element("h2", "Agreement between human coders and the rules").newline();
      table(h, agreement, null, null);
      h.end().newline();
    }
    Table issues = OverviewText.find(report, "issues");
    if (issues != null) {
      h.start("section", "id", "issues").newline();
      h.element("h2", "Issues").newline();
      if (issues.rowCount() == 0) {
        h.element("p", "No warnings.").newline();
      } else {
        table(h, issues, null, null);
      }
      h.end().newline();
    }
    h.start("footer").newline();
    h.element("p", "Made by polcomp " + report.toolVersion() + ". " + OverviewText.date(report))
        .newline();
    h.end().newline();
    h.end().newline(); // body
    h.end().newline(); // html
    h.finish();
    text.flush();
  }

  // one anchor per municipality id, unique and safe as a fragment
  private static Map<String, String> anchors(Table summary) {
    Map<String, String> out = new HashMap<>();
    if (summary == null) {
      return out;
    }
    int id = summary.schema().indexOf("municipality_id");
    Set<String> used = new HashSet<>();
    int n = 0;
    for (List<Object> row : summary.rows()) {
      n++;
      Object v = id < 0 ? null : row.get(id);
      if (!(v instanceof String s) || out.containsKey(s)) {
        continue;
      }
      String a = "m-" + s.replaceAll("[^A-Za-z0-9_-]", "_");
      if (!used.add(a)) {
        a = a + "-" + n;
        used.add(a);
      }
      out.put(s, a);
    }
    return out;
  }

  private static void overview(Html h, Report report, Table summary, Map<String, String> anchors)
      throws IOException {
    h.start("header").newline();
    h.element("h1", OverviewText.TITLE).newline();
    h.element("p", OverviewText.dataset(report), "class", "facts").newline();
    h.element("p", OverviewText.date(report), "class", "facts").newline();
    h.element("p", OverviewText.counts(report), "class", "facts").newline();
    h.end().newline();
    h.start("nav").newline().start("ul").newline();
    link(h, "#overview", "Overview");
    if (summary != null && summary.rowCount() > 0) {
      link(h, "#municipalities", "Municipalities, one by one");
    }
    link(h, "#agreement", "Agreement");
    link(h, "#issues", "Issues");
    h.end().newline().end().newline();

    h.start("section", "id", "overview").newline();
    h.element("h2", "Overview").newline();
    h.element("h3", "What the words mean").newline();
    h.start("dl", "class", "words").newline();
    for (String line : OverviewText.definitions(report)) {
      int colon = line.indexOf(": ");
      h.element("dt", colon < 0 ? "" : line.substring(0, colon));
      h.element("dd", colon < 0 ? line : line.substring(colon + 2)).newline();
    }
    h.end().newline();
    if (summary != null && summary.rowCount() > 0) {
      h.start("div", "class", "charts").newline();
      Svg.bars(h, summary, MAX_BARS, COLOURS);
      Svg.bubbles(h, summary, MAX_POINTS, LABELLED);
      h.end().newline();
      h.element("h3", "The municipalities").newline();
      compact(h, summary, anchors);
    }
    h.end().newline();
  }

  private static void link(Html h, String href, String text) throws IOException {
    h.start("li").element("a", text, "href", href).end().newline();
  }

  // municipality, measures, profile and the two shares; the name links to its section
  private static void compact(Html h, Table summary, Map<String, String> anchors)
      throws IOException {
    String[] keys = {"municipality", "measures", "profile", "mainstreaming_share",
        "structural_share"};
    int id = summary.schema().indexOf("municipality_id");
    int[] cols = new int[keys.length];
    for (int k = 0; k < keys.length; k++) {
      cols[k] = summary.schema().indexOf(keys[k]);
    }
    h.start("div", "class", "scroll").start("table").newline().start("thead").start("tr");
    for (int k = 0; k < keys.length; k++) {
      if (cols[k] >= 0) {
        Column c = summary.columns().get(cols[k]);
        h.element("th", c.header(), "class", numeric(c) ? "n" : null, "scope", "col");
      }
    }
    h.end().end().newline().start("tbody").newline();
    long r = 0;
    for (List<Object> row : summary.rows()) {
      h.start("tr");
      for (int k = 0; k < keys.length; k++) {
        if (cols[k] < 0) {
          continue;
        }
        Column c = summary.columns().get(cols[k]);
        Object v = Cells.value(summary, r, row, cols[k]);
        String anchor = id >= 0 && row.get(id) instanceof String s ? anchors.get(s) : null;
        if (k == 0 && anchor != null) {
          h.start("td").element("a", (String) v, "href", "#" + anchor).end();
        } else {
          h.element("td", show(c, v), "class", numeric(c) ? "n" : null);
        }
      }
      h.end().newline();
      r++;
    }
    h.end().end().end().newline();
  }

  // One section per municipality: its facts, then its measures, which come in file order; a
  // municipality whose measures are not together gets a continued section.
  private static void municipalities(Html h, Report report, Table summary,
      Map<String, String> anchors) throws IOException {
    Table measures = OverviewText.find(report, "measures");
    if (summary == null || summary.rowCount() == 0) {
      return;
    }
    Map<String, List<Object>> byId = new HashMap<>();
    int sid = summary.schema().indexOf("municipality_id");
    for (List<Object> row : summary.rows()) {
      if (sid >= 0 && row.get(sid) instanceof String s) {
        byId.putIfAbsent(s, row);
      }
    }
    h.start("div", "id", "municipalities").newline();
    Set<String> done = new HashSet<>();
    if (measures != null) {
      int mid = measures.schema().indexOf("municipality_id");
      String current = null;
      List<List<Object>> run = new ArrayList<>();
      long first = 0;
      long r = 0;
      for (List<Object> row : measures.rows()) {
        String id = mid >= 0 && row.get(mid) instanceof String s ? s : "";
        if (current != null && !id.equals(current)) {
          section(h, summary, byId.get(current), current, anchors, done, measures, run, first);
          run.clear();
          first = r;
        }
        current = id;
        run.add(row);
        r++;
      }
      if (current != null) {
        section(h, summary, byId.get(current), current, anchors, done, measures, run, first);
      }
    }
    // municipalities without measures still get their section
    for (List<Object> row : summary.rows()) {
      if (sid >= 0 && row.get(sid) instanceof String s && !done.contains(s)) {
        section(h, summary, row, s, anchors, done, measures, List.of(), 0);
      }
    }
    h.end().newline();
  }

  private static void section(Html h, Table summary, List<Object> mun, String id,
      Map<String, String> anchors, Set<String> done, Table measures, List<List<Object>> rows,
      long first) throws IOException {
    boolean again = !done.add(id);
    String anchor = anchors.get(id);
    h.start("section", "class", "municipality", "id", again || anchor == null ? null : anchor)
        .newline();
    String name = mun == null ? id : text(summary, mun, "municipality");
    h.element("h2", (name == null ? id : name) + (again ? " (continued)" : "")).newline();
    if (mun != null && !again) {
      List<String> facts = new ArrayList<>();
      facts.add(id);
      for (String key : List.of("country", "region", "type")) {
        String v = text(summary, mun, key);
        if (v != null) {
          facts.add(v);
        }
      }
      int pop = summary.schema().indexOf("population");
      if (pop >= 0 && mun.get(pop) instanceof Number n) {
        facts.add(String.format(Locale.ROOT, "population %,d", n.longValue()));
      }
      String asOf = text(summary, mun, "as_of");
      if (asOf != null) {
        facts.add("as of " + asOf);
      }
      h.element("p", String.join(" \u00B7 ", facts), "class", "facts").newline();
      StringBuilder b = new StringBuilder();
      b.append("Profile: ").append(or(text(summary, mun, "profile"), "none"));
      b.append("; mainstreaming share ").append(share(summary, mun, "mainstreaming_share"));
      b.append("; structural share ").append(share(summary, mun, "structural_share"));
      int budget = summary.schema().indexOf("budget_eur");
      if (budget >= 0 && mun.get(budget) instanceof Number n && n.doubleValue() > 0) {
        b.append("; budget ").append(euro(n.doubleValue()));
      }
      String file = text(summary, mun, "file");
      if (file != null) {
        b.append("; file ").append(file);
      }
      h.element("p", b.append('.').toString()).newline();
    }
    if (!rows.isEmpty()) {
      table(h, measures.schema().with(rows), MEASURE_COLUMNS, null);
    } else if (!again) {
      h.element("p", "No measures.").newline();
    }
    h.end().newline();
  }

  /** The measure columns a municipality's section shows, in this order. */
  static final List<String> MEASURE_COLUMNS = List.of("title", "domain", "target_groups",
      "instrument", "start", "end", "funding_eur", "targeting", "duration", "quadrant",
      "duration_score", "confidence", "reasons", "targeting_coded", "duration_coded",
      "source_url");

  // A table of the given columns (all tabular ones when null).
  private static void table(Html h, Table t, List<String> keys, String caption)
      throws IOException {
    List<Integer> cols = new ArrayList<>();
    if (keys == null) {
      for (int i = 0; i < t.columns().size(); i++) {
        if (t.columns().get(i).type().tabular()) {
          cols.add(i);
        }
      }
    } else {
      for (String k : keys) {
        int i = t.schema().indexOf(k);
        if (i >= 0) {
          cols.add(i);
        }
      }
    }
    h.start("div", "class", "scroll").start("table").newline();
    if (caption != null) {
      h.element("caption", caption);
    }
    h.start("thead").start("tr");
    for (int i : cols) {
      Column c = t.columns().get(i);
      h.element("th", c.header(), "class", numeric(c) ? "n" : null, "scope", "col");
    }
    h.end().end().newline().start("tbody").newline();
    long r = 0;
    for (List<Object> row : t.rows()) {
      h.start("tr");
      for (int i : cols) {
        Column c = t.columns().get(i);
        Object v = Cells.value(t, r, row, i);
        if (c.type() == ColumnType.URL && v instanceof String url && webLink(url)) {
          h.start("td").element("a", url, "href", url, "class", "src", "rel", "noopener")
              .end();
        } else {
          h.element("td", show(c, v), "class", numeric(c) ? "n"
              : c.key().equals("reasons") ? "reasons" : null);
        }
      }
      h.end().newline();
      r++;
    }
    h.end().end().end().newline();
  }

  /** Whether an address may become a link: http or https with a host, nothing else. */
  static boolean webLink(String url) {
    String u = url.strip();
    if (!u.equals(url) || u.chars().anyMatch(c -> c < 0x21 || c == 0x7F)) {
      return false;
    }
    String lower = u.toLowerCase(Locale.ROOT);
    String rest = lower.startsWith("https://") ? u.substring(8)
        : lower.startsWith("http://") ? u.substring(7) : null;
    return rest != null && !rest.isEmpty() && rest.charAt(0) != '/';
  }

  private static boolean numeric(Column c) {
    return c.type() == ColumnType.INTEGER || c.type() == ColumnType.NUMBER
        || c.type() == ColumnType.SHARE;
  }

  /** A cell as text: shares in whole percent, euros grouped, true/false as yes/no. */
  static String show(Column c, Object v) {
    if (v == null) {
      return "";
    }
    return switch (c.type()) {
      case SHARE -> percent((Double) v);
      case INTEGER -> c.key().equals("population")
          ? String.format(Locale.ROOT, "%,d", (Long) v) : Long.toString((Long) v);
      case NUMBER -> c.key().endsWith("_eur") ? euro((Double) v) : Cells.number(v);
      case BOOLEAN -> (Boolean) v ? "yes" : "no";
      default -> (String) v;
    };
  }

  static String percent(double share) {
    return Math.round(share * 100) + "%";
  }

  static String euro(double amount) {
    return String.format(Locale.ROOT, "\u20AC\u00A0%,d", Math.round(amount));
  }

  private static String text(Table t, List<Object> row, String key) {
    int i = t.schema().indexOf(key);
    return i >= 0 && row.get(i) instanceof String s ? s : null;
  }

  private static String share(Table t, List<Object> row, String key) {
    int i = t.schema().indexOf(key);
    return i >= 0 && row.get(i) instanceof Number n && Double.isFinite(n.doubleValue())
        ? percent(n.doubleValue()) : "none";
  }

  private static String or(String s, String otherwise) {
    return s == null ? otherwise : s;
  }

  static List<String> quadrants() {
    return QUADRANTS;
  }

  static String svgNamespace() {
    return SVG;
  }
}
