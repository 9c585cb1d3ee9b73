package org.polcomp.load;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Turns the bytes of one YAML file into positioned trees, one per document, reporting what is
 * wrong instead of throwing.
 *
 * <p>snakeyaml-engine's parser (the YAML 1.2 engine under Jackson's YAML module) gives events with
 * marks; this class builds {@link YNode} trees from them, resolves plain scalars with YAML 1.2's
 * core schema, and enforces the {@link Limits} as it goes: nesting depth, string length, aliases
 * (expanded by reference, counted, and capped so that an alias bomb is rejected early), and
 * duplicate keys. An alias is never read as its name. The events are used directly rather than
 * through Jackson's token stream: Jackson drops the anchors of scalars and whether a scalar was
 * quoted, and its per-scalar type detection cost a quarter of the parse.
 */
public final class YamlReader {
  private final Limits limits;
  private final boolean fast;
  /**
   * snakeyaml-engine's settings for lines of the default length, made the first time a file is
   * handed on to it: making them (its JSON schema's resolvers among them) was a tenth of reading
   * the built-in codebook, which the fast path reads whole. Two threads that both make them make
   * equal ones.
   */
  private volatile LoadSettings settings;

  public YamlReader(Limits limits) {
    this(limits, true);
  }

  /**
   * A reader that tries {@link BlockScanner} first when {@code fast}; without it every file goes
   * through snakeyaml-engine, which the tests compare it with.
   */
  YamlReader(Limits limits, boolean fast) {
    this.limits = limits;
    this.fast = fast;
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
    // The characters in an array: the loops below and the fast scanner read it rather than a
    // String, whose charAt the quick compiler (C1) does not inline (see BlockScanner). The
    // String is made only for snakeyaml-engine, when the fast path hands the file on.
    Text text = decode(file, bytes, out);
    if (text == null) {
      return;
    }
    char[] chars = text.chars();
    Lines lines = text.lines() != null ? text.lines() : lines(file, chars, out);
    if (lines == null) {
      return;
    }
    int skip = 0;
    if (fast && lines.scannable() && chars.length <= limits.maxFileBytes()
        && !endsChunkInSurrogate(chars, bufferSize(lines.longest()) + 1)) {
      skip = readFast(file, chars, text.ascii(), text.offset(), lines.astral(), out, each);
      if (skip < 0) {
        return;
      }
    }
    parse(file, new String(chars), settingsFor(lines.longest()), out, each, skip);
  }

