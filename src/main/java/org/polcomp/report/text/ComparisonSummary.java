package org.polcomp.report.text;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.polcomp.aggregate.Comparison;
import org.polcomp.aggregate.MunicipalityRow;

/** What {@code polcomp compare} prints on the terminal once the comparison is written. */
public final class ComparisonSummary {
  /** Past this many municipalities the terminal gets the profiles counted, not one line each. */
  public static final int SUMMARY_LINES = 40;

  private ComparisonSummary() {}

  /**
   * A line per municipality with its profile and shares, or for a large dataset (where such a
   * list would scroll past unread) the number of municipalities of each profile; then the totals
   * and {@code where} the comparison went.
   */
  public static void write(Comparison c, String where, PrintWriter out) {
    if (c.municipalities().size() > SUMMARY_LINES) {
      Map<String, Long> profiles = new TreeMap<>();
      for (MunicipalityRow r : c.municipalities()) {
        profiles.merge(r.profile(), 1L, Long::sum);
      }
      int width = profiles.keySet().stream().mapToInt(String::length).max().orElse(7);
      out.printf(Locale.ROOT, "%-" + width + "s  %14s%n", "PROFILE", "MUNICIPALITIES");
      profiles.forEach((profile, n) ->
          out.printf(Locale.ROOT, "%-" + width + "s  %14d%n", profile, n));
    } else {
      lines(c, out);
    }
    out.println(c.municipalities().size() + " municipalities, " + c.measures()
        + " measures -> " + where);
    out.flush();
  }

  private static void lines(Comparison c, PrintWriter out) {
    int idWidth = 2;
    int nameWidth = 12;
    for (MunicipalityRow r : c.municipalities()) {
      idWidth = Math.max(idWidth, r.municipalityId().length());
      nameWidth = Math.max(nameWidth, Math.min(30, r.municipality().length()));
    }
    String fmt = "%-" + idWidth + "s  %-" + nameWidth + "s  %8s  %-32s  %12s  %10s%n";
    out.printf(Locale.ROOT, fmt, "ID", "MUNICIPALITY", "MEASURES", "PROFILE", "MAINSTREAMED",
        "STRUCTURAL");
    for (MunicipalityRow r : c.municipalities()) {
      String name = r.municipality().length() > 30 ? r.municipality().substring(0, 29) + "…"
          : r.municipality();
      out.printf(Locale.ROOT, fmt, r.municipalityId(), name, r.measures(), r.profile(),
          percent(r.mainstreamingShare()), percent(r.structuralShare()));
    }
  }

  private static String percent(Double share) {
    return share == null ? "-" : String.format(Locale.ROOT, "%.0f%%", share * 100);
  }
}
