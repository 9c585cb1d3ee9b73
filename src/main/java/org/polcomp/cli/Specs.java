package org.polcomp.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.run.OutputTarget;
import org.polcomp.run.UsageProblem;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The commands' models, made with picocli's programmatic API instead of its annotations.
 *
 * <p>Why: reading annotations at run time was most of a short run's start-up. The JDK parses each
 * annotation and makes a proxy class for each annotation type, and picocli looks at every field
 * and method of a command, of its mixins and of its standard help options (and for methods that
 * could be subcommands, whatever {@code addMethodSubcommands} says) before it parses a word: about
 * a third of {@code polcomp compare policies -o c.json}. Built here, the same model costs a few
 * builder calls. The help, man pages and completion script are the same text as from the
 * annotations (DocsTest and ManPagesTest check them against the committed docs).
 *
 * <p>A command adds its options in the order picocli gave annotated ones: the mixins' first, then
 * its own in declaration order; {@link Main} then adds {@code -h} and {@code -V}
 * ({@link #standardHelp}). The completion script lists them in that order.
 */
final class Specs {
  private Specs() {}

  /**
   * The model of the command {@code name} whose work is {@code work} (a {@code Callable} or a
   * {@code Runnable}, which picocli runs when the command is parsed), with its description and
   * its exit codes as "code:meaning".
   */
  static CommandSpec command(Object work, String name, String[] description,
      String... exitCodes) {
    return command(work, name, description, List.of(exitCodes));
  }

  /** As {@link #command(Object, String, String[], String...)}, with a list of exit codes. */
  static CommandSpec command(Object work, String name, String[] description,
      List<String> exitCodes) {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(work).name(name);
    Map<String, String> codes = new LinkedHashMap<>();
    for (String c : exitCodes) {
      int colon = c.indexOf(':');
      codes.put(c.substring(0, colon), c.substring(colon + 1));
    }
    spec.usageMessage().description(description).exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(codes);
    return spec;
  }

  /**
   * {@code -h, --help} and {@code -V, --version}, worded as picocli's standard help options
   * (added last, where picocli put its mixin of them).
   */
  static void standardHelp(CommandSpec spec) {
    spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
        .description("Show this help message and exit.").build());
    spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
        .description("Print version information and exit.").build());
  }

  /** The exit codes of a command that writes OUT only when the run succeeds. */
  static final List<String> WRITES_OUT = List.of("0:written",
      "1:the data is invalid (OUT is left as it was)", "2:usage error",
      "3:input/output failure (OUT is left as it was)");

  /** Adds the dataset's paths, the positional parameters {@code index} ("0..*" for all). */
  static PositionalParamSpec dataset(CommandSpec spec, String index) {
    return paths(spec, PositionalParamSpec.builder().index(index), "PATH",
        "Policy files or directories (default: policies/).");
  }

  /** Adds {@code --raw-csv}. */
  static OptionSpec rawCsv(CommandSpec spec) {
    return flag(spec, "CSV for scripts: no byte-order mark, no formula-injection guard.",
        "--raw-csv");
  }

  /** Adds {@code --force} of a command that can write a workbook to standard output. */
  static OptionSpec forceWorkbook(CommandSpec spec) {
    return flag(spec, "Write a workbook to standard output (-o -) even when it is a terminal.",
        "--force");
  }

  /**
   * Adds {@code -o, --output}, shown as {@code label}: a path that keeps a trailing /
   * ({@link OutputTarget#given}), which the command line's "Output targets" reads as a folder and
   * a plain path would drop.
   */
  static OptionSpec output(CommandSpec spec, boolean required, String label,
      String description) {
    return add(spec, OptionSpec.builder("-o", "--output").type(Path.class).paramLabel(label)
        .required(required).converters(new OutputConverter()).description(description));
  }

  /** The converter of {@link #output}; a class, not a lambda, for the reason in {@link Main}. */
  private static final class OutputConverter implements CommandLine.ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
      return OutputTarget.given(value, Main.path(value));
    }
  }

  /** Adds an option that takes a value of {@code type}, shown as {@code label}. */
  static OptionSpec option(CommandSpec spec, Class<?> type, String label, String description,
      String... names) {
    return add(spec, OptionSpec.builder(names).type(type).paramLabel(label)
        .description(description));
  }

  /** Adds an option like {@link #option} whose value is {@code defaultValue} when not given. */
  static OptionSpec withDefault(CommandSpec spec, Class<?> type, String label,
      String defaultValue, String description, String... names) {
    return add(spec, OptionSpec.builder(names).type(type).paramLabel(label)
        .defaultValue(defaultValue).description(description));
  }

  /**
   * Adds a number option like {@link #withDefault}: {@code type} is {@code int.class},
   * {@code long.class} or {@code double.class}, its value in plain decimal notation
   * ({@link NumberConverter}), from {@code min} to {@code max} as its message says (a value of
   * the type outside them is the job's to refuse, with the reason).
   */
  static OptionSpec number(CommandSpec spec, Class<?> type, String label, String defaultValue,
      Number min, Number max, String description, String... names) {
    return add(spec, OptionSpec.builder(names).type(type).paramLabel(label)
        .defaultValue(defaultValue).description(description)
        .converters(new NumberConverter(type, names[names.length - 1], defaultValue, min, max)));
  }

  /**
   * A number option's value, in plain decimal notation only: ASCII digits with an optional sign,
   * and for a {@code double} an optional point and exponent. Java's own parsing would also take
   * {@code 5d}, {@code 0x1p3} and other scripts' digits ({@code ٣} as 3), and its message names
   * the Java type ("is not an int"). A value that is not such a number, or that its type cannot
   * hold, is a usage error that says what the option takes.
   */
  private static final class NumberConverter implements CommandLine.ITypeConverter<Object> {
    private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern DECIMAL =
        Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    private final Class<?> type;
    private final String option;
    private final String example;
    private final String takes;

    NumberConverter(Class<?> type, String option, String example, Number min, Number max) {
      if (type != int.class && type != long.class && type != double.class) {
        throw new IllegalArgumentException("not a number type: " + type);
      }
      this.type = type;
      this.option = option;
      this.example = example;
      this.takes = option + " takes " + (type == double.class ? "a number" : "a whole number")
          + " from " + plain(min) + " to " + plain(max);
    }

    private static String plain(Number n) {
      return n instanceof Double d ? UsageProblem.number(d) : n.toString();
    }

    @Override
    public Object convert(String value) {
      boolean whole = type != double.class;
      if ((whole ? WHOLE : DECIMAL).matcher(value).matches()) {
        try {
          if (type == int.class) {
            return Integer.parseInt(value);
          }
          if (type == long.class) {
            return Long.parseLong(value);
          }
          double d = Double.parseDouble(value);
          if (Double.isFinite(d)) {
            return d;
          }
        } catch (NumberFormatException e) {
          // digits the type cannot hold: said below, as any other value
        }
      }
      throw new UsageProblem(takes + ", not '" + Diagnostic.clip(value) + "'",
          (whole ? "write it in digits 0-9, with an optional sign"
              : "write it in decimal digits 0-9, with an optional sign, point and exponent")
          + ", as in " + option + " " + example + " (the default)");
    }
  }

  /** Adds an option that a command line must give. */
  static OptionSpec required(CommandSpec spec, Class<?> type, String label, String description,
      String... names) {
    return add(spec, OptionSpec.builder(names).type(type).paramLabel(label).required(true)
        .description(description));
  }

  /** Adds an option that takes no value: on when given. */
  static OptionSpec flag(CommandSpec spec, String description, String... names) {
    return add(spec, OptionSpec.builder(names).type(boolean.class).description(description));
  }

  /** Adds zero or more paths as the positional parameters after any others. */
  static PositionalParamSpec paths(CommandSpec spec, String label, String description) {
    return paths(spec, PositionalParamSpec.builder(), label, description);
  }

  /** Adds zero or more paths as the positional parameters {@code index} (e.g. "1..*"). */
  static PositionalParamSpec paths(CommandSpec spec, String index, String label,
      String description) {
    return paths(spec, PositionalParamSpec.builder().index(index), label, description);
  }

  private static PositionalParamSpec paths(CommandSpec spec, PositionalParamSpec.Builder b,
      String label, String description) {
    PositionalParamSpec p = b.arity("0..*").type(List.class).auxiliaryTypes(Path.class)
        .paramLabel(label).description(description).build();
    spec.addPositional(p);
    return p;
  }

  /** Adds the one positional parameter {@code index} of {@code type}, which must be given. */
  static PositionalParamSpec parameter(CommandSpec spec, String index, Class<?> type,
      String label, String description) {
    // arity 1 and required, as an annotated single-valued parameter is (the builder makes it
    // 0..1 and optional)
    PositionalParamSpec p = PositionalParamSpec.builder().index(index).arity("1").required(true)
        .type(type).paramLabel(label).description(description).build();
    spec.addPositional(p);
    return p;
  }

  /** The value an option or parameter was given, or its default; null when neither. */
  @SuppressWarnings("unchecked")
  static <T> T value(ArgSpec arg) {
    return (T) arg.getValue();
  }

  /** Whether a flag was given. */
  static boolean on(OptionSpec flag) {
    return Boolean.TRUE.equals(flag.getValue());
  }

  /** The paths given to {@code paths}, or null when none were (the command's default). */
  static List<Path> pathsOf(PositionalParamSpec paths) {
    return value(paths);
  }

  private static OptionSpec add(CommandSpec spec, OptionSpec.Builder option) {
    OptionSpec built = option.build();
    spec.addOption(built);
    return built;
  }
}
