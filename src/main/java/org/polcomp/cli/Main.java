package org.polcomp.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.polcomp.diagnostic.Printable;
import org.polcomp.diagnostic.Suggest;
import org.polcomp.load.DatasetLoader;
import org.polcomp.run.Console;
import org.polcomp.run.Preload;
import org.polcomp.run.Terminal;
import org.polcomp.run.UsageProblem;
import org.polcomp.run.Version;
import picocli.CommandLine;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * The {@code polcomp} executable. {@link #main} only exits with what {@link #run} returns; the work
 * runs on an object given its output writers and its terminal, so tests call {@code run}
 * directly and see the same whether or not they run on a terminal. Its command line and every
 * subcommand's are built with picocli's programmatic API ({@link Specs} says why).
 */
public final class Main implements Runnable {
  private static final String HELP = "help";

  /**
   * Every subcommand, in the order help lists them. A run of one command is given only that one
   * by {@link #commandLine}: building every command's model is for help, man pages and
   * completion.
   */
  private static final List<Sub> COMMANDS = List.of(
      new Sub(ValidateCommand.NAME, ValidateCommand.class, true),
      new Sub(ClassifyCommand.NAME, ClassifyCommand.class, true),
      new Sub(ExplainCommand.NAME, ExplainCommand.class, true),
      new Sub(CompareCommand.NAME, CompareCommand.class, true),
      new Sub(DiffCommand.NAME, DiffCommand.class, true),
      new Sub(SensitivityCommand.NAME, SensitivityCommand.class, true),
      new Sub(CodebookCommand.NAME, CodebookCommand.class, true),
      new Sub(SchemaCommand.NAME, SchemaCommand.class, false),
      new Sub(InitCommand.NAME, InitCommand.class, true),
      new Sub(LineageCommand.NAME, LineageCommand.class, true),
      new Sub(TemplateCommand.NAME, TemplateCommand.class, true),
      new Sub(ImportCommand.NAME, ImportCommand.class, true),
      new Sub(HELP, CommandLine.HelpCommand.class, false));

  /**
   * A subcommand and the name its model gives it, known without making the model. {@code type}
   * is a {@link Subcommand}, or picocli's annotated help command. {@code builtIns}: whether it
   * reads the built-in codebook and lineage table, which {@link Preload} then reads while
   * picocli reads the command line.
   */
  record Sub(String name, Class<?> type, boolean builtIns) {
    /** What to give picocli: the command's model, or the annotated class for picocli to read. */
    Object command() {
      if (!Subcommand.class.isAssignableFrom(type)) {
        return type;
      }
      try {
        CommandSpec spec = ((Subcommand) type.getDeclaredConstructor().newInstance()).spec();
        // last, after the command's own options, where picocli's mixin of them stood
        Specs.standardHelp(spec);
        return spec;
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot make the command " + name, e);
      }
    }
  }

  /** The subcommand of this name, or null. */
  private static Sub named(String name) {
    for (Sub c : COMMANDS) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    return null;
  }

  /** Every subcommand, in the order help lists them (for tests). */
  static List<Sub> commands() {
    return COMMANDS;
  }

  private final Console console;

  /** A polcomp that prints to {@code out} and {@code err}, neither of them a terminal. */
  public Main(PrintWriter out, PrintWriter err) {
    this(out, err, Terminal.NONE);
  }

  /** A polcomp that prints to {@code out} and {@code err}, with what is known of the terminal. */
  public Main(PrintWriter out, PrintWriter err, Terminal terminal) {
    this.console = new Console(out, err, terminal);
  }

  /** A polcomp with its console: writers, terminal and standard output as bytes. */
  public Main(Console console) {
    this.console = console;
  }

  public static void main(String[] args) {
    // Straight on the file descriptors, not System.out: a PrintStream swallows write errors, so a
    // full disk or a closed pipe would go unnoticed (the writer's error state is checked at the
    // end of every run).
    OutputStream stdout = new FileOutputStream(FileDescriptor.out);
    PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8),
        true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(
        new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
    // A thread that nobody waits for and that dies of an error would print its stack trace:
    // one line instead, and the exit code of an internal failure (the shutdown hooks still
    // remove temporary files, and outputs are only ever renamed into place when complete).
    Thread.setDefaultUncaughtExceptionHandler(new Uncaught(err));
    // picocli's factory looks for Groovy's closures once, a class lookup that fails through the
    // whole jar, unless told that there are none (its documented switch).
    System.setProperty("picocli.disable.closures", "true");
    Sub asked = args.length > 0 ? named(args[0]) : null;
    if (asked != null && asked.builtIns()) {
      Preload.start();
    }
    System.exit(new Main(new Console(out, err, Terminal.detect(),
        new BufferedOutputStream(stdout, 1 << 16))).run(args));
  }

  @Override
  public void run() {
    // 'polcomp' alone: show what there is to do.
    commandLine(this).usage(console.out());
  }

  /** polcomp's command line with every subcommand: for help, man pages and completion. */
  public static CommandLine commandLine(Main main) {
    return commandLine(main, null);
  }

  /**
   * polcomp's command line with the subcommand named {@code only}, or with all of them when
   * {@code only} is null or names none (a misspelt command then gets picocli's suggestions, and
   * {@code help} lists them all).
   */
  static CommandLine commandLine(Main main, String only) {
    Sub one = HELP.equals(only) ? null : named(only);
    CommandSpec top = Specs.command(main, "polcomp", new String[] {
        "Compare local migrant-integration policies: validate, classify, compare."},
        "0:success", "1:the data is invalid", "2:usage error",
        "3:input/output failure or internal error");
    top.versionProvider(new VersionProvider());
    Specs.standardHelp(top);
    CommandLine cl = new CommandLine(top);
    for (Sub c : one != null ? List.of(one) : COMMANDS) {
      cl.addSubcommand(c.name(), c.command());
    }
    return cl;
  }

  /** Where the command of {@code spec} prints: the console of the Main it runs under. */
  static Console console(CommandSpec spec) {
    return ((Main) spec.root().userObject()).console;
  }

  /** Runs one command line and returns its exit code. */
  public int run(String... args) {
    PrintWriter out = console.out();
    PrintWriter err = console.err();
    CommandLine cl = commandLine(this, args.length > 0 ? args[0] : null);
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // An argument that starts with '@' is a path or a value, never a file of more arguments.
    cl.setExpandAtFiles(false);
    // Picocli's own conversion would name the exception ("InvalidPathException: Nul character
    // not allowed"): say instead what is wrong with the path.
    cl.registerConverter(java.nio.file.Path.class, new PathConverter());
    cl.setParameterExceptionHandler(new ParameterHandler(err));
    cl.setExecutionExceptionHandler(new ExecutionHandler(err));
    int code;
    try {
      code = cl.execute(args);
    } catch (OutOfMemoryError e) {
      // picocli hands errors through untouched; one thrown on a reader thread arrives here too
      // (a parallel stream rethrows it on the caller). By now the stack that held the memory
      // has unwound, so there is room for the one line.
      return outOfMemory(err, args.length > 0 ? args[0] : null);
    } catch (StackOverflowError e) {
      err.println("polcomp: " + describe(e));
      err.flush();
      return ExitCode.IO;
    }
    // PrintWriter never throws: a failed write only sets its error state, checked here.
    if (out.checkError() && code != ExitCode.IO) {
      err.println("polcomp: cannot write to standard output (a full disk or a closed pipe);"
          + " the output is incomplete");
      code = ExitCode.IO;
    }
    err.flush();
    return code;
  }

  /**
   * The one line a thread that dies of an error prints, and the exit code of an internal
   * failure. A class, not a lambda: the first lambda of a run sets up their machinery, a
   * fiftieth of a short run, and only a run that needs one should pay for it.
   */
  private static final class Uncaught implements Thread.UncaughtExceptionHandler {
    private final PrintWriter err;

    Uncaught(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable e) {
      err.println("polcomp: " + Printable.escape(describe(e)));
      err.flush();
      System.exit(ExitCode.IO);
    }
  }

  // The three below are classes, not lambdas: picocli's interfaces are of an old class-file
  // version, which the class-data archive (src/build/cds.sh) leaves out, with every class that
  // implements them (picocli's own converters among them), once a lambda has made it link them.

  /** Picocli's converter for Path options and parameters: {@link #path}. */
  private static final class PathConverter
      implements CommandLine.ITypeConverter<java.nio.file.Path> {
    @Override
    public java.nio.file.Path convert(String value) {
      return path(value);
    }
  }

  /** A command line picocli cannot parse: what is wrong, a suggestion, exit code 2. */
  private static final class ParameterHandler implements CommandLine.IParameterExceptionHandler {
    private final PrintWriter err;

    ParameterHandler(PrintWriter err) {
      this.err = err;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException given, String[] a) {
      CommandLine.ParameterException ex = misspeltFirst(given);
      String unreadable = java.util.Arrays.stream(a).filter(DatasetLoader::unopenableName)
          .findFirst().orElse(null);
      if (unreadable != null) {
        // A name the locale's character set could not read arrives with U+FFFD in it, and
        // picocli, unable to make a path of it, calls it unmatched: say what happened instead.
        err.println("polcomp: the argument '" + Printable.escape(unreadable) + "' holds"
            + " characters that the locale's character set ("
            + System.getProperty("sun.jnu.encoding", "unknown") + ") cannot read");
        err.println("    hint: " + DatasetLoader.unopenableNameHint());
      } else if (ex.getCause() instanceof UsageProblem u) {
        // a value a converter refused (Specs.number) says itself what the option takes
        err.println("polcomp: " + Printable.escape(u.getMessage()));
        err.println("    hint: " + Printable.escape(u.hint()));
      } else {
        err.println("polcomp: " + Printable.escape(ex.getMessage()));
        if (!optionSuggestions(ex, err)) {
          CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        }
      }
      err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
      err.flush();
      return ExitCode.USAGE;
    }
  }

  /** A command that failed: a usage problem (exit code 2) or one line of what failed (3). */
  private static final class ExecutionHandler implements CommandLine.IExecutionExceptionHandler {
    private final PrintWriter err;

    ExecutionHandler(PrintWriter err) {
      this.err = err;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
      if (ex instanceof UsageProblem u) {
        // messages name paths and values as given: a control character in them must not reach
        // the terminal raw
        err.println("polcomp: " + Printable.escape(u.getMessage()));
        if (u.hint() != null) {
          err.println("    hint: " + Printable.escape(u.hint()));
        }
        err.flush();
        return ExitCode.USAGE;
      }
      err.println("polcomp: " + Printable.escape(describe(ex)));
      if (debug(parsed)) {
        ex.printStackTrace(err);
      }
      err.flush();
      return ExitCode.IO;
    }
  }

  // Options that change how a run goes, never what it writes: the About sheet does not record
  // them, so that the same data and the same analysis give the same bytes.
  private static final java.util.Set<String> NOT_RECORDED =
      java.util.Set.of("--threads", "-q", "--quiet", "--debug", "--force");

  /**
   * The command line as the outputs record it: the whole line, the subcommand's name included,
   * without the options that change only how the run goes ({@code --threads}, {@code --quiet},
   * {@code --debug}, {@code --force}).
   */
  static String recordedCommandLine(CommandSpec spec) {
    List<String> args = spec.commandLine().getParseResult().originalArgs();
    StringBuilder line = new StringBuilder("polcomp");
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      int eq = a.indexOf('=');
      String name = a.startsWith("-") && eq > 0 ? a.substring(0, eq) : a;
      if (NOT_RECORDED.contains(name)) {
        if (name.equals("--threads") && eq < 0) {
          i++; // and its value
        }
        continue;
      }
      line.append(' ').append(a);
    }
    return line.toString();
  }

  /**
   * An unknown option, when the command line has one, rather than what followed from it:
   * picocli checks required options before it reports unmatched ones, so {@code compare x
   * --fromat json} would say "missing --output" and never name the typo.
   */
  static CommandLine.ParameterException misspeltFirst(CommandLine.ParameterException ex) {
    if (ex instanceof CommandLine.UnmatchedArgumentException) {
      return ex;
    }
    List<String> unmatched = ex.getCommandLine().getUnmatchedArguments();
    if (unmatched.stream().anyMatch(arg -> arg.startsWith("-") && arg.length() > 1)) {
      return new CommandLine.UnmatchedArgumentException(ex.getCommandLine(), unmatched);
    }
    return ex;
  }

  /**
   * For a misspelt option ({@code --fromat}), the options of the same command within two edits,
   * which picocli itself suggests only for subcommands; true when it printed any.
   */
  static boolean optionSuggestions(CommandLine.ParameterException ex, PrintWriter err) {
    if (!(ex instanceof CommandLine.UnmatchedArgumentException u)) {
      return false;
    }
    List<String> names = List.copyOf(ex.getCommandLine().getCommandSpec().optionsMap().keySet());
    boolean any = false;
    for (String arg : u.getUnmatched()) {
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (!name.startsWith("-")) {
        continue;
      }
      String hint = Suggest.didYouMean(name, names);
      if (hint != null && !hint.isEmpty()) {
        err.println("    hint: " + hint);
        any = true;
      }
    }
    return any;
  }

  /** Whether {@code --debug} was given to the command that ran (or any command above it). */
  static boolean debug(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }

  /** One line for an unexpected failure, without a stack trace. */
  static String describe(Throwable ex) {
    // I/O failures on worker threads arrive wrapped
    while ((ex instanceof java.io.UncheckedIOException
        || ex instanceof java.util.concurrent.CompletionException
        || ex instanceof java.util.concurrent.ExecutionException) && ex.getCause() != null) {
      ex = ex.getCause();
    }
    if (ex instanceof java.nio.file.NoSuchFileException e) {
      return "cannot write to " + e.getFile() + ": "
          + (e.getReason() != null ? e.getReason() : "no such file or directory");
    }
    if (ex instanceof java.nio.file.AccessDeniedException e) {
      return "cannot write " + e.getFile() + ": permission denied"
          + (e.getReason() != null ? " (" + e.getReason() + ")" : "");
    }
    if (ex instanceof java.nio.file.FileSystemException e) {
      return e.getFile() + ": " + (e.getReason() != null ? e.getReason() : "file system error");
    }
    if (ex instanceof java.io.IOException) {
      return "input/output error: " + ex.getMessage();
    }
    if (ex instanceof OutOfMemoryError) {
      return outOfMemoryMessage(Runtime.getRuntime().maxMemory());
    }
    return "internal error: " + ex + " (run again with --debug for details)";
  }

  /** A path option's or parameter's value as a path; a usage error when no path can be it. */
  static java.nio.file.Path path(String value) {
    try {
      return java.nio.file.Path.of(value);
    } catch (java.nio.file.InvalidPathException e) {
      throw new CommandLine.TypeConversionException("'" + value + "' is not a path: "
          + (e.getReason() != null ? e.getReason().toLowerCase(java.util.Locale.ROOT)
              : "it cannot name a file"));
    }
  }

  /**
   * Says that memory ran out in a run of {@code command} (or null), in one line, and returns the
   * exit code of an I/O failure.
   */
  static int outOfMemory(PrintWriter err, String command) {
    err.println("polcomp: " + outOfMemoryMessage(Runtime.getRuntime().maxMemory(), command));
    err.flush();
    return ExitCode.IO;
  }

  /**
   * {@link #outOfMemoryMessage(long)} for a run of {@code command}: sensitivity keeps a few
   * numbers of every measure of the dataset at once, so smaller files would not help it, fewer
   * municipalities would.
   */
  static String outOfMemoryMessage(long maxHeap, String command) {
    return outOfMemoryLine(maxHeap, SensitivityCommand.NAME.equals(command)
        ? "analyse fewer municipalities at once" : "split the largest files");
  }

  /**
   * The line for a run that ran out of memory with a heap of {@code maxHeap} bytes: what to do
   * (a larger heap; the launcher's own is 1 GiB for validate, 768 MiB otherwise). No output was
   * replaced: outputs are renamed into place only once complete.
   */
  static String outOfMemoryMessage(long maxHeap) {
    return outOfMemoryMessage(maxHeap, null);
  }

  private static String outOfMemoryLine(long maxHeap, String orElse) {
    long mib = maxHeap / (1024 * 1024);
    return String.format(java.util.Locale.ROOT, "out of memory (a heap of %,d MiB); no output"
        + " file was replaced. Give the JVM more, e.g. JAVA_OPTS=-Xmx%dm, or %s", mib,
        Math.max(1024, 2 * mib), orElse);
  }

  /** Reads the version from the jar manifest (Implementation-Version). */
  static final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"polcomp " + version()};
    }
  }

  /** The tool's version from the jar manifest, or "dev" when not running from the jar. */
  public static String version() {
    return Version.current();
  }
}
