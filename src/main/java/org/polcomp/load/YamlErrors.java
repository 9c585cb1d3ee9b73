package org.polcomp.load;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.polcomp.diagnostic.Code;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.diagnostic.SourceLocation;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * snakeyaml-engine's syntax errors in plain words ("expected &lt;block end&gt;" means nothing to a
 * policy researcher): what is wrong, where an unclosed bracket or quote began, and the usual
 * cause. The diagnostic stands where the fix goes: at the opening bracket or quote of one that is
 * never closed, else where the parser stopped.
 */
final class YamlErrors {
  private YamlErrors() {}

  /** The usual causes, for an error the parser gives no better clue about. */
  static final String USUAL_CAUSES = "the usual causes are a line indented differently from the"
      + " ones above it, a missing space after ':', a tab used for indentation, or an unclosed"
      + " quote or bracket";

  private static final Pattern FOUND = Pattern.compile("but found '?(.*?)'?$");
  private static final Pattern CHARACTER = Pattern.compile("found character '(.*?)' that cannot");
  private static final Pattern VERSION = Pattern.compile("major=(\\d+), minor=(\\d+)");

  /** The diagnostic for a syntax error of the parser in {@code text}. */
  static Diagnostic of(String file, String text, MarkedYamlEngineException e) {
    SourceLocation problem = at(file, e.getProblemMark()).orElse(null);
    SourceLocation context = at(file, e.getContextMark()).orElse(null);
    SourceLocation where = problem != null ? problem : context != null ? context
        : SourceLocation.ofFile(file);
    String ctx = e.getContext() == null ? "" : e.getContext();
    String prob = e.getProblem() == null ? "" : e.getProblem();
    String stop = where(problem);

    if (ctx.startsWith("while parsing a flow node") && problem != null) {
      // The parser marks where a value was due, not the bracket: find the one left open.
      int[] opener = unclosed(text, problem);
      if (opener != null) {
        context = new SourceLocation(file, opener[0], opener[1]);
        ctx = opener[2] == '[' ? "while parsing a flow sequence" : "while parsing a flow mapping";
      }
    }
    if (context != null && (ctx.startsWith("while parsing a flow sequence")
        || ctx.startsWith("while parsing a flow mapping"))) {
      boolean list = ctx.endsWith("sequence");
      char open = list ? '[' : '{';
      char close = list ? ']' : '}';
      return error(context, "the " + (list ? "list" : "map") + " opened with '" + open + "' here"
          + " is not closed" + (prob.contains("<stream end>") ? " before the end of the file"
              : ": at " + stop + " a ',' or '" + close + "' was expected"),
          "close it with '" + close + "' after its last entry, or put the value in quotes if"
              + " the '" + open + "' is part of the text");
    }
    if (context != null && ctx.startsWith("while scanning a quoted scalar")) {
      if (prob.contains("end of stream") || prob.contains("document separator")) {
        return error(context, "the quoted text opened here is never closed",
            "end it with the same quote mark it starts with; inside single quotes write a"
                + " quote as two ('it''s')");
      }
      if (prob.contains("escape")) {
        return error(where, "a backslash in double quotes starts an escape that YAML does not"
            + " know", "write a backslash as \\\\, or use single quotes, where a backslash is"
                + " just a backslash");
      }
    }
    if (prob.contains("mapping values are not allowed")) {
      return error(where, "a ': ' here, inside a value that began before it",
          "quote the value if it holds ': ' (title: 'Plan: phase 2'); else check the line"
              + " above: it may lack the space after ':' (write 'key: value'), or this line is"
              + " indented under a line that is not 'key:'");
    }
    Matcher ch = CHARACTER.matcher(prob);
    if (ch.find()) {
      String c = ch.group(1);
      if (c.startsWith("\\t")) {
        return error(where, "a tab character here: YAML indents with spaces only",
            "replace the tab with spaces (most editors can show tabs and turn them into"
                + " spaces)");
      }
      return error(where, "a value cannot start with '" + c + "'",
          "put the value in quotes: '" + c + "...'");
    }
    if (prob.startsWith("expected <block end>")) {
      String found = found(prob);
      String block = ctx.contains("collection") || ctx.contains("sequence") ? "list" : "map";
      String started = context != null ? " that starts at line " + context.line() : "";
      String what = switch (found) {
        case "-" -> "a list item '- ' where the " + block + started + " expects a key";
        case "?", "<block mapping start>" -> block.equals("list")
            ? "a 'key: value' line where the list" + started + " expects an item '- '"
            : "a key indented differently from the other keys of the map" + started;
        case "]", "}" -> "a closing '" + found + "' that no bracket opened";
        case "<scalar>" -> "more text after a complete value (after a closing quote, say)";
        case ":" -> "a ':' that follows no key";
        default -> "this line does not fit the " + block + started;
      };
      String hint = switch (found) {
        case "]", "}" -> "remove it, or put the value in quotes if it is part of the text";
        case "<scalar>" -> "put the whole value in quotes, or move the extra text into it";
        default -> "indent it with spaces as far as the lines of the same level above it;"
            + " if it continues the line above, a ':' or a closing quote is missing there";
      };
      return error(where, what, hint);
    }
    if (ctx.startsWith("while scanning a simple key") && context != null) {
      return error(context, "this line is neither 'key: value' nor a list item '- '",
          "add ': ' after the key, or indent the line if it continues the text above");
    }
    if (prob.startsWith("expected the node content")) {
      String found = found(prob);
      return error(where, "a value cannot start with '" + found + "' here",
          "put the value in quotes if the '" + found + "' is part of the text");
    }
    if (prob.contains("undefined tag handle")) {
      return error(where, "a value starts with a tag ('!...') that is not defined",
          "remove the '!', or put the value in quotes");
    }
    if (ctx.startsWith("while scanning an anchor") || ctx.startsWith("while scanning an alias")) {
      return error(where, "'&' or '*' at the start of a value must be followed by a name",
          "put the value in quotes if the '&' or '*' is part of the text");
    }
    if (ctx.startsWith("while scanning a block scalar")) {
      return error(where, "the line after '|' or '>' is not a valid start of a text block",
          "write '|' or '>' alone at the end of the line, and the text indented below it");
    }
    if (ctx.startsWith("while scanning a directive") || prob.contains("directive")) {
      return error(where, "a '%' directive line that YAML does not understand",
          "remove the line starting with '%'; policy files need no directives");
    }
    return error(where, "YAML cannot read the file from here", USUAL_CAUSES);
  }

