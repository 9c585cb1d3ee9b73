package org.polcomp.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.polcomp.diagnostic.Severity;
import org.polcomp.report.Cells;
import org.polcomp.report.ComparisonReport;
import org.polcomp.report.Report;
import org.polcomp.report.Table;

/**
 * The words of an overview, the same in the workbook's Overview sheet and the HTML report: the
 * dataset, the date the figures describe, the counts, and what the labels mean in the codebook in
 * use. Read from the report alone.
 */
public final class OverviewText {
  private OverviewText() {}

  /** The title of a comparison. */
  public static final String TITLE = "Migrant-integration policies compared";

  /** The measures of a quadrant, in plain words, in the order of the typology columns. */
  public static final List<String> KINDS = List.of("Mainstreamed, structural",
      "Mainstreamed, temporary", "Target-group, structural", "Target-group, temporary",
      "Unclassified");
  private static final List<String> KIND_KEYS = List.of("mainstreamed_structural",
      "mainstreamed_temporary", "target_group_structural", "target_group_temporary",
      "unclassified");
  // ids listed in a definition before "and more"
  private static final int IDS = 6;

  /** The folder the municipalities' files share, the number of files and the codebook. */
  public static String dataset(Report report) {
    String folder = null;
    Table summary = find(report, "municipalities");
    int file = summary == null ? -1 : summary.schema().indexOf("file");
    if (file >= 0) {
      for (List<Object> row : summary.rows()) {
        Object f = row.get(file);
        if (f instanceof String s) {
          String dir = parent(s);
          folder = folder == null ? dir : common(folder, dir);
        }
      }
    }
    String n = about(report, "files");
    StringBuilder b = new StringBuilder("Dataset: ");
    b.append(folder == null || folder.isEmpty() ? "the files given" : folder);
    if (n != null) {
      b.append(" (").append(n).append(n.equals("1") ? " file" : " files");
      // only a run with --skip-invalid has the option
      if (report.options().get(ComparisonReport.SKIPPED_FILES) instanceof Number skipped
          && skipped.longValue() > 0) {
        b.append(", ").append(skipped).append(" left out for errors");
      }
      b.append(')');
    }
    String codebook = about(report, "codebook");
    if (codebook != null) {
      b.append("; codebook: ").append(codebook);
    }
    return b.append('.').toString();
  }

  /**
   * The date the figures describe: {@code --as-of} when given, else the latest as-of date of the
   * municipalities; and the time the report was made, only with {@code --timestamp}.
   */
  public static String date(Report report) {
    Object asOf = report.options().get("as_of");
    String when;
    if (asOf != null) {
      when = "Date: the measures active on " + asOf;
    } else {
      String latest = null;
      Table summary = find(report, "municipalities");
      int col = summary == null ? -1 : summary.schema().indexOf("as_of");
      if (col >= 0) {
        for (List<Object> row : summary.rows()) {
          if (row.get(col) instanceof String d && (latest == null || d.compareTo(latest) > 0)) {
            latest = d;
          }
        }
      }
      when = latest == null ? "Date: the data state no as-of date"
          : "Date: the data as of " + latest + " (the latest as-of date of the municipalities)";
    }
    Object generated = report.options().get("generated");
    return when + (generated == null ? "; generated without timestamp."
        : "; generated " + generated + ".");
  }

  /** The counts: municipalities, measures by kind, warnings. */
  public static String counts(Report report) {
    StringBuilder b = new StringBuilder();
    b.append(or(about(report, "municipalities"), rows(report, "municipalities")))
        .append(" municipalities, ")
        .append(or(about(report, "measures"), rows(report, "measures"))).append(" measures");
    List<String> parts = new ArrayList<>();
    long[] kinds = kinds(report);
    if (kinds != null) {
      for (int q = 0; q < KINDS.size(); q++) {
        parts.add(kinds[q] + " " + KINDS.get(q).toLowerCase(Locale.ROOT).replace(",", ""));
      }
      b.append(": ").append(String.join("; ", parts));
    }
    b.append('.');
    Table issues = find(report, "issues");
    if (issues != null) {
      // errors are there only with --skip-invalid: those of the files left out
      long errors = errors(issues);
      long n = issues.rowCount() - errors;
      String warnings = n == 0 ? "No warnings" : String.format(Locale.ROOT, "%,d %s", n,
          n == 1 ? "warning" : "warnings");
      if (errors == 0) {
        b.append(' ').append(n == 0 ? "No warnings." : warnings + " (see Issues).");
      } else {
        b.append(' ').append(warnings).append(String.format(Locale.ROOT,
            "; %,d %s of the files left out (see Issues).", errors,
            errors == 1 ? "error" : "errors"));
      }
    }
    return b.toString();
  }

  /** The dataset's measures per kind (the typology's {@code all} row), or null. */
  public static long[] kinds(Report report) {
    Table typology = find(report, "typology");
    if (typology == null) {
      return null;
    }
    int group = typology.schema().indexOf("group");
    for (List<Object> row : typology.rows()) {
      if (group >= 0 && "all".equals(row.get(group))) {
        long[] out = new long[KIND_KEYS.size()];
        for (int q = 0; q < out.length; q++) {
          int k = typology.schema().indexOf(KIND_KEYS.get(q));
          if (k < 0 || !(row.get(k) instanceof Number n)) {
            return null;
          }
          out[q] = n.longValue();
        }
        return out;
      }
    }
    return null;
  }

