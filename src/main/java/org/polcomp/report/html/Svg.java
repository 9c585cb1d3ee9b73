package org.polcomp.report.html;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.polcomp.report.Table;

/**
 * The report's two charts, drawn as inline SVG from the Summary rows: the measures of each
 * municipality by kind (stacked bars, unclassified included), and where the municipalities stand
 * (one bubble per position, as large as the number of municipalities there, with their names).
 */
final class Svg {
  private Svg() {}

  private static final int LABEL_WIDTH = 150;
  private static final int PLOT_WIDTH = 440;
  private static final int BAR = 16;
  private static final int BAR_GAP = 4;
  private static final int LABEL_CHARS = 22;
  private static final int SIZE = 460;
  private static final int LEFT = 64;
  private static final int BOTTOM = 52;
  private static final int TOP = 16;
  private static final int RIGHT = 16;

  static void bars(Html h, Table summary, int maxBars, String[] colours) throws IOException {
    int name = summary.schema().indexOf("municipality");
    int measures = summary.schema().indexOf("measures");
    List<String> keys = HtmlWriter.quadrants();
    int[] q = new int[keys.size()];
    for (int k = 0; k < q.length; k++) {
      q[k] = summary.schema().indexOf(keys.get(k));
      if (q[k] < 0) {
        return;
      }
    }
    if (name < 0 || measures < 0) {
      return;
    }
    List<String> names = new ArrayList<>();
    List<long[]> counts = new ArrayList<>();
    long all = summary.rowCount();
    long max = 1;
    for (List<Object> row : summary.rows()) {
      if (names.size() == maxBars) {
        break;
      }
      names.add(row.get(name) instanceof String s ? s : "");
      long[] c = new long[OverviewText.KINDS.size()];
      long classified = 0;
      for (int k = 0; k < q.length; k++) {
        c[k] = row.get(q[k]) instanceof Number n ? n.longValue() : 0;
        classified += c[k];
      }
      long total = row.get(measures) instanceof Number n ? n.longValue() : classified;
      c[c.length - 1] = Math.max(0, total - classified);
      counts.add(c);
      max = Math.max(max, classified + c[c.length - 1]);
    }
    String title = names.size() < all
        ? String.format(Locale.ROOT, "Measures of each municipality by kind, the first %,d of %,d",
            names.size(), all)
        : "Measures of each municipality by kind";
    int legend = 44;
    int top = legend + 8;
    int width = LABEL_WIDTH + PLOT_WIDTH + 24;
    int height = top + names.size() * (BAR + BAR_GAP) + 40;
    h.start("figure").newline();
    h.element("figcaption", title);
    h.start("svg", "xmlns", HtmlWriter.svgNamespace(), "viewBox", "0 0 " + width + " " + height,
        "width", Integer.toString(width), "height", Integer.toString(height), "role", "img",
        "aria-label", title).newline();
    h.element("title", title);
    // the legend, in two lines
    for (int k = 0; k < OverviewText.KINDS.size(); k++) {
      int x = 10 + (k % 3) * 200;
      int y = 8 + (k / 3) * 18;
      h.empty("rect", "x", n(x), "y", n(y), "width", "12", "height", "12", "fill", colours[k]);
      h.element("text", OverviewText.KINDS.get(k), "x", n(x + 16), "y", n(y + 10));
    }
    h.newline();
    double scale = (double) PLOT_WIDTH / max;
    long step = step(max);
    int plotBottom = top + names.size() * (BAR + BAR_GAP);
    for (long t = 0; t <= max; t += step) {
      double x = LABEL_WIDTH + t * scale;
      h.empty("line", "x1", n(x), "y1", n(top - 4), "x2", n(x), "y2", n(plotBottom),
          "stroke", "#d9d9d9");
      h.element("text", Long.toString(t), "x", n(x), "y", n(plotBottom + 14), "text-anchor",
          "middle");
    }
    h.element("text", "Number of measures", "x", n(LABEL_WIDTH + PLOT_WIDTH / 2.0),
        "y", n(plotBottom + 32), "text-anchor", "middle").newline();
    for (int i = 0; i < names.size(); i++) {
      int y = top + i * (BAR + BAR_GAP);
      String label = names.get(i);
      if (label.codePointCount(0, label.length()) > LABEL_CHARS) {
        label = label.substring(0, label.offsetByCodePoints(0, LABEL_CHARS - 1)) + "\u2026";
      }
      h.start("g");
      h.element("title", names.get(i) + ": " + describe(counts.get(i)));
      h.element("text", label, "x", n(LABEL_WIDTH - 6), "y", n(y + BAR - 4), "text-anchor",
          "end");
      double x = LABEL_WIDTH;
      long[] c = counts.get(i);
      for (int k = 0; k < c.length; k++) {
        if (c[k] == 0) {
          continue;
        }
        double w = c[k] * scale;
        h.empty("rect", "x", n(x), "y", n(y), "width", n(w), "height", n(BAR), "fill",
            colours[k], "stroke", "#fff");
        x += w;
      }
      h.end().newline();
    }
    h.end().newline().end().newline();
  }

