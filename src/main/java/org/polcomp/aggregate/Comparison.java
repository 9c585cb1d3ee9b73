package org.polcomp.aggregate;

import java.util.List;
import java.util.Objects;

/**
 * The comparison across municipalities: the rows of each aggregate table of OUTPUTS.md, in
 * output order (municipalities by id; domains by municipality id, then the codebook's domain
 * order; typology {@code all} first, then the groups; timeline by municipality id, then year;
 * agreement targeting, then duration), and the number of measures the comparison counts.
 *
 * <p>The measures table itself is not here: a large dataset's measures stream from the loader to
 * the writers (see {@link Aggregator#active} for the in-memory list).
 *
 * @param measures the measures counted (active on the as-of day), the rows of the measures table
 * @param agreement the agreement table of one coding per measure
 * @param panel the panel table (municipalities by id, then year), or null without {@code
 *     --years}
 * @param experiments the experiments table: the pilots and living labs counted, by municipality
 *     id (as written), then their order in the file
 * @param lineage the lineage table (by municipality id as written), or null without {@code
 *     --boundaries}
 * @param coderAgreement the agreement table with several coders, empty when no measure has
 *     several codings
 * @param disagreements the reconciliation queue, by municipality id, then the order of the
 *     measures, targeting before duration; empty when no measure has several codings
 */
public record Comparison(
    AggregateOptions options,
    List<MunicipalityRow> municipalities,
    long measures,
    List<DomainRow> domains,
    List<TypologyRow> typology,
    List<TimelineRow> timeline,
    List<AgreementRow> agreement,
    List<PanelRow> panel,
    List<ExperimentRow> experiments,
    List<LineageRow> lineage,
    List<CoderAgreementRow> coderAgreement,
    List<DisagreementRow> disagreements) {

  public Comparison {
    Objects.requireNonNull(options, "options");
    municipalities = List.copyOf(municipalities);
    if (measures < 0) {
      throw new IllegalArgumentException("measures " + measures);
    }
    domains = List.copyOf(domains);
    typology = List.copyOf(typology);
    // the timeline view counts its rows as they are read: copying would build them all
    timeline = timeline instanceof Aggregator.TimelineRows ? timeline : List.copyOf(timeline);
    agreement = List.copyOf(agreement);
    // a view too, as the timeline
    panel = panel == null || panel instanceof Aggregator.PanelRows ? panel : List.copyOf(panel);
    experiments = List.copyOf(experiments);
    lineage = lineage == null ? null : List.copyOf(lineage);
    coderAgreement = List.copyOf(coderAgreement);
    disagreements = List.copyOf(disagreements);
  }

  /**
   * Whether some measure has several codings: then the agreement table has the coders' columns
   * and pair rows ({@link #coderAgreement}), and the {@code disagreements} table is written.
   */
  public boolean severalCoders() {
    return !coderAgreement.isEmpty();
  }
}