  /** The diagnostic for another exception of the parser (a %YAML version it rejects, say). */
  static Diagnostic of(String file, RuntimeException e) {
    String msg = String.valueOf(e.getMessage());
    Matcher v = VERSION.matcher(msg);
    if (v.find()) {
      return error(SourceLocation.ofFile(file), "the file declares %YAML " + v.group(1) + "."
          + v.group(2) + ", a version polcomp does not read (it reads YAML 1.2)",
          "remove the %YAML line, or write '%YAML 1.2'");
    }
    return error(SourceLocation.ofFile(file), "YAML cannot read the file", USUAL_CAUSES);
  }

  /**
   * The line, column and character of the last '[' or '{' not closed before {@code end}, or
   * null. Quoted text and comments are skipped; a rough scan, used only once the parser has said
   * that a flow collection is open.
   */
  static int[] unclosed(String text, SourceLocation end) {
    java.util.ArrayDeque<int[]> open = new java.util.ArrayDeque<>();
    int line = 1;
    int col = 1;
    char quote = 0;
    boolean comment = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (line > end.line() || line == end.line() && col >= end.column()) {
        break;
      }
      if (c == '\n') {
        line++;
        col = 1;
        comment = false;
        continue;
      }
      if (comment) {
        // skip to the end of the line
      } else if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '#' && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
        comment = true;
      } else if ((c == '\'' || c == '"') && (i == 0 || " \t[{,:".indexOf(text.charAt(i - 1)) >= 0)) {
        quote = c;
      } else if (c == '[' || c == '{') {
        open.push(new int[] {line, col, c});
      } else if ((c == ']' || c == '}') && !open.isEmpty()) {
        open.pop();
      }
      if (!Character.isLowSurrogate(c)) {
        col++;
      }
    }
    return open.peek();
  }

  private static String found(String prob) {
    Matcher m = FOUND.matcher(prob.strip());
    return m.find() ? m.group(1) : "";
  }

  private static String where(SourceLocation at) {
    return at == null ? "somewhere below" : String.format(Locale.ROOT, "line %d, column %d",
        at.line(), at.column());
  }

  private static Optional<SourceLocation> at(String file, Optional<Mark> mark) {
    return mark.map(m -> new SourceLocation(file, m.getLine() + 1, m.getColumn() + 1));
  }

  private static Diagnostic error(SourceLocation at, String message, String hint) {
    return Diagnostic.of(at, Code.E001, "YAML syntax error: " + message, hint);
  }
}
