/**
 * Aggregation: the comparison tables of docs/outputs.md from a dataset and its classifications.
 *
 * <p>Takes a {@link org.polcomp.model.Dataset} and one {@link
 * org.polcomp.aggregate.ClassifiedMeasure} per measure (or classifies it with the codebook), and
 * {@link org.polcomp.aggregate.AggregateOptions}; gives a {@link org.polcomp.aggregate.Comparison}
 * whose lists are the rows of the tables, each row a record whose components are the table's
 * columns in order (camelCase of the snake_case keys; counts {@code Long}, shares and amounts
 * {@code Double}, null for an empty cell). These records are the only place a table's columns
 * are listed: the report's schemas are read from them. {@link org.polcomp.aggregate.MeasureRow}
 * is the row of the measures table. Nothing here writes; report writers do.
 *
 * <p>Budgets: a measure's budget is {@link org.polcomp.model.Measure#budget}, an exact sum; the
 * municipality's budget and budget-weighted shares sum those exactly and become doubles once.
 *
 * <p>Every table is made per municipality ({@link org.polcomp.aggregate.Aggregator.Part}) and then
 * combined, so that a dataset too large for memory is compared while it streams past: the parts
 * hold a few rows per municipality and no measure.
 *
 * <p>Decisions the spec leaves open, taken here once for every writer:
 *
 * <ul>
 *   <li>{@code --as-of}: a measure counts when {@link org.polcomp.model.Period#activeOn} holds (a
 *       start's first day on or before the date, an end's last day on or after it; a missing start
 *       counts as started). The filter applies to the measures, municipalities, domains, typology
 *       and agreement tables; every municipality keeps its row, with zeros when nothing is active.
 *       The timeline shows history, so it uses every measure and ends at the as-of year.
 *   <li>{@code --prefer-coded}: every aggregate (counts, shares, profile, budget shares, typology,
 *       timeline, and whether a successor is structural) uses a measure's human label on each axis
 *       where it has one (with several coders the majority code, and the rule-based label on a
 *       tie); the measures table and the agreement table keep the rule-based labels.
 *   <li>Several coders: the agreement table grows the coders' columns and pair rows, and the
 *       {@code disagreements} table is written, only when some measure has several codings, so
 *       that a dataset of one coding per measure keeps the outputs it had. A single coding without
 *       a coder counts as coder {@value org.polcomp.aggregate.Aggregator#UNNAMED_CODER}. The queue
 *       and the counts cover the active measures, like the agreement table.
 *   <li>Typology: a municipality without a value for the group-by key falls in the group
 *       {@value org.polcomp.aggregate.Aggregator#NO_GROUP}, listed after the real values, which are
 *       sorted as strings. The {@code all} row has an empty {@code group_by}.
 *   <li>Timeline: calendar years, the same span for every municipality (a rectangular table): from
 *       the earliest start year in the dataset to the latest start or end year, or to the as-of
 *       year when given. A measure is active in a year its period overlaps; an open or missing end
 *       runs to the last year of the table, and a missing start counts from the first year (as it
 *       counts as started for {@code --as-of}). Without any dated measure the table is empty.
 *   <li>{@code experiments_upscaled}: an experiment with {@code status: upscaled}, or whose direct
 *       {@code successor} (any measure of the same municipality, active or not) is structural.
 *       The experiments table has one row per experiment counted there, with the same {@code
 *       upscaled}; its chain of successors stops at an unknown id or at a cycle, and {@code
 *       years_to_structural} is a difference of start years.
 *   <li>Panel ({@code --years}): the timeline's overlap rule over the given years, every measure
 *       (not only those active on the as-of day); each part counts its measures per year as it is
 *       made, so the panel costs one pass and a few numbers per municipality and year. Its
 *       {@code budget_eur} is empty for a year in which no measure states an amount.
 *   <li>Boundaries ({@code --boundaries}): parts whose municipalities count for the same one on
 *       the day merge (tallies add up) before the tables are made; the experiments and lineage
 *       tables keep the municipalities as written.
 * </ul>
 */
package org.polcomp.aggregate;
