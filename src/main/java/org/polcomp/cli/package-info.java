/**
 * The command line: {@link org.polcomp.cli.Main} and one thin picocli command per subcommand.
 *
 * <p>A command parses its arguments, builds the plain option records of {@link org.polcomp.run}
 * from them, calls the job, and maps its {@link org.polcomp.run.Outcome} to an exit code (docs/cli.md):
 * 0 success, 1 invalid data, 2 usage (picocli's parse errors and {@link
 * org.polcomp.run.UsageProblem}), 3 input/output or internal failure. The package holds no
 * orchestration and imports no stage: picocli stays here, the flow lives in {@code run}.
 *
 * <p>{@code Main} is given its output writers and a {@link org.polcomp.run.Terminal} (only
 * {@link org.polcomp.cli.Main#main} detects the real one), so tests run every command in-process
 * through {@link org.polcomp.cli.Main#run} and see the same output however they are started.
 */
package org.polcomp.cli;
