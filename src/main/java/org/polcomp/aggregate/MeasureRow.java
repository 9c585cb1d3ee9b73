package org.polcomp.aggregate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polcomp.classify.Classification;
import org.polcomp.model.Coding;
import org.polcomp.model.Duration;
import org.polcomp.model.Funding;
import org.polcomp.model.Majority;
import org.polcomp.model.Measure;
import org.polcomp.model.Municipality;
import org.polcomp.model.Source;
import org.polcomp.model.Targeting;

/**
 * A row of the {@code measures} table (OUTPUTS.md), components in column order. Lists are joined
 * with {@code "; "}; {@code extensions} (the measure's {@code x-} fields, null when it has none)
 * appears only in JSON.
 *
 * @param fundingEur the measure's budget ({@link Measure#budget}), null when no funding entry
 *     states an amount
 * @param sourceUrl the first source that has a URL
 * @param targetingCoded the human targeting code: with several coders the majority code, empty
 *     for a tie
 * @param durationCoded likewise for duration
 * @param codings JSON only, for a measure with several codings (null otherwise): each coder's
 *     codes and note, by coder, in the order of the file
 */
public record MeasureRow(
    String municipalityId,
    String municipality,
    String measureId,
    String title,
    String domain,
    String targetGroups,
    String instrument,
    String scale,
    String start,
    String end,
    String fundingSources,
    Double fundingEur,
    String status,
    String targeting,
    String duration,
    String quadrant,
    Double durationScore,
    Double confidence,
    String reasons,
    String targetingCoded,
    String durationCoded,
    Boolean codingAgrees,
    String sourceUrl,
    String file,
    Long line,
    Map<String, Object> extensions,
    Map<String, Object> codings) {

  /** The row of one classified measure. */
  public static MeasureRow of(ClassifiedMeasure cm) {
    Municipality mun = cm.municipality();
    Measure m = cm.measure();
    Classification c = cm.classification();
    List<Coding> codings = m.codings();
    Targeting targetingCoded = Majority.targeting(codings);
    Duration durationCoded = Majority.duration(codings);
    List<String> sources = new ArrayList<>(m.funding().size());
    for (Funding f : m.funding()) {
      sources.add(f.source());
    }
    String url = null;
    for (Source s : m.sources()) {
      if (s.url() != null) {
        url = s.url();
        break;
      }
    }
    return new MeasureRow(
        mun.id(),
        mun.name(),
        m.id(),
        m.title(),
        m.domain(),
        String.join("; ", m.target().groups()),
        m.instrument(),
        m.scale(),
        m.period().start() == null ? null : m.period().start().toString(),
        m.period().endText(),
        sources.isEmpty() ? null : String.join("; ", sources),
        m.statesAmount() ? m.budget().doubleValue() : null,
        m.status(),
        c.targeting().label(),
        c.duration().label(),
        c.quadrant().label(),
        c.durationScore(),
        c.confidence(),
        c.reasonsText(),
        targetingCoded == null ? null : targetingCoded.label(),
        durationCoded == null ? null : durationCoded.label(),
        c.codingAgrees(),
        url,
        mun.file(),
        (long) m.line(),
        m.extensions().isEmpty() ? null : m.extensions(),
        codings.size() < 2 ? null : byCoder(codings));
  }

  private static Map<String, Object> byCoder(List<Coding> codings) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Coding c : codings) {
      Map<String, Object> one = new LinkedHashMap<>();
      if (c.targeting() != null) {
        one.put("targeting", c.targeting().label());
      }
      if (c.duration() != null) {
        one.put("duration", c.duration().label());
      }
      if (c.note() != null) {
        one.put("note", c.note());
      }
      out.put(c.coder(), one);
    }
    return out;
  }
}