  private static String describe(long[] c) {
    List<String> parts = new ArrayList<>();
    for (int k = 0; k < c.length; k++) {
      parts.add(c[k] + " " + OverviewText.KINDS.get(k).toLowerCase(Locale.ROOT));
    }
    return String.join("; ", parts);
  }

  // a round step that gives at most about ten ticks
  static long step(long max) {
    long step = 1;
    while (max / step > 10) {
      step = step == 1 ? 2 : step == 2 ? 5 : step * 2;
      if (Long.toString(step).startsWith("4")) {
        step = step / 4 * 5;
      }
    }
    return step;
  }

  static void bubbles(Html h, Table summary, int maxPoints, int labelled) throws IOException {
    int name = summary.schema().indexOf("municipality");
    int xs = summary.schema().indexOf("mainstreaming_share");
    int ys = summary.schema().indexOf("structural_share");
    if (name < 0 || xs < 0 || ys < 0) {
      return;
    }
    Map<List<Double>, List<String>> at = new LinkedHashMap<>();
    long all = summary.rowCount();
    int seen = 0;
    for (List<Object> row : summary.rows()) {
      if (seen++ == maxPoints) {
        break;
      }
      if (row.get(xs) instanceof Number x && row.get(ys) instanceof Number y
          && Double.isFinite(x.doubleValue()) && Double.isFinite(y.doubleValue())) {
        at.computeIfAbsent(List.of(x.doubleValue(), y.doubleValue()), k -> new ArrayList<>())
            .add(row.get(name) instanceof String s ? s : "");
      }
    }
    if (at.isEmpty()) {
      return;
    }
    String title = seen - 1 < all && all > maxPoints
        ? String.format(Locale.ROOT, "Where the municipalities stand, the first %,d of %,d",
            maxPoints, all)
        : "Where the municipalities stand";
    int plot = SIZE - LEFT - RIGHT;
    int plotH = SIZE - TOP - BOTTOM;
    h.start("figure").newline();
    h.element("figcaption", title + " (a bubble's size: how many municipalities share the"
        + " position)");
    h.start("svg", "xmlns", HtmlWriter.svgNamespace(), "viewBox", "0 0 " + SIZE + " " + SIZE,
        "width", n(SIZE), "height", n(SIZE), "role", "img", "aria-label", title).newline();
    h.element("title", title);
    for (int t = 0; t <= 4; t++) {
      double x = LEFT + plot * t / 4.0;
      double y = TOP + plotH * (1 - t / 4.0);
      String stroke = t == 2 ? "#7f7f7f" : "#e3e3e3";
      h.empty("line", "x1", n(x), "y1", n(TOP), "x2", n(x), "y2", n(TOP + plotH),
          "stroke", stroke);
      h.empty("line", "x1", n(LEFT), "y1", n(y), "x2", n(LEFT + plot), "y2", n(y),
          "stroke", stroke);
      h.element("text", (t * 25) + "%", "x", n(x), "y", n(TOP + plotH + 16), "text-anchor",
          "middle");
      h.element("text", (t * 25) + "%", "x", n(LEFT - 6), "y", n(y + 4), "text-anchor", "end");
    }
    h.element("text", "Mainstreamed measures (share)", "x", n(LEFT + plot / 2.0),
        "y", n(SIZE - 12), "text-anchor", "middle");
    h.element("text", "Structural measures (share)", "x", "0", "y", "0", "text-anchor", "middle",
        "transform", "translate(16 " + n(TOP + plotH / 2.0) + ") rotate(-90)");
    String[][] corners = {{"target-group, structural", "start", "0", "0"},
        {"mainstreamed, structural", "end", "1", "0"},
        {"target-group, temporary", "start", "0", "1"},
        {"mainstreamed, temporary", "end", "1", "1"}};
    for (String[] c : corners) {
      // beside the cross, where few municipalities sit and no label goes
      double x = c[2].equals("0") ? LEFT + 6 : LEFT + plot - 6;
      double y = c[3].equals("0") ? TOP + plotH / 2.0 - 6 : TOP + plotH / 2.0 + 14;
      h.element("text", c[0], "x", n(x), "y", n(y), "text-anchor", c[1], "fill", "#8a8a8a");
    }
    h.newline();
    int i = 0;
    // labels keep clear of every bubble and of each other
    List<double[]> placed = new ArrayList<>();
    for (Map.Entry<List<Double>, List<String>> e : at.entrySet()) {
      double r = radius(e.getValue().size());
      placed.add(new double[] {LEFT + plot * e.getKey().get(0) - r,
          TOP + plotH * (1 - e.getKey().get(1)) - r, 2 * r, 2 * r});
    }
    for (Map.Entry<List<Double>, List<String>> e : at.entrySet()) {
      double x = LEFT + plot * e.getKey().get(0);
      double y = TOP + plotH * (1 - e.getKey().get(1));
      int count = e.getValue().size();
      double r = radius(count);
      h.start("g");
      h.element("title", String.join(", ", e.getValue()) + " (mainstreaming "
          + HtmlWriter.percent(e.getKey().get(0)) + ", structural "
          + HtmlWriter.percent(e.getKey().get(1)) + ")");
      h.empty("circle", "cx", n(x), "cy", n(y), "r", n(r), "fill", "#9dc3e6",
          "fill-opacity", "0.8", "stroke", "#1f4e79");
      if (i < labelled) {
        String label = names(e.getValue()) + (count > 1 ? " (" + count + ")" : "");
        double[] box = place(placed, label, x, y, r);
        if (box != null) {
          placed.add(box);
          h.element("text", label, "x", n(box[0]), "y", n(box[1] + 11), "font-size", "11");
        }
      }
      h.end().newline();
      i++;
    }
    h.end().newline().end().newline();
  }

