package org.polcomp.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A polcomp subcommand: its model, made by its constructor (see {@link Specs}), and its work,
 * which picocli calls once the command line is parsed into that model. {@link Main} adds the
 * standard help options to the model, after the command's own.
 */
interface Subcommand extends Callable<Integer> {
  /** The command's model: name, options, parameters and help text. */
  CommandSpec spec();
}
