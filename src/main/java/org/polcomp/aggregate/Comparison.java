package org.polcomp.aggregate;

import java.util.List;
import java.util.Objects;

/**
 * The comparison across municipalities: the rows of each table of OUTPUTS.md, in output order
 * (municipalities by id; measures by file path, then document, then place in the file, which is
 * the dataset's order when it was read from sorted paths; domains by municipality id, then the codebook's domain order; typology {@code all} first,
 * then the groups; timeline by municipality id, then year; agreement targeting, then duration).
 */
public record Comparison(
    AggregateOptions options,
    List<MunicipalityRow> municipalities,
    List<ClassifiedMeasure> measures,
    List<DomainRow> domains,
    List<TypologyRow> typology,
    List<TimelineRow> timeline,
    List<AgreementRow> agreement) {

  public Comparison {
    Objects.requireNonNull(options, "options");
    municipalities = List.copyOf(municipalities);
    measures = List.copyOf(measures);
    domains = List.copyOf(domains);
    typology = List.copyOf(typology);
    timeline = List.copyOf(timeline);
    agreement = List.copyOf(agreement);
  }
}
