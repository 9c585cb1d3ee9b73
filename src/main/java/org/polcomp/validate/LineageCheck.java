package org.polcomp.validate;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.polcomp.diagnostic.Code;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.model.Lineage;
import org.polcomp.model.LineageEntry;
import org.polcomp.model.Municipality;

/**
 * The retired-code warning (W009): a municipality whose code was no longer valid on the file's
 * {@code as_of} date, or on the day of the run when there is none, because it had merged into
 * another. The date of a partial {@code as_of} is its first day, as with {@code --as-of}: a file
 * {@code as_of: 2022} is about 2022-01-01, when Cuijk had already joined Land van Cuijk.
 */
public final class LineageCheck {
  private LineageCheck() {}

  /**
   * Warns, at the municipality's id, when its code had ended by its {@code as_of} date (or by
   * {@code today} when the file has none). Codes the table does not know are left alone.
   */
  public static void check(Municipality m, Lineage lineage, LocalDate today,
      Consumer<Diagnostic> out) {
    LocalDate on = m.asOf() != null ? m.asOf().first() : today;
    LineageEntry e = lineage.retiredOn(m.id(), on).orElse(null);
    if (e == null) {
      return;
    }
    LocalDate ended = e.endedOn().orElseThrow();
    // not the day itself: the same data gives the same report from one day to the next
    String when = m.asOf() != null ? "on the file's as_of date " + m.asOf()
        : "today (the file has no as_of date)";
    String message;
    String hint;
    if (e.successor() == null) {
      message = name(e) + " ceased to exist on " + ended + " without a single successor, so the"
          + " code is no longer valid " + when;
      hint = "if the file describes " + e.code() + " before then, set 'as_of' to " + e.validTo()
          + " or earlier; put later measures under the municipalities that took over its area";
    } else {
      List<LineageEntry> path = lineage.path(e.code(), on);
      StringBuilder sb = new StringBuilder(name(e)).append(" was merged into ")
          .append(name(lineage, e.successor())).append(" on ").append(ended);
      // A code merged twice (A into B, B into C) names every step up to the code valid then.
      for (LineageEntry step : path.subList(1, path.size())) {
        sb.append(", and ").append(step.code()).append(" into ")
            .append(name(lineage, step.successor())).append(" on ")
            .append(step.endedOn().orElseThrow());
      }
      message = sb.append(", so the code is no longer valid ").append(when).toString();
      String now = lineage.countedAs(e.code(), on);
      hint = "if the file describes " + e.code() + " before the merger, set 'as_of' to "
          + e.validTo() + " or earlier; put later measures under " + now
          + " (compare --boundaries counts " + e.code() + "'s there)";
    }
    out.accept(Diagnostic.of(m.locations().at("id"), Code.W009, message, hint));
  }

  private static String name(LineageEntry e) {
    return e.code() + " (" + e.name() + ")";
  }

  private static String name(Lineage lineage, String code) {
    return lineage.entry(code).map(LineageCheck::name).orElse(code);
  }
}
