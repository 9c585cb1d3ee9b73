package org.polcomp.report.xlsx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polcomp.report.html.OverviewText;

/**
 * What the charts show, from the Summary's first rows: the measures of each municipality by kind
 * (the four quadrants and unclassified, which the Summary has no column for), and the positions
 * (mainstreaming share, structural share) that municipalities hold, each with how many hold it.
 * The Overview writes them into hidden columns, where the charts read them.
 *
 * @param sheet the sheet of the chart block
 * @param municipalities the rows of the Summary (all of them, not only those charted)
 * @param names the bars' municipalities, the first {@link Charts#MAX_BARS}
 * @param kinds per bar, its counts in the order of {@link #KINDS}
 * @param xs per position, its mainstreaming share
 * @param ys per position, its structural share
 * @param sizes per position, the municipalities there
 * @param who per position, the names of the municipalities there
 */
record ChartData(String sheet, int municipalities, String[] names, double[][] kinds, Double[] xs,
    Double[] ys, Double[] sizes, String[] who) {
  /** The Summary columns the charts and the Overview need. */
  static final String NAME_KEY = "municipality";
  static final String X_KEY = "mainstreaming_share";
  static final String Y_KEY = "structural_share";
  static final List<String> QUADRANT_KEYS = List.of("mainstreamed_structural",
      "mainstreamed_temporary", "target_group_structural", "target_group_temporary");
  /** The Summary columns whose values the charts and the Overview need. */
  static final List<String> CAPTURE = List.of(NAME_KEY, "measures", "profile",
      QUADRANT_KEYS.get(0), QUADRANT_KEYS.get(1), QUADRANT_KEYS.get(2), QUADRANT_KEYS.get(3),
      X_KEY, Y_KEY);
  /** The bars' series, in plain words. */
  static final List<String> KINDS = OverviewText.KINDS;
  /** The column of the bars' names; their counts follow. */
  static final int NAME = 26;
  /** The column of the positions' x; y, size and names follow. */
  static final int X = NAME + KINDS.size() + 2;
  /** The last column of the block. */
  static final int LAST = X + 3;
  // the names written beside a position: enough to read, not a wall of text
  private static final int WHO_CHARS = 200;

  int bars() {
    return names.length;
  }

  int positions() {
    return xs.length;
  }

  /** The counts of one kind, per bar. */
  Double[] counts(int kind) {
    Double[] out = new Double[names.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = kinds[i][kind];
    }
    return out;
  }

  /** No chart: no Summary, no rows, or a Summary without the columns. */
  static ChartData none(String sheet) {
    return new ChartData(sheet, 0, new String[0], new double[0][], new Double[0], new Double[0],
        new Double[0], new String[0]);
  }

  static ChartData of(String sheet, TableSheets.Placed summary) {
    if (summary == null || summary.firstRows() == 0) {
      return none(sheet);
    }
    Map<String, List<Object>> v = summary.values();
    int all = summary.firstRows();
    List<String> names = new ArrayList<>();
    List<double[]> kinds = new ArrayList<>();
    List<Object> label = v.get(NAME_KEY);
    List<Object> measures = v.get("measures");
    if (label != null && measures != null && QUADRANT_KEYS.stream().allMatch(v::containsKey)) {
      int bars = Math.min(all, Charts.MAX_BARS);
      for (int i = 0; i < bars; i++) {
        names.add(label.get(i) == null ? "" : (String) label.get(i));
        double[] k = new double[KINDS.size()];
        double classified = 0;
        for (int q = 0; q < QUADRANT_KEYS.size(); q++) {
          Object n = v.get(QUADRANT_KEYS.get(q)).get(i);
          k[q] = n == null ? 0 : ((Number) n).doubleValue();
          classified += k[q];
        }
        Object total = measures.get(i);
        k[KINDS.size() - 1] =
            Math.max(0, (total == null ? 0 : ((Number) total).doubleValue()) - classified);
        kinds.add(k);
      }
    }
    // positions in the order of their first municipality
    Map<List<Double>, List<String>> at = new LinkedHashMap<>();
    List<Object> xs = v.get(X_KEY);
    List<Object> ys = v.get(Y_KEY);
    if (label != null && xs != null && ys != null) {
      int points = Math.min(all, Charts.MAX_POINTS);
      for (int i = 0; i < points; i++) {
        if (xs.get(i) == null || ys.get(i) == null) {
          continue; // no position without both shares
        }
        List<Double> p = List.of(((Number) xs.get(i)).doubleValue(),
            ((Number) ys.get(i)).doubleValue());
        at.computeIfAbsent(p, k -> new ArrayList<>())
            .add(label.get(i) == null ? "" : (String) label.get(i));
      }
    }
    int n = at.size();
    Double[] px = new Double[n];
    Double[] py = new Double[n];
    Double[] size = new Double[n];
    String[] who = new String[n];
    int i = 0;
    for (Map.Entry<List<Double>, List<String>> e : at.entrySet()) {
      px[i] = e.getKey().get(0);
      py[i] = e.getKey().get(1);
      size[i] = (double) e.getValue().size();
      who[i] = names(e.getValue());
      i++;
    }
    return new ChartData(sheet, all, names.toArray(new String[0]),
        kinds.toArray(new double[0][]), px, py, size, who);
  }

  // "A, B, C" up to a length, then "and 12 more"
  static String names(List<String> names) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      String next = (i == 0 ? "" : ", ") + names.get(i);
      if (b.length() + next.length() > WHO_CHARS && i > 0) {
        b.append(" and ").append(names.size() - i).append(" more");
        break;
      }
      b.append(next);
    }
    return b.toString();
  }
}
