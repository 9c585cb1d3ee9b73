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
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    // Our own checks fire first and say where; Jackson's are the backstop.
                    .maxNestingDepth(limits.maxDepth() + 8)
                    .maxStringLength(codePoints)
                    .maxNumberLength(10_000)
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
    String text = decode(file, bytes, out);
    if (text == null) {
      return List.of();
    }
    return parse(file, text, out);
  }

  /** UTF-8 with an optional BOM; null (and an E002 at the first bad byte) for anything else. */
  static String decode(String file, byte[] bytes, Consumer<Diagnostic> out) {
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
      SourceLocation at = positionAfter(file, chars);
      out.accept(
          Diagnostic.of(
              at,
              Code.E002,
              String.format(
                  Locale.ROOT,
                  "the file is not UTF-8: invalid byte 0x%02X at byte offset %d",
                  bytes[in.position()] & 0xFF,
                  in.position()),
              "save the file as UTF-8 (most editors offer it under 'Save as' or 'Encoding')"));
      return null;
    }
    chars.flip();
    return chars.toString();
  }

  private static SourceLocation positionAfter(String file, CharSequence prefix) {
    int line = 1;
    int col = 1;
    for (int i = 0; i < prefix.length(); i++) {
      if (prefix.charAt(i) == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return new SourceLocation(file, line, col);
  }

  private List<Document> parse(String file, String text, Consumer<Diagnostic> out) {
    List<Document> docs = new ArrayList<>();
    Builder b = new Builder(file, out);
    boolean fatal = false;
    try (YAMLParser p =
        (YAMLParser) factory.createParser(ObjectReadContext.empty(), new StringReader(text))) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        YNode done = b.accept(p, t);
        if (done != null) {
          boolean empty = done instanceof YScalar s && s.isNull();
          docs.add(new Document(docs.size() + 1, done.at(), empty ? null : done));
          b.newDocument();
        }
      }
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
    } catch (RuntimeException e) {
      fatal = true;
      // snakeyaml-engine throws its own unchecked exceptions for some malformed input.
      out.accept(Diagnostic.of(SourceLocation.ofFile(file), Code.E001,
          "YAML syntax error: " + clean(String.valueOf(e.getMessage())), null));
    }
    if (docs.isEmpty() && !fatal) {
      docs.add(new Document(1, new SourceLocation(file, 1, 1), null));
    }
    return docs;
  }

  private static SourceLocation where(String file, JacksonException e) {
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
    private final Consumer<Diagnostic> out;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private Map<String, YNode> anchors = new HashMap<>();
    private final Map<YNode, Integer> sizes = new java.util.IdentityHashMap<>();
    private int aliases;
    private long aliasNodes;

    Builder(String file, Consumer<Diagnostic> out) {
      this.file = file;
      this.out = out;
    }

    void newDocument() {
      anchors = new HashMap<>();
      sizes.clear();
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
          sizes.put(node, f.size + 1);
          register(f.anchor, node);
          return add(node, f.size + 1);
        }
        default -> {
          YNode node;
          int size = 1;
          if (p.isCurrentAlias()) {
            String name = p.getString();
            node = anchors.get(name);
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
            node = new YScalar(at, text, typeOf(t, text));
            register(anchorOf(p), node);
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

  private static ScalarType typeOf(JsonToken t, String text) {
    return switch (t) {
      case VALUE_NULL -> ScalarType.NULL;
      case VALUE_TRUE, VALUE_FALSE -> ScalarType.BOOL;
      case VALUE_NUMBER_INT -> ScalarType.INT;
      case VALUE_NUMBER_FLOAT -> ScalarType.FLOAT;
      // YAML 1.2's core schema reads a plain ~ as null; Jackson hands it over as text.
      default -> "~".equals(text) ? ScalarType.NULL : ScalarType.STRING;
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
