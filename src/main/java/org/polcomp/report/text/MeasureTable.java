package org.polcomp.report.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.polcomp.aggregate.ClassifiedMeasure;
import org.polcomp.classify.Classification;
import org.polcomp.classify.Reason;

/** {@code polcomp classify --format table}: an aligned table of the measures, for people. */
public final class MeasureTable {
  private MeasureTable() {}

  /**
   * One line per measure, the title cut to fit {@code width}, then a line that counts the
   * measures and the {@code municipalities} they come from.
   */
  public static String of(List<ClassifiedMeasure> measures, int municipalities, int width) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"MEASURE", "TARGETING", "DURATION", "SCORE", "CONF", "TITLE"});
    for (ClassifiedMeasure cm : measures) {
      Classification c = cm.classification();
      rows.add(new String[] {cm.municipality().ref(cm.measure()), c.targeting().label(),
          c.duration().label(), Reason.format(c.durationScore()), Reason.format(c.confidence()),
          cm.measure().title()});
    }
    int[] w = new int[6];
    for (String[] r : rows) {
      for (int k = 0; k < 5; k++) {
        w[k] = Math.max(w[k], r[k].length());
      }
    }
    int used = w[0] + w[1] + w[2] + w[3] + w[4] + 10;
    int titleWidth = Math.max(10, width - used);
    StringBuilder sb = new StringBuilder();
    for (String[] r : rows) {
      String title = r[5].length() > titleWidth ? r[5].substring(0, titleWidth - 1) + "…" : r[5];
      sb.append(String.format(Locale.ROOT, "%-" + w[0] + "s  %-" + w[1] + "s  %-" + w[2] + "s  %"
          + w[3] + "s  %" + w[4] + "s  %s", r[0], r[1], r[2], r[3], r[4], title).stripTrailing());
      sb.append('\n');
    }
    int n = measures.size();
    sb.append(n).append(n == 1 ? " measure in " : " measures in ").append(municipalities)
        .append(municipalities == 1 ? " municipality" : " municipalities")
        .append('\n');
    return sb.toString();
  }
}