  /**
   * Where a bubble's label goes: right of it, left, above or below, the first place inside the
   * chart that no earlier label takes; null when there is none (the tooltip still names them).
   * A box is x, y (top), width and height.
   */
  static double[] place(List<double[]> placed, String label, double x, double y, double r) {
    double w = label.length() * 6.2;
    double hgt = 13;
    double[][] tries = {{x + r + 3, y - hgt / 2}, {x - r - 3 - w, y - hgt / 2},
        {x - w / 2, y - r - 2 - hgt}, {x - w / 2, y + r + 2}, {x + r + 3, y - hgt / 2 - hgt},
        {x + r + 3, y + hgt / 2}, {x - r - 3 - w, y - hgt / 2 - hgt},
        {x - r - 3 - w, y + hgt / 2}};
    for (double[] t : tries) {
      double[] box = {t[0], t[1], w, hgt};
      if (box[0] < 2 || box[0] + w > SIZE - 2 || box[1] < 0 || box[1] + hgt > SIZE - BOTTOM + 10) {
        continue;
      }
      boolean free = true;
      for (double[] p : placed) {
        if (box[0] < p[0] + p[2] && p[0] < box[0] + w && box[1] < p[1] + p[3]
            && p[1] < box[1] + hgt) {
          free = false;
          break;
        }
      }
      if (free) {
        return box;
      }
    }
    return null;
  }

  // a bubble's area grows with the municipalities it stands for
  private static double radius(int count) {
    return Math.min(40, 5 * Math.sqrt(count));
  }

  // the first two names and how many more
  private static String names(List<String> names) {
    if (names.size() <= 2) {
      return String.join(", ", names);
    }
    return names.get(0) + ", " + names.get(1) + " and " + (names.size() - 2) + " more";
  }

  // a coordinate: at most one decimal, no trailing zero, the same on every platform
  static String n(double v) {
    long tenths = Math.round(v * 10);
    return tenths % 10 == 0 ? Long.toString(tenths / 10)
        : String.format(Locale.ROOT, "%.1f", tenths / 10.0);
  }
}
