package org.polcomp.load;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.polcomp.diagnostic.Code;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.diagnostic.SourceLocation;
import org.polcomp.load.YNode.Entry;
import org.polcomp.load.YNode.ScalarType;
import org.polcomp.load.YNode.YMap;
import org.polcomp.load.YNode.YScalar;
import org.polcomp.load.YNode.YSeq;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Turns the bytes of one YAML file into positioned trees, one per document, reporting what is
 * wrong instead of throwing.
 *
 * <p>Jackson's YAML parser (snakeyaml-engine underneath, YAML 1.2) gives a token stream with
 * locations; this class builds {@link YNode} trees from it and enforces the {@link Limits} as it
 * goes: nesting depth, string length, aliases (expanded by reference, counted, and capped so that
 * an alias bomb is rejected early), and duplicate keys. An alias is never read as its name.
 */
public final class YamlReader {
  private final Limits limits;
  private final YAMLFactory factory;

  public YamlReader(Limits limits) {
    this.limits = limits;
    int codePoints = (int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 16);
    this.factory =
        YAMLFactory.builder()
            .loadSettings(LoadSettings.builder().setCodePointLimit(codePoints).build())
            // Duplicate keys are reported by the builder below (E007, where, and go on reading).
            .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    // Our own checks fire first and say where; Jackson's are the backstop.
                    .maxNestingDepth(limits.maxDepth() + 8)
                    .maxStringLength(codePoints)
                    // Fields reads long numbers as text (E008, E021); Jackson need not stop at them.
                    .maxNumberLength(codePoints)
                    .maxNameLength(codePoints)
                    .build())
            // Duplicate keys are reported by the tree builder, which names both places and goes on.
            .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
  }

  /** One document of a file; {@code root} is null for an empty document. */
  public record Document(int index, SourceLocation at, YNode root) {}

  /** Thrown inside the reader to abandon a file after a fatal diagnostic has been reported. */
  private static final class Abort extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Abort() {
      super(null, null, false, false);
    }
  }

  /**
   * Reads every document of a file. Diagnostics go to {@code out}; the documents read before a
   * fatal problem (a syntax error, say) are still returned.
   */
  public List<Document> read(String file, byte[] bytes, Consumer<Diagnostic> out) {
    List<Document> docs = new ArrayList<>();
    read(file, bytes, out, docs::add);
    return docs;
  }

  /**
   * Reads every document of a file and hands each to {@code each} as soon as it is complete, so
   * that a file of many documents never holds them all. An exception of {@code each} passes
   * through unchanged.
   */
  public void read(String file, byte[] bytes, Consumer<Diagnostic> out, Consumer<Document> each) {
    String text = decode(file, bytes, out);
    if (text != null && linesFit(file, text, out)) {
      parse(file, text, out, each);
    }
  }

  /** Carries an exception of the caller's consumer past the parser's own handlers. */
  private static final class Passthrough extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Passthrough(RuntimeException cause) {
      super(cause);
    }
  }

  /**
   * UTF-8 with an optional BOM; null (and a diagnostic) for anything else: E002 for another
   * encoding or a bad byte, E001 for a character that YAML does not allow (NUL, most controls).
   */
  static String decode(String file, byte[] bytes, Consumer<Diagnostic> out) {
    String foreign = foreignEncoding(bytes);
    if (foreign != null) {
      out.accept(Diagnostic.of(SourceLocation.ofFile(file), Code.E002,
          "the file is " + foreign + ", not UTF-8", SAVE_AS_UTF8));
      return null;
    }
    int offset = 0;
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      offset = 3;
    }
    CharsetDecoder dec =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    CharBuffer chars = CharBuffer.allocate(bytes.length - offset + 1);
    CoderResult r = dec.decode(in, chars, true);
    if (!r.isError()) {
      r = dec.flush(chars);
    }
    if (r.isError()) {
      chars.flip();
      out.accept(
          Diagnostic.of(
              positionOf(file, chars, chars.length()),
              Code.E002,
              String.format(
                  Locale.ROOT,
                  "the file is not UTF-8: invalid byte 0x%02X at byte offset %d",
                  bytes[in.position()] & 0xFF,
                  in.position()),
              SAVE_AS_UTF8));
      return null;
    }
    chars.flip();
    String text = chars.toString();
    int bad = firstForbidden(text);
    if (bad >= 0) {
      int c = text.codePointAt(bad);
      out.accept(Diagnostic.of(positionOf(file, text, bad), Code.E001,
          String.format(Locale.ROOT, "the file contains the character U+%04X%s, which YAML does"
              + " not allow", c, c == 0 ? " (NUL)" : ""),
          c == 0 ? "a NUL byte means the file is binary or not UTF-8; save it as UTF-8 text"
              : "remove it; inside double quotes it may be written as an escape such as \\x07"));
      return null;
    }
    return text;
  }

  private static final String SAVE_AS_UTF8 =
      "save the file as UTF-8 (most editors offer it under 'Save as' or 'Encoding')";

  /**
   * The name of the encoding when the first bytes show UTF-16 or UTF-32 (YAML 1.2, 5.2: a byte
   * order mark, or the NUL pattern of an ASCII first character), else null.
   */
  static String foreignEncoding(byte[] b) {
    int n = b.length;
    int b0 = n > 0 ? b[0] & 0xFF : -1;
    int b1 = n > 1 ? b[1] & 0xFF : -1;
    int b2 = n > 2 ? b[2] & 0xFF : -1;
    int b3 = n > 3 ? b[3] & 0xFF : -1;
    if (b0 == 0 && b1 == 0 && b2 == 0xFE && b3 == 0xFF || b0 == 0 && b1 == 0 && b2 == 0 && b3 > 0) {
      return "UTF-32 (big-endian)";
    }
    if (b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0 || b0 > 0 && b1 == 0 && b2 == 0 && b3 == 0) {
      return "UTF-32 (little-endian)";
    }
    if (b0 == 0xFE && b1 == 0xFF || b0 == 0 && b1 > 0) {
      return "UTF-16 (big-endian)";
    }
    if (b0 == 0xFF && b1 == 0xFE || b0 > 0 && b0 < 0x80 && b1 == 0) {
      return "UTF-16 (little-endian)";
    }
    return null;
  }

  /**
   * The longest line read: snakeyaml-engine copies its whole look-ahead window each time it reads
   * on inside one token, so a line of millions of characters costs minutes (quadratic); lines are
   * checked before parsing. Four times the string limit leaves room for quotes and escapes.
   */
  int maxLineLength() {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(65_536, 4L * limits.maxStringLength() + 4096));
  }

  /** False (and an E005 at the line) when a line is longer than {@link #maxLineLength()}. */
  private boolean linesFit(String file, String text, Consumer<Diagnostic> out) {
    int max = maxLineLength();
    int start = 0;
    int line = 1;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        line++;
        start = i + 1;
      } else if (i - start >= max) {
        // Counted in chars: a line of non-BMP characters is cut a little sooner, no matter.
        out.accept(Diagnostic.of(new SourceLocation(file, line, 1), Code.E005,
            String.format(Locale.ROOT, "line %d is longer than %,d characters, which is not read"
                + " (a string holds at most %,d)", line, max, limits.maxStringLength()),
            "break the text over several lines; a YAML string may span lines"));
        return false;
      }
    }
    return true;
  }

  /** The index of the first character outside YAML 1.2's printable set (5.1), or -1. */
  static int firstForbidden(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c <= 0x7E || c == '\n' || c == '\r' || c == '\t') {
        continue; // the common case first
      }
      if (Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++; // U+10000..U+10FFFF are printable
        continue;
      }
      boolean printable = c == 0x85 || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
      if (!printable) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The line and column of {@code text[end]}, counted as snakeyaml-engine counts them (and so
   * every other diagnostic): code points, line breaks LF, CRLF and a lone CR.
   */
  static SourceLocation positionOf(String file, CharSequence text, int end) {
    int line = 1;
    int col = 1;
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' && i + 1 < text.length() && text.charAt(i + 1) != '\n') {
        line++;
        col = 1;
      } else if (!Character.isLowSurrogate(c) || i == 0
          || !Character.isHighSurrogate(text.charAt(i - 1))) {
        col++;
      }
    }
    return new SourceLocation(file, line, col);
  }

  private void parse(String file, String text, Consumer<Diagnostic> out,
      Consumer<Document> each) {
    int docs = 0;
    Builder b = new Builder(file, text, out);
    boolean fatal = false;
    try (YAMLParser p =
        (YAMLParser) factory.createParser(ObjectReadContext.empty(), new StringReader(text))) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        YNode done = b.accept(p, t);
        if (done != null) {
          boolean empty = done instanceof YScalar s && s.isNull();
          docs++;
          try {
            each.accept(new Document(docs, done.at(), empty ? null : done));
          } catch (RuntimeException e) {
            throw new Passthrough(e);
          }
          b.newDocument();
        }
      }
    } catch (Passthrough e) {
      throw (RuntimeException) e.getCause();
    } catch (Abort e) {
      // The diagnostic is reported; the documents so far stand.
      fatal = true;
    } catch (StreamConstraintsException e) {
      fatal = true;
      out.accept(Diagnostic.of(where(file, e), Code.E004, clean(e.getOriginalMessage()),
          "flatten the structure; policy files need only a few levels"));
    } catch (JacksonException e) {
      fatal = true;
      out.accept(Diagnostic.of(where(file, e), Code.E001, "YAML syntax error: " + clean(e.getOriginalMessage()),
          "check the indentation and the quotes around this place"));
    } catch (MarkedYamlEngineException e) {
      fatal = true;
      // snakeyaml-engine's own exceptions, when Jackson lets one through, still know where.
      SourceLocation at = e.getProblemMark().or(e::getContextMark)
          .map(m -> new SourceLocation(file, m.getLine() + 1, m.getColumn() + 1))
          .orElse(SourceLocation.ofFile(file));
      out.accept(Diagnostic.of(at, Code.E001, "YAML syntax error: " + clean(e.getProblem()),
          "check the indentation and the quotes around this place"));
    } catch (RuntimeException e) {
      fatal = true;
      // Any other unchecked exception of the parser is still a file it cannot read.
      out.accept(Diagnostic.of(SourceLocation.ofFile(file), Code.E001,
          "YAML syntax error: " + clean(String.valueOf(e.getMessage())), null));
    }
    if (docs == 0 && !fatal) {
      each.accept(new Document(1, new SourceLocation(file, 1, 1), null));
    }
  }

  private static SourceLocation where(String file, JacksonException e) {
    if (e.getCause() instanceof MarkedYamlEngineException m && m.getProblemMark().isPresent()) {
      // snakeyaml's mark is where scanning failed; Jackson's is the last token it gave out.
      var mark = m.getProblemMark().get();
      return new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
    }
    TokenStreamLocation loc = e.getLocation();
    if (loc == null || loc.getLineNr() < 1) {
      return SourceLocation.ofFile(file);
    }
    return new SourceLocation(file, loc.getLineNr(), Math.max(1, loc.getColumnNr()));
  }

  /** Keeps the problem statements of snakeyaml's multi-line message, drops the excerpts. */
  static String clean(String message) {
    if (message == null) {
      return "unreadable input";
    }
    List<String> parts = new ArrayList<>();
    for (String line : message.split("\\R")) {
      String s = line.strip();
      if (s.isEmpty() || line.startsWith(" ") || s.startsWith("in reader") || s.startsWith("at [")
          || s.equals("^")) {
        continue;
      }
      parts.add(s);
    }
    return parts.isEmpty() ? message.strip() : String.join(": ", parts);
  }

  /** Builds the tree of one document at a time from tokens. */
  private final class Builder {
    private final String file;
    private final String text;
    private final Consumer<Diagnostic> out;
    private long cpCursor;
    private int charCursor;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private Map<String, YNode> anchors = new HashMap<>();
    private final Map<YNode, Integer> sizes = new java.util.IdentityHashMap<>();
    private int aliases;
    private long aliasNodes;

    Builder(String file, String text, Consumer<Diagnostic> out) {
      this.file = file;
      this.text = text;
      this.out = out;
    }

    /** What the text says about the scalar at the parser's token: its anchor, and quotes. */
    private record ScalarProps(String anchor, boolean plain) {}

    private static final ScalarProps NONE = new ScalarProps(null, true);

    /**
     * Reads the node properties of the scalar at the parser's token from the text: Jackson keeps
     * the anchors of maps and lists but drops those of scalars, and does not say whether a scalar
     * was quoted. The token starts at its properties ({@code &anchor}, {@code !tag}); offsets
     * count code points and only grow, so a cursor walks the text once.
     */
    private ScalarProps scalarProps(YAMLParser p) {
      long cp = p.currentTokenLocation().getCharOffset();
      if (cp < 0) {
        return NONE;
      }
      if (cp < cpCursor) {
        cpCursor = 0;
        charCursor = 0;
      }
      try {
        charCursor = text.offsetByCodePoints(charCursor, (int) (cp - cpCursor));
        cpCursor = cp;
      } catch (IndexOutOfBoundsException e) {
        cpCursor = 0;
        charCursor = 0;
        return NONE;
      }
      int i = charCursor;
      int n = text.length();
      String anchor = null;
      while (i < n && (text.charAt(i) == '&' || text.charAt(i) == '!')) {
        int from = i;
        while (i < n && !isNameEnd(text.charAt(i))) {
          i++;
        }
        if (text.charAt(from) == '&') {
          anchor = text.substring(from + 1, i);
        }
        i = skipSpace(i);
      }
      char c = i < n ? text.charAt(i) : ' ';
      return new ScalarProps(anchor, c != '"' && c != '\'');
    }

    /** Anchor and tag names end at white space or a flow indicator (YAML 1.2, 6.9). */
    private static boolean isNameEnd(char c) {
      return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == '[' || c == ']'
          || c == '{' || c == '}';
    }

    /** Skips blanks, line breaks and comments between a node's properties and its content. */
    private int skipSpace(int i) {
      int n = text.length();
      while (i < n) {
        char c = text.charAt(i);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
          i++;
        } else if (c == '#') {
          while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
          }
        } else {
          break;
        }
      }
      return i;
    }

    void newDocument() {
      if (!anchors.isEmpty()) {
        anchors = new HashMap<>();
        sizes.clear();
      }
      aliases = 0;
      aliasNodes = 0;
    }

    private SourceLocation at(YAMLParser p) {
      TokenStreamLocation l = p.currentTokenLocation();
      return new SourceLocation(file, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }

    private void fail(Diagnostic d) {
      out.accept(d);
      throw new Abort();
    }

    /** Takes one token; returns the document's root when it completes, else null. */
    YNode accept(YAMLParser p, JsonToken t) {
      SourceLocation at = at(p);
      switch (t) {
        case START_OBJECT, START_ARRAY -> {
          if (stack.size() >= limits.maxDepth()) {
            fail(Diagnostic.of(at, Code.E004,
                "maps and lists are nested more than " + limits.maxDepth() + " levels deep",
                "flatten the structure; policy files need only a few levels"));
          }
          stack.push(new Frame(t == JsonToken.START_OBJECT, at, anchorOf(p)));
          return null;
        }
        case PROPERTY_NAME -> {
          String key = p.currentName();
          checkLength(key, at);
          stack.peek().pendingKey = key;
          stack.peek().pendingKeyAt = at;
          return null;
        }
        case END_OBJECT, END_ARRAY -> {
          Frame f = stack.pop();
          YNode node = f.isMap ? new YMap(f.at, f.entries) : new YSeq(f.at, f.items);
          if (f.anchor != null) {
            // Only an anchored node can be aliased, so only its size is ever looked up.
            sizes.put(node, f.size + 1);
          }
          register(f.anchor, node);
          return add(node, f.size + 1);
        }
        default -> {
          YNode node;
          int size = 1;
          if (p.isCurrentAlias()) {
            String name = p.getString();
            node = anchors.get(name);
            if (node == null && stack.stream().anyMatch(f -> name.equals(f.anchor))) {
              fail(Diagnostic.of(at, Code.E006,
                  "the alias *" + name + " stands inside the value anchored &" + name
                      + ", so it would expand without end (a recursive alias)",
                  "write the values out instead of using anchors and aliases"));
            }
            if (node == null) {
              fail(Diagnostic.of(at, Code.E001,
                  "the alias *" + name + " names no anchor defined before it",
                  "define '&" + name + "' on a value above this line, or write the value out"));
            }
            size = sizes.getOrDefault(node, 1);
            aliases++;
            aliasNodes += size;
            if (aliases > limits.maxAliases() || aliasNodes > limits.maxAliasNodes()) {
              fail(Diagnostic.of(at, Code.E006,
                  "YAML aliases expand beyond the limit (" + limits.maxAliases() + " aliases, "
                      + limits.maxAliasNodes() + " values per document)",
                  "write the values out instead of using anchors and aliases"));
            }
          } else {
            String text = t == JsonToken.VALUE_NULL ? "" : p.getString();
            checkLength(text, at);
            ScalarProps props = scalarProps(p);
            node = new YScalar(at, text, typeOf(t, text, props.plain()));
            register(props.anchor(), node);
          }
          return add(node, size);
        }
      }
    }

    private String anchorOf(YAMLParser p) {
      Object id = p.getObjectId();
      return id == null ? null : id.toString();
    }

    private void register(String anchor, YNode node) {
      if (anchor != null) {
        anchors.put(anchor, node);
      }
    }

    private void checkLength(String s, SourceLocation at) {
      if (s.length() > limits.maxStringLength()) {
        out.accept(Diagnostic.of(at, Code.E005,
            "a string of " + s.length() + " characters is longer than the limit of "
                + limits.maxStringLength(),
            "shorten it; an Excel cell holds at most 32,767 characters"));
      }
    }

    /** Adds a finished node to its parent; returns it when it is a document root. */
    private YNode add(YNode node, int size) {
      Frame parent = stack.peek();
      if (parent == null) {
        return node;
      }
      parent.size += size;
      if (parent.isMap) {
        String key = parent.pendingKey;
        SourceLocation first = parent.keys.putIfAbsent(key, parent.pendingKeyAt);
        if (first != null) {
          out.accept(Diagnostic.of(parent.pendingKeyAt, Code.E007,
              "duplicate key '" + key + "' (first at line " + first.line() + ", column "
                  + first.column() + ")",
              "remove one of the two; the first is kept"));
        } else {
          parent.entries.add(new Entry(key, parent.pendingKeyAt, node));
        }
      } else {
        parent.items.add(node);
      }
      return null;
    }
  }

  /** The YAML 1.2 core-schema spellings that Jackson hands over as text: ~ and .inf/.nan forms. */
  private static final java.util.Set<String> NON_FINITE = java.util.Set.of(
      ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
      ".nan", ".NaN", ".NAN");

  private static ScalarType typeOf(JsonToken t, String text, boolean plain) {
    return switch (t) {
      case VALUE_NULL -> ScalarType.NULL;
      case VALUE_TRUE, VALUE_FALSE -> ScalarType.BOOL;
      case VALUE_NUMBER_INT -> ScalarType.INT;
      case VALUE_NUMBER_FLOAT -> ScalarType.FLOAT;
      // YAML 1.2's core schema reads a plain ~ as null and .Inf or .NaN as numbers; Jackson
      // hands them over as text. Quoted, they stay text.
      default -> !plain ? ScalarType.STRING
          : "~".equals(text) ? ScalarType.NULL
          : NON_FINITE.contains(text) ? ScalarType.FLOAT
          : ScalarType.STRING;
    };
  }

  /** A map or list being built. */
  private static final class Frame {
    final boolean isMap;
    final SourceLocation at;
    final String anchor;
    final List<Entry> entries = new ArrayList<>();
    final List<YNode> items = new ArrayList<>();
    final Map<String, SourceLocation> keys = new HashMap<>();
    String pendingKey;
    SourceLocation pendingKeyAt;
    int size;

    Frame(boolean isMap, SourceLocation at, String anchor) {
      this.isMap = isMap;
      this.at = at;
      this.anchor = anchor;
    }
  }
}
