package org.polcomp.report.diff;

import java.util.List;
import org.polcomp.diff.Change;
import org.polcomp.diff.DatasetDiff;

/** A diff as text for a terminal, and as Markdown for a pull request or a job summary. */
public final class DiffText {
  /**
   * The most change rows a Markdown report shows: GitHub refuses a comment longer than 65,536
   * characters, and a table of hundreds of rows is read by no one.
   */
  public static final int MARKDOWN_ROWS = 300;

  private DiffText() {}

  /**
   * The text report: a head line naming the versions, the summary line, then per municipality its
   * changes, each measure's under it.
   */
  public static String text(String oldName, String newName, DatasetDiff diff) {
    StringBuilder sb = new StringBuilder();
    sb.append("polcomp diff ").append(oldName).append(" -> ").append(newName).append('\n');
    sb.append(diff.summary()).append('\n');
    String municipality = null;
    String measure = null;
    for (Change c : diff.changes()) {
      if (!c.municipalityId().equals(municipality)) {
        municipality = c.municipalityId();
        measure = null;
        sb.append('\n').append(c.municipalityId());
        if (c.municipality() != null) {
          sb.append(' ').append(line(c.municipality()));
        }
        sb.append('\n');
      }
      switch (c.kind()) {
        case MUNICIPALITY_ADDED -> sb.append("  + municipality added\n");
        case MUNICIPALITY_REMOVED -> sb.append("  - municipality removed\n");
        case MUNICIPALITY_MERGED -> sb.append("  merged into ").append(line(c.newValue()))
            .append('\n');
        case MUNICIPALITY_FIELD, PROFILE -> sb.append("  ").append(c.field()).append(": ")
            .append(value(c.oldValue())).append(" -> ").append(value(c.newValue())).append('\n');
        case MEASURE_ADDED -> sb.append("  + measure ").append(c.measureId()).append(": ")
            .append(value(c.newValue())).append('\n');
        case MEASURE_REMOVED -> sb.append("  - measure ").append(c.measureId()).append(": ")
            .append(value(c.oldValue())).append('\n');
        case MEASURE_FIELD, CLASSIFICATION, RULE -> {
          if (!c.measureId().equals(measure)) {
            measure = c.measureId();
            sb.append("  ~ measure ").append(measure).append('\n');
          }
          sb.append("      ").append(c.kind() == Change.Kind.RULE ? "rule " : "")
              .append(c.field()).append(": ").append(value(c.oldValue())).append(" -> ")
              .append(value(c.newValue())).append('\n');
        }
        default -> throw new IllegalStateException("unknown kind " + c.kind());
      }
    }
    return sb.toString();
  }

  /**
   * The Markdown report: a heading, the summary, and a table of the changes (at most {@link
   * #MARKDOWN_ROWS}, with a line saying how many more there are).
   */
  public static String markdown(String oldName, String newName, DatasetDiff diff) {
    StringBuilder sb = new StringBuilder();
    sb.append("### polcomp diff\n\n");
    sb.append(code(oldName)).append(" → ").append(code(newName)).append(": ");
    if (diff.isEmpty()) {
      return sb.append("no differences.\n").toString();
    }
    sb.append(cell(diff.summary())).append(".\n\n");
    sb.append("| Change | Municipality | Measure | Field | Old | New |\n");
    sb.append("| --- | --- | --- | --- | --- | --- |\n");
    List<Change> changes = diff.changes();
    int shown = Math.min(changes.size(), MARKDOWN_ROWS);
    for (Change c : changes.subList(0, shown)) {
      sb.append("| ").append(c.kind().id()).append(" | ").append(cell(c.municipalityId()));
      if (c.municipality() != null) {
        sb.append(' ').append(cell(c.municipality()));
      }
      sb.append(" | ").append(c.measureId() == null ? "" : code(c.measureId()))
          .append(" | ").append(c.field() == null ? "" : code(c.field()))
          .append(" | ").append(c.oldValue() == null ? "" : cell(c.oldValue()))
          .append(" | ").append(c.newValue() == null ? "" : cell(c.newValue())).append(" |\n");
    }
    if (shown < changes.size()) {
      int more = changes.size() - shown;
      sb.append("\n_… and ").append(more).append(more == 1 ? " more change" : " more changes")
          .append(": run `polcomp diff` for every one._\n");
    }
    return sb.toString();
  }

  private static String value(String v) {
    return v == null ? "(none)" : line(v);
  }

  // one line per change, whatever the data holds
  private static String line(String s) {
    return s.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
  }

  // text in a table cell: Markdown and HTML mean nothing in it, and it stays on one line
  static String cell(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~', '!', '&' ->
            sb.append('\\').append(ch);
        case '\r' -> {
          if (i + 1 >= s.length() || s.charAt(i + 1) != '\n') {
            sb.append("<br>");
          }
        }
        case '\n' -> sb.append("<br>");
        default -> sb.append(ch);
      }
    }
    return sb.toString();
  }

  // an id or path in code style; a backtick inside cannot close it
  private static String code(String s) {
    return "`" + line(s).replace('`', '\'').replace("|", "\\|") + "`";
  }
}