  /**
   * Whether a chunk that snakeyaml-engine's reader reads ({@code chunk} characters at a time)
   * ends in the first half of a surrogate pair. Its reader then fails (3.0.1 reads the second
   * half past the end of its buffer), and the file is "not readable": such a file is left to it,
   * so that it fails the same way.
   */
  static boolean endsChunkInSurrogate(char[] text, int chunk) {
    for (int end = chunk - 1; end < text.length; end += chunk) {
      if (Character.isHighSurrogate(text[end])) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads the text with {@link BlockScanner}: -1 when it read all of it, else the number of
   * documents it handed on before meeting something it leaves to snakeyaml-engine. A document's
   * diagnostics are held back until it is complete, so that what is handed on is exactly what
   * snakeyaml-engine hands on up to the same point: it too hands on a document as soon as it
   * meets the marker or the end of the text after it, before reading further.
   */
  private int readFast(String file, char[] text, byte[] ascii, int offset, boolean astral,
      Consumer<Diagnostic> out, Consumer<Document> each) {
    List<Diagnostic> held = new ArrayList<>(4);
    Builder b = new Builder(file, d -> {
      if (held.size() >= HELD) {
        // A file of many duplicate keys is left to snakeyaml-engine, whose path streams them.
        throw BlockScanner.bail();
      }
      held.add(d);
    });
    int docs = 0;
    try {
      BlockScanner scanner = new BlockScanner(file, text, ascii, offset, astral, b);
      for (YNode root = scanner.next(); root != null; root = scanner.next()) {
        for (Diagnostic d : held) {
          out.accept(d);
        }
        held.clear();
        docs++;
        each.accept(new Document(docs, root.at(), root));
        b.newDocument();
      }
    } catch (BlockScanner.Bail | Abort e) {
      // The consumer's exceptions are neither; they pass through.
      return docs;
    }
    if (docs == 0) {
      each.accept(new Document(1, new SourceLocation(file, 1, 1), null));
    }
    return -1;
  }

  /** The most diagnostics of one document that the fast path holds back. */
  private static final int HELD = 1000;

  /** Whether {@link BlockScanner} reads the whole file (for the tests: the fast path holds). */
  boolean readsFast(String file, byte[] bytes) {
    char[] chars = decodeChars(file, bytes, d -> { });
    Lines lines = chars == null ? null : lines(file, chars, d -> { });
    if (lines == null || !fast || !lines.scannable() || chars.length > limits.maxFileBytes()
        || endsChunkInSurrogate(chars, bufferSize(lines.longest()) + 1)) {
      return false;
    }
    return readFast(file, chars, null, 0, lines.astral(), d -> { }, d -> { }) < 0;
  }

  /** Carries an exception of the caller's consumer past the parser's own handlers. */
  private static final class Passthrough extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Passthrough(RuntimeException cause) {
      super(cause);
    }
  }

  /**
   * The characters of a file: UTF-8 with an optional BOM; null (and a diagnostic) for anything
   * else: E002 for another encoding or a bad byte, E001 for a character that YAML does not allow
   * (NUL, most controls). An array, because that is what the reader works on: most policy files
   * are ASCII, and then one pass widens the bytes and checks them, with no decoder and no String
   * between.
   */
  static char[] decodeChars(String file, byte[] bytes, Consumer<Diagnostic> out) {
    Text text = decode(file, bytes, out);
    return text == null ? null : text.chars();
  }

  /**
   * A file's characters, and for an ASCII file its {@link Lines} as well, measured in the same
   * pass, and its bytes.
   *
   * @param lines the lines when measured in the same pass, else null
   * @param ascii the file's bytes when every character is one of them, from {@code offset} on
   *     (after a byte order mark), else null
   */
  record Text(char[] chars, Lines lines, byte[] ascii, int offset) {}

  /**
   * The characters of a file, as {@link #decodeChars}. An ASCII file, the common case, gets its
   * lines measured in the same pass: under the optimising compiler the two passes over every
   * character were an eighth of validating 100,000 municipalities.
   */
  static Text decode(String file, byte[] bytes, Consumer<Diagnostic> out) {
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
    int n = bytes.length - offset;
    char[] ascii = new char[n];
    int bad = -1;
    int i = 0;
    // the lines as lines() measures them: each line's length with its CR, if any
    int longest = 0;
    int start = 0;
    boolean scannable = true;
    for (; i < n; i++) {
      byte b = bytes[offset + i];
      if (b < 0x20 || b == 0x7F) {
        if (b < 0) {
          break; // not ASCII: decoded below
        }
        if (b == '\n') {
          longest = Math.max(longest, i - start);
          start = i + 1;
        } else if (b == '\r') {
          if (i + 1 >= n || bytes[offset + i + 1] != '\n') { // a lone CR ends a line too
            longest = Math.max(longest, i - start);
            start = i + 1;
            scannable = false;
          }
        } else if (b == '\t') {
          scannable = false;
        } else if (bad < 0) {
          bad = i;
        }
      }
      ascii[i] = (char) b;
    }
    if (i == n) {
      if (bad >= 0) {
        forbidden(file, ascii, bad, out);
        return null;
      }
      longest = Math.max(longest, n - start);
      // a long line is left to lines(), which says where one is too long
      return new Text(ascii, longest < LONG_LINE ? new Lines(longest, scannable, false) : null,
          bytes, offset);
    }
    CharsetDecoder dec =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    // The rest is decoded into the same array after its ASCII start: UTF-8 never gives more
    // characters than it has bytes.
    ByteBuffer in = ByteBuffer.wrap(bytes, offset + i, n - i);
    CharBuffer chars = CharBuffer.wrap(ascii);
    chars.position(i);
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
    char[] text = chars.position() == n ? ascii : Arrays.copyOf(ascii, chars.position());
    if (bad < 0) {
      bad = firstForbidden(text, i); // the ASCII start was checked above
    }
    if (bad >= 0) {
      forbidden(file, text, bad, out);
      return null;
    }
    return new Text(text, null, null, 0);
  }

  /** Reports the character at {@code bad}, which YAML does not allow. */
  private static void forbidden(String file, char[] text, int bad, Consumer<Diagnostic> out) {
    int c = Character.codePointAt(text, bad);
    out.accept(Diagnostic.of(positionOf(file, CharBuffer.wrap(text), bad), Code.E001,
        String.format(Locale.ROOT, "the file contains the character U+%04X%s, which YAML does"
            + " not allow", c, c == 0 ? " (NUL)" : ""),
        c == 0 ? "a NUL byte means the file is binary or not UTF-8; save it as UTF-8 text"
            : "remove it; inside double quotes it may be written as an escape such as \\x07"));
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
   * The longest line read, checked before parsing. Four times the string limit leaves room for
   * quotes and escapes.
   */
  int maxLineLength() {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(65_536, 4L * limits.maxStringLength() + 4096));
  }

  /**
   * The settings for a text whose longest line has {@code longest} characters. snakeyaml-engine
   * copies its whole look-ahead window each time it reads on inside one token, one buffer at a
   * time, so with the default buffer a line of millions of characters costs minutes (quadratic);
   * a buffer as long as the longest line keeps it to a few copies (linear).
   */
  LoadSettings settingsFor(int longest) {
    int codePoints = (int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 16);
    if (longest < LONG_LINE) {
      LoadSettings made = settings;
      if (made == null) {
        made = LoadSettings.builder().setCodePointLimit(codePoints).setUseMarks(true).build();
        settings = made;
      }
      return made;
    }
    return LoadSettings.builder().setCodePointLimit(codePoints).setUseMarks(true)
        .setBufferSize(bufferSize(longest)).build();
  }

  /**
   * The buffer that {@link #settingsFor} gives snakeyaml-engine for a text whose longest line has
   * {@code longest} characters, known without making the settings (the tests check that it is
   * theirs).
   */
  static int bufferSize(int longest) {
    return longest < LONG_LINE ? DEFAULT_BUFFER : longest + 1024;
  }

  /** snakeyaml-engine's own default buffer, in characters ({@code LoadSettings}' default). */
  static final int DEFAULT_BUFFER = 1024;

  /** Lines up to this long are read with the default buffer. */
  private static final int LONG_LINE = 16_384;

  /**
   * What one pass over the characters finds before parsing.
   *
   * @param longest the length of the longest line
   * @param scannable whether {@link BlockScanner} may read the text ({@link BlockScanner#reads})
   * @param astral whether the text has a surrogate pair
   */
  record Lines(int longest, boolean scannable, boolean astral) {}

  /**
   * The lines of the text, or null (and an E005 at the line) when a line is longer than {@link
   * #maxLineLength()}.
   */
  Lines lines(String file, char[] text, Consumer<Diagnostic> out) {
    int max = maxLineLength();
    int longest = 0;
    int start = 0;
    int line = 1;
    int n = text.length;
    boolean scannable = true;
    boolean astral = false;
    for (int i = 0; i < n; i++) {
      char c = text[i];
      if (c >= ' ' && c < 0x80) {
        if (i - start >= max) {
          tooLong(file, line, max, out);
          return null;
        }
      } else if (c == '\n' || c == '\r') {
        if (c == '\r') {
          scannable &= BlockScanner.reads(c, text, i);
          if (i + 1 < n && text[i + 1] == '\n') {
            i++;
          }
        }
        longest = Math.max(longest, i - start);
        line++;
        start = i + 1;
      } else {
        if (i - start >= max) {
          // Counted in chars: a line of non-BMP characters is cut a little sooner, no matter.
          tooLong(file, line, max, out);
          return null;
        }
        scannable &= BlockScanner.reads(c, text, i);
        astral |= Character.isHighSurrogate(c) && i + 1 < n
            && Character.isLowSurrogate(text[i + 1]);
      }
    }
    return new Lines(Math.max(longest, n - start), scannable, astral);
  }

  private void tooLong(String file, int line, int max, Consumer<Diagnostic> out) {
    out.accept(Diagnostic.of(new SourceLocation(file, line, 1), Code.E005,
        String.format(Locale.ROOT, "line %d is longer than %,d characters, which is not read"
            + " (a string holds at most %,d)", line, max, limits.maxStringLength()),
        "break the text over several lines; a YAML string may span lines"));
  }

  /**
   * The index of the first character at or after {@code from} outside YAML 1.2's printable set
   * (5.1), or -1.
   */
  static int firstForbidden(char[] text, int from) {
    int n = text.length;
    for (int i = from; i < n; i++) {
      char c = text[i];
      if (c >= 0x20 && c <= 0x7E || c == '\n' || c == '\r' || c == '\t') {
        continue; // the common case first
      }
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text[i + 1])) {
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

  /**
   * Reads the text with snakeyaml-engine, leaving out the first {@code skip} documents and their
   * diagnostics (those that {@link BlockScanner} has handed on already).
   */
  private void parse(String file, String text, LoadSettings settings, Consumer<Diagnostic> sink,
      Consumer<Document> each, int skip) {
    int[] docs = {0};
    Consumer<Diagnostic> out = skip == 0 ? sink : d -> {
      if (docs[0] >= skip) {
        sink.accept(d);
      }
    };
    Builder b = new Builder(file, out);
    boolean fatal = false;
    try {
      ParserImpl parser = new ParserImpl(settings, new StreamReader(settings, text));
      while (parser.hasNext()) {
        YNode done = b.accept(parser.next());
        if (done != null) {
          boolean empty = done instanceof YScalar s && s.isNull();
          docs[0]++;
          if (docs[0] > skip) {
            try {
              each.accept(new Document(docs[0], done.at(), empty ? null : done));
            } catch (RuntimeException e) {
              throw new Passthrough(e);
            }
          }
          b.newDocument();
        }
      }
    } catch (Passthrough e) {
      throw (RuntimeException) e.getCause();
    } catch (Abort e) {
      // The diagnostic is reported; the documents so far stand.
      fatal = true;
    } catch (MarkedYamlEngineException e) {
      fatal = true;
      out.accept(YamlErrors.of(file, text, e));
    } catch (RuntimeException e) {
      fatal = true;
      // Any other exception of the parser is still a file it cannot read.
      out.accept(YamlErrors.of(file, e));
    }
    if (docs[0] == 0 && !fatal) {
      each.accept(new Document(1, new SourceLocation(file, 1, 1), null));
    }
  }

  /** Builds the tree of one document at a time from events (or from {@link BlockScanner}). */
  /** E005: a string (a scalar, or a workbook's cell) longer than the limit. */
  static Diagnostic tooLong(SourceLocation at, int length, Limits limits) {
    return Diagnostic.of(at, Code.E005,
        "a string of " + length + " characters is longer than the limit of "
            + limits.maxStringLength(),
        "shorten it; an Excel cell holds at most 32,767 characters");
  }

  private final class Builder implements BlockScanner.Sink {
    private final String file;
    private final Consumer<Diagnostic> out;
    private final ArrayList<Frame> stack = new ArrayList<>();
    private Map<String, YNode> anchors = new HashMap<>();
    private final Map<YNode, Integer> sizes = new IdentityHashMap<>();
    private int aliases;
    private long aliasNodes;

    Builder(String file, Consumer<Diagnostic> out) {
      this.file = file;
      this.out = out;
    }

    void newDocument() {
      if (!anchors.isEmpty()) {
        anchors = new HashMap<>();
        sizes.clear();
      }
      aliases = 0;
      aliasNodes = 0;
    }

    private SourceLocation at(Event e) {
      Optional<Mark> m = e.getStartMark();
      if (m.isEmpty()) {
        return SourceLocation.ofFile(file);
      }
      return new SourceLocation(file, m.get().getLine() + 1, m.get().getColumn() + 1);
    }

    private void fail(Diagnostic d) {
      out.accept(d);
      throw new Abort();
    }

    private Frame top() {
      return stack.isEmpty() ? null : stack.get(stack.size() - 1);
    }

    /** Takes one event; returns the document's root when it completes, else null. */
    YNode accept(Event e) {
      switch (e.getEventId()) {
        case MappingStart, SequenceStart -> {
          start(e.getEventId() == Event.ID.MappingStart, at(e),
              anchorName(((NodeEvent) e).getAnchor()));
          return null;
        }
        case MappingEnd, SequenceEnd -> {
          return end();
        }
        case Scalar -> {
          ScalarEvent s = (ScalarEvent) e;
          return scalar(at(e), s.getValue(), typeOf(s), anchorName(s.getAnchor()));
        }
        case Alias -> {
          SourceLocation at = at(e);
          String name = ((AliasEvent) e).getAlias().getValue();
          YNode node = anchors.get(name);
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
          int size = sizes.getOrDefault(node, 1);
          aliases++;
          aliasNodes += size;
          if (aliases > limits.maxAliases() || aliasNodes > limits.maxAliasNodes()) {
            fail(Diagnostic.of(at, Code.E006,
                "YAML aliases expand beyond the limit (" + limits.maxAliases() + " aliases, "
                    + limits.maxAliasNodes() + " values per document)",
                "write the values out instead of using anchors and aliases"));
          }
          Frame parent = top();
          if (parent != null && parent.isMap && parent.pendingKey == null) {
            if (!(node instanceof YScalar k)) {
              fail(Diagnostic.of(at, Code.E001, "a key must be text, not " + node.kind(),
                  "write keys as plain words, e.g. 'name:'"));
              return null;
            }
            parent.pendingKey = k.text();
            parent.pendingKeyAt = at;
            return null;
          }
          return add(node, size);
        }
        default -> {
          // Stream and document boundaries and comments carry nothing for the tree.
          return null;
        }
      }
    }

    @Override
    public void start(boolean isMap, SourceLocation at) {
      start(isMap, at, null);
    }

    private void start(boolean isMap, SourceLocation at, String anchor) {
      Frame parent = top();
      if (parent != null && parent.isMap && parent.pendingKey == null) {
        fail(Diagnostic.of(at, Code.E001,
            "a key must be text, not " + (isMap ? "a map" : "a list"),
            "write keys as plain words, e.g. 'name:'"));
      }
      if (stack.size() >= limits.maxDepth()) {
        fail(Diagnostic.of(at, Code.E004,
            "maps and lists are nested more than " + limits.maxDepth() + " levels deep",
            "flatten the structure; policy files need only a few levels"));
      }
      stack.add(new Frame(isMap, at, anchor));
    }

    @Override
    public YNode end() {
      Frame f = stack.remove(stack.size() - 1);
      YNode node = f.isMap ? new YMap(f.at, f.entries) : new YSeq(f.at, f.items);
      if (f.anchor != null) {
        // Only an anchored node can be aliased, so only its size is ever looked up.
        sizes.put(node, f.size + 1);
        anchors.put(f.anchor, node);
      }
      return add(node, f.size + 1);
    }

    @Override
    public YNode scalar(SourceLocation at, String text, ScalarType type) {
      return scalar(at, text, type, null);
    }

    private YNode scalar(SourceLocation at, String text, ScalarType type, String anchor) {
      checkLength(text, at);
      YScalar node = new YScalar(at, text, type);
      if (anchor != null) {
        anchors.put(anchor, node);
      }
      Frame parent = top();
      if (parent != null && parent.isMap && parent.pendingKey == null) {
        parent.pendingKey = text;
        parent.pendingKeyAt = at;
        return null;
      }
      return add(node, 1);
    }

    private void checkLength(String s, SourceLocation at) {
      if (s.length() > limits.maxStringLength()) {
        out.accept(tooLong(at, s.length(), limits));
      }
    }

    /** Adds a finished node to its parent; returns it when it is a document root. */
    private YNode add(YNode node, int size) {
      Frame parent = top();
      if (parent == null) {
        return node;
      }
      parent.size += size;
      if (parent.isMap) {
        String key = parent.pendingKey;
        SourceLocation keyAt = parent.pendingKeyAt;
        parent.pendingKey = null;
        SourceLocation first = parent.firstKey(key, keyAt);
        if (first != null) {
          out.accept(Diagnostic.of(keyAt, Code.E007,
              "duplicate key '" + Diagnostic.clip(key) + "' (first at line " + first.line()
                  + ", column " + first.column() + ")",
              "remove one of the two; the first is kept"));
        } else {
          parent.entries.add(new Entry(key, keyAt, node));
        }
      } else {
        parent.items.add(node);
      }
      return null;
    }
  }

  private static String anchorName(Optional<Anchor> anchor) {
    return anchor.isPresent() ? anchor.get().getValue() : null;
  }

  private static final String CORE = "tag:yaml.org,2002:";

  /**
   * The type of a scalar: by its tag when it has one of the core schema's (and the text fits),
   * text when quoted or a block scalar, else by YAML 1.2's core schema (10.3.2).
   */
  static ScalarType typeOf(ScalarEvent s) {
    String v = s.getValue();
    Optional<String> tag = s.getTag();
    if (tag.isPresent() && !tag.get().equals("!")) {
      return switch (tag.get().startsWith(CORE) ? tag.get().substring(CORE.length()) : "") {
        case "null" -> ScalarType.NULL;
        case "bool" -> coreType(v) == ScalarType.BOOL ? ScalarType.BOOL : ScalarType.STRING;
        case "int" -> coreType(v) == ScalarType.INT ? ScalarType.INT : ScalarType.STRING;
        case "float" -> {
          ScalarType t = coreType(v);
          yield t == ScalarType.INT || t == ScalarType.FLOAT ? ScalarType.FLOAT : ScalarType.STRING;
        }
        default -> ScalarType.STRING;
      };
    }
    return s.isPlain() ? coreType(v) : ScalarType.STRING;
  }

  /** YAML 1.2 core schema resolution of a plain scalar, by its first character first. */
  static ScalarType coreType(String v) {
    if (v.isEmpty()) {
      return ScalarType.NULL;
    }
    char c = v.charAt(0);
    if (c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.') {
      return numberType(v);
    }
    if (v.length() > 5 || "~nNtTfF".indexOf(c) < 0) {
      return ScalarType.STRING; // most text: no need to hash it for the switch below
    }
    return switch (v) {
      case "~", "null", "Null", "NULL" -> ScalarType.NULL;
      case "true", "True", "TRUE", "false", "False", "FALSE" -> ScalarType.BOOL;
      default -> ScalarType.STRING;
    };
  }

  /** INT for [-+]?[0-9]+, 0o[0-7]+, 0x[0-9a-fA-F]+; FLOAT for the core float forms; else text. */
  private static ScalarType numberType(String v) {
    int n = v.length();
    if (n > 2 && v.charAt(0) == '0' && (v.charAt(1) == 'o' || v.charAt(1) == 'x')) {
      int radix = v.charAt(1) == 'o' ? 8 : 16;
      for (int i = 2; i < n; i++) {
        if (Character.digit(v.charAt(i), radix) < 0 || v.charAt(i) > 'f') {
          return ScalarType.STRING;
        }
      }
      return ScalarType.INT;
    }
    int i = v.charAt(0) == '-' || v.charAt(0) == '+' ? 1 : 0;
    switch (v.substring(i)) {
      case ".inf", ".Inf", ".INF" -> {
        return ScalarType.FLOAT;
      }
      case ".nan", ".NaN", ".NAN" -> {
        return i == 0 ? ScalarType.FLOAT : ScalarType.STRING;
      }
      default -> {
        // fall through to the digits
      }
    }
    int intDigits = 0;
    while (i < n && isDigit(v.charAt(i))) {
      i++;
      intDigits++;
    }
    if (i == n) {
      return intDigits > 0 ? ScalarType.INT : ScalarType.STRING;
    }
    int fracDigits = 0;
    if (v.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(v.charAt(i))) {
        i++;
        fracDigits++;
      }
    }
    if (intDigits == 0 && fracDigits == 0) {
      return ScalarType.STRING;
    }
    if (i < n && (v.charAt(i) == 'e' || v.charAt(i) == 'E')) {
      i++;
      if (i < n && (v.charAt(i) == '-' || v.charAt(i) == '+')) {
        i++;
      }
      int expDigits = 0;
      while (i < n && isDigit(v.charAt(i))) {
        i++;
        expDigits++;
      }
      if (expDigits == 0) {
        return ScalarType.STRING;
      }
    }
    return i == n ? ScalarType.FLOAT : ScalarType.STRING;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** A map or list being built. */
  private static final class Frame {
    /** Up to this many keys a map finds duplicates by scanning its entries; then by hashing. */
    private static final int SCAN = 16;

    private static final int[] NO_HASHES = {};

    final boolean isMap;
    final SourceLocation at;
    final String anchor;
    final List<Entry> entries;
    final List<YNode> items;
    private Map<String, SourceLocation> keys;
    /** The hash of each key in {@link #entries}, while there are at most {@link #SCAN}. */
    private int[] hashes = NO_HASHES;
    String pendingKey;
    SourceLocation pendingKeyAt;
    int size;

    Frame(boolean isMap, SourceLocation at, String anchor) {
      this.isMap = isMap;
      this.at = at;
      this.anchor = anchor;
      this.entries = isMap ? new ArrayList<>() : List.of();
      this.items = isMap ? List.of() : new ArrayList<>();
    }

    /** Where {@code key} was first seen in this map, or null (and it is recorded) if not yet. */
    SourceLocation firstKey(String key, SourceLocation at) {
      if (keys == null) {
        // The hashes first: comparing ints in one array beats following each entry to its key.
        int h = key.hashCode();
        int count = entries.size();
        for (int i = 0; i < count; i++) {
          if (hashes[i] == h && entries.get(i).key().equals(key)) {
            return entries.get(i).keyAt();
          }
        }
        if (count < SCAN) {
          if (hashes == NO_HASHES) {
            hashes = new int[SCAN];
          }
          hashes[count] = h;
          return null;
        }
        keys = new HashMap<>();
        for (Entry e : entries) {
          keys.put(e.key(), e.keyAt());
        }
      }
      return keys.putIfAbsent(key, at);
    }
  }
}
