package org.polcomp.run;

import java.util.ArrayList;
import java.util.List;
import org.polcomp.aggregate.ClassifiedMeasure;
import org.polcomp.diagnostic.Suggest;
import org.polcomp.load.Progress;
import org.polcomp.report.text.Explanation;

/** {@code polcomp explain REF}: the story of one measure's classification. */
public final class ExplainJob {
  private ExplainJob() {}

  /**
   * What explain is asked.
   *
   * @param ref the measure, as MUNICIPALITY_ID/MEASURE_ID
   */
  public record Options(DatasetOptions dataset, String ref) {}

  /**
   * Explains the measure named {@code ref}; INVALID when the data is, a usage problem (with the
   * closest refs) when no measure has that ref.
   */
  public static Outcome run(Options o, Console console) {
    Stages.Loaded run = Stages.load(o.dataset(), Progress.NONE, Stages.Keep.ALL, Stages.NO_SINK);
    if (run.hasErrors()) {
      Outputs.invalid(run.diagnostics(), console.err());
      return run.failure();
    }
    List<String> refs = new ArrayList<>();
    for (ClassifiedMeasure cm : Outputs.classified(run)) {
      String ref = cm.municipality().ref(cm.measure());
      if (ref.equals(o.ref())) {
        Explanation.write(cm.municipality(), cm.measure(), cm.classification(), console.out());
        return Outcome.OK;
      }
      refs.add(ref);
    }
    throw new UsageProblem("no measure '" + o.ref() + "' in the dataset", closest(o.ref(), refs));
  }

  /** The nearest refs, by whole ref or by measure id alone (a forgotten municipality id). */
  private static String closest(String ref, List<String> refs) {
    int limit = Math.max(2, ref.length() / 4);
    List<String> near = new ArrayList<>();
    // A ref that is the start of others ("GM0344/plan-einstein" for the measures of one project)
    // names them first.
    for (String r : refs) {
      if (near.size() < 5 && r.startsWith(ref)) {
        near.add(r);
      }
    }
    for (String r : Suggest.closest(ref, refs, limit, 3)) {
      if (!near.contains(r)) {
        near.add(r);
      }
    }
    String wanted = ref.contains("/") ? ref.substring(ref.indexOf('/') + 1) : ref;
    for (String r : refs) {
      String id = r.substring(r.indexOf('/') + 1);
      if (near.size() < 5 && !near.contains(r)
          && Suggest.distance(wanted, id, Math.max(1, wanted.length() / 4))
              <= Math.max(1, wanted.length() / 4)) {
        near.add(r);
      }
    }
    if (near.isEmpty()) {
      return "refs are MUNICIPALITY_ID/MEASURE_ID; 'polcomp classify' lists them all";
    }
    return "did you mean " + String.join(" or ", near.stream().map(s -> "'" + s + "'").toList())
        + "?";
  }
}