  /**
   * What mainstreamed, target-group, structural, temporary, the shares and the profile mean,
   * with the groups, settings and weights of the codebook in use.
   */
  public static List<String> definitions(Report report) {
    Table codebook = report.codebook();
    int rule = codebook.schema().indexOf("rule");
    int id = codebook.schema().indexOf("id");
    int weight = codebook.schema().indexOf("weight");
    int description = codebook.schema().indexOf("description");
    List<String> generic = new ArrayList<>();
    List<String> migration = new ArrayList<>();
    String mixed = null;
    String proxy = null;
    Map<String, String> weights = new java.util.LinkedHashMap<>();
    if (rule >= 0 && id >= 0) {
      for (List<Object> row : codebook.rows()) {
        Object r = row.get(rule);
        Object i = row.get(id);
        if (!(r instanceof String rs) || !(i instanceof String is)) {
          continue;
        }
        switch (rs) {
          case "group (generic)" -> generic.add(is);
          case "group (migration-defined)" -> migration.add(is);
          case "T3" -> mixed = label(row, description);
          case "T4" -> proxy = label(row, description);
          case "D1", "D2" -> {
            if (weight >= 0 && row.get(weight) instanceof Number w) {
              weights.put(is, signed(w));
            }
          }
          default -> { }
        }
      }
    }
    List<String> out = new ArrayList<>();
    StringBuilder m = new StringBuilder("Mainstreamed: a measure for everyone, or for a group"
        + " defined by need rather than by origin");
    if (!generic.isEmpty()) {
      m.append(" (in this codebook: ").append(list(generic)).append(')');
    }
    m.append(", whatever people's migration background.");
    if (mixed != null) {
      m.append(" A measure open to migrant groups and other groups together counts as ")
          .append(mixed).append('.');
    }
    if (proxy != null) {
      m.append(" One aimed at migrants through a generic category (a proxy) counts as ")
          .append(proxy).append('.');
    }
    out.add(m.toString());
    StringBuilder t = new StringBuilder("Target-group: a measure for people because of their"
        + " migration status or origin");
    if (!migration.isEmpty()) {
      t.append(" (in this codebook: ").append(list(migration)).append(')');
    }
    out.add(t.append('.').toString());
    StringBuilder d = new StringBuilder("Structural or temporary: structural measures are part"
        + " of standing policy and the regular budget; temporary ones are pilots, projects or"
        + " time-limited money. The evidence of each measure is weighed: a declared duration");
    if (weights.containsKey("declared structural") && weights.containsKey("declared temporary")) {
      d.append(" (").append(weights.get("declared structural")).append(" or ")
          .append(weights.get("declared temporary")).append(')');
    }
    d.append(", an end date");
    if (weights.containsKey("end date")) {
      d.append(" (").append(weights.get("end date")).append(')');
    }
    d.append(" or an open end");
    if (weights.containsKey("open end")) {
      d.append(" (").append(weights.get("open end")).append(')');
    }
    d.append(", the instrument and the funding; a positive sum is structural, a negative one"
        + " temporary, zero unclassified.");
    out.add(d.toString());
    out.add("Shares: the mainstreaming share is the mainstreamed measures out of those that are"
        + " mainstreamed or target-group; the structural share is the structural measures out of"
        + " those that are structural or temporary.");
    out.add("Profile: a municipality is mainstreamed when its mainstreaming share is above half,"
        + " target-group when below, balanced at exactly half; then structural, temporary or"
        + " balanced by its structural share, as in mainstreamed-structural.");
    return out;
  }

  // the label at the end of a codebook description: "... -> mainstreamed"
  private static String label(List<Object> row, int description) {
    if (description < 0 || !(row.get(description) instanceof String s)) {
      return null;
    }
    int at = s.lastIndexOf("-> ");
    return at < 0 ? null : s.substring(at + 3).trim();
  }

  private static String signed(Number w) {
    String n = Cells.number(w instanceof Long l ? (Object) l : (Object) w.doubleValue());
    return w.doubleValue() > 0 ? "+" + n : n.replace('-', '\u2212');
  }

  private static String list(List<String> ids) {
    if (ids.size() <= IDS) {
      return String.join(", ", ids);
    }
    return String.join(", ", ids.subList(0, IDS)) + " and " + (ids.size() - IDS) + " more";
  }

  /** The rows of the issues table whose severity is error. */
  private static long errors(Table issues) {
    int col = issues.schema().indexOf("severity");
    long n = 0;
    if (col >= 0) {
      for (List<Object> row : issues.rows()) {
        if (Severity.ERROR.label().equals(row.get(col))) {
          n++;
        }
      }
    }
    return n;
  }

  private static String about(Report report, String key) {
    for (Map.Entry<String, String> e : report.about()) {
      if (e.getKey().equals(key)) {
        return e.getValue();
      }
    }
    return null;
  }

  // the rows of a table, when the about lines do not say
  private static String rows(Report report, String key) {
    Table t = find(report, key);
    return t == null ? "?" : Long.toString(t.rowCount());
  }

  private static String or(String s, String otherwise) {
    return s == null ? otherwise : s;
  }

  private static String parent(String path) {
    int at = path.lastIndexOf('/');
    return at < 0 ? "" : path.substring(0, at);
  }

  // the longest folder path both are in
  private static String common(String a, String b) {
    String[] x = a.split("/", -1);
    String[] y = b.split("/", -1);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < Math.min(x.length, y.length) && x[i].equals(y[i]); i++) {
      out.add(x[i]);
    }
    return String.join("/", out);
  }

  /** The table with this key, or null. */
  public static Table find(Report report, String key) {
    for (Table t : report.tables()) {
      if (t.key().equals(key)) {
        return t;
      }
    }
    return null;
  }
}
