/**
 * The run: the only place that chains the stages. One job per command ({@link
 * org.polcomp.run.ValidateJob}, {@link org.polcomp.run.ClassifyJob}, {@link
 * org.polcomp.run.ExplainJob}, {@link org.polcomp.run.CompareJob}, {@link
 * org.polcomp.run.CodebookJob}, {@link org.polcomp.run.SchemaJob}, {@link
 * org.polcomp.run.InitJob}), each a static {@code run} that reads top-down: check the options,
 * load, stop on invalid data, build the tables, write them.
 *
 * <p>A job takes plain option records ({@link org.polcomp.run.DatasetOptions}, {@link
 * org.polcomp.run.AnalysisOptions} and its own {@code Options}) and a {@link
 * org.polcomp.run.Console}: the writers for results and for diagnostics, and the {@link
 * org.polcomp.run.Terminal} behind them. It returns an {@link org.polcomp.run.Outcome} (done, or
 * the data is invalid), throws a {@link org.polcomp.run.UsageProblem} for what the user asked
 * wrongly, and lets input/output failures through. Nothing here knows of picocli.
 *
 * <p>The data jobs share one pass over the dataset: files are read in parallel (on the number of
 * threads the options say) and each document is validated and classified on the thread that read
 * it. compare and classify (csv, json) stream: each municipality's aggregate part is made there
 * and its measure rows wait on disk, so memory does not grow with the number of measures. What
 * was made for a municipality is found again by its place (the index of its file among the files
 * read, and its document), never by record identity; a measure by its place in its
 * municipality.
 */
package org.polcomp.run;
