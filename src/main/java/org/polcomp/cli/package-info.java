/**
 * The command line: {@link org.polcomp.cli.Main} and one thin picocli command per subcommand.
 *
 * <p>Commands parse options, run the stages in order (load, validate, classify, aggregate,
 * report) and map the outcome to an exit code (docs/cli.md): 0 success, 1 invalid data, 2 usage, 3
 * input/output or internal failure. validate, classify (csv, json) and compare stream the dataset
 * ({@link org.polcomp.cli.Streamed}): a municipality is checked, classified and aggregated on the
 * thread that read it, and only what the output needs is kept. They write only to the writers picocli gives them, so tests
 * run them in-process through {@link org.polcomp.cli.Main#run}.
 */
package org.polcomp.cli;
