package org.polcomp.load;

import java.nio.charset.StandardCharsets;
import org.polcomp.diagnostic.SourceLocation;
import org.polcomp.load.YNode.ScalarType;

/**
 * A scanner for the YAML that policy files are made of, which builds the same located trees as
 * snakeyaml-engine's parser in a fraction of its time, and gives up on anything else.
 *
 * <p>Why: reading YAML was three quarters of the time of every command, almost all of it in
 * snakeyaml-engine's general scanner (a token queue, possible simple keys, a look-ahead buffer
 * and a string per token). Policy files use a small part of YAML, which this class reads in one
 * pass over an array of the text's characters, without regular expressions.
 *
 * <p>What it accepts: documents whose root is a block map or a block list at column 0, separated
 * by {@code ---} (alone on its line, or with a comment) and ended by {@code ...}; block maps whose
 * keys are plain or quoted text on one line; block lists, also the compact {@code - key: value}
 * form and lists indented as far as their key; values that are plain scalars (also over several
 * lines), single- or double-quoted scalars on one line (the common escapes), literal and folded
 * block scalars with a chomping indicator, and flow lists and flow maps of such scalars on one
 * line; comments, blank lines, LF and CRLF line breaks.
 *
 * <p>What it refuses, by throwing {@link Bail} so that the caller hands the file to
 * snakeyaml-engine unchanged: anchors, aliases, tags, complex keys, directives, tabs, lone CR and
 * the other line breaks (NEL, LS, PS), a byte order mark inside the text, empty documents, a root
 * that is not a block collection, indentation that does not return to an open level, nested flow
 * collections, flow collections over several lines, quoted scalars over several lines, escapes
 * other than the common ones, block scalars with an indentation indicator, and every syntax
 * error. Where it accepts, every node and key gets the line and column snakeyaml-engine gives
 * (code points, the map at its first key, the list at its first '-', an empty value just after
 * its ':' or '-'), and the {@link Sink} gets the same calls in the same order as from the parser's
 * events, so its checks report the same diagnostics.
 */
final class BlockScanner {

  /** Receives the tree as the parser's events would give it; returns a root when one completes. */
  interface Sink {
    /** A map or a list starts. */
    void start(boolean isMap, SourceLocation at);

    /** The innermost map or list ends; returns it when it is the root, else null. */
    YNode end();

    /** A scalar (or a key); returns it when it is the root, else null. */
    YNode scalar(SourceLocation at, String text, ScalarType type);
  }

  /** Thrown where the text leaves the subset: the caller reads the file with snakeyaml-engine. */
  static final class Bail extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Bail() {
      super(null, null, false, false);
    }
  }

  private static final Bail BAIL = new Bail();

  /** The exception that hands a file to snakeyaml-engine (it carries nothing, so it is shared). */
  static Bail bail() {
    return BAIL;
  }

  /** Keys further than this from their ':' are not simple keys for snakeyaml-engine (1024). */
  private static final int MAX_KEY = 1000;

  private final String file;
  /**
   * The text's characters. The scanner reads this array, not the String: the launcher runs most
   * inputs with the quick compiler (C1), which does not inline {@code String.charAt} and its
   * index checks, and with it those calls were a tenth of the time of a whole comparison.
   */
  private final char[] s;
  private final int n;
  /**
   * The file's bytes when the text is ASCII, {@code s[i]} being {@code bytes[offset + i]}, else
   * null. Strings are made from them: copying bytes into a Latin-1 String is one array copy,
   * where making one from characters checks and narrows each of them, which the quick compiler
   * does one by one (1.4% of validating 2,000 municipalities).
   */
  private final byte[] bytes;
  private final int offset;
  private final Sink sink;
  /** Whether the text has characters outside the BMP (columns count code points). */
  private final boolean astral;
  private final StringBuilder sb = new StringBuilder();

  private int pos;
  private int line = 1;
  private int lineStart;
  /** Code point cursor for {@link #astral} texts: on line {@code cpLine}, index to column. */
  private int cpLine = -1;
  private int cpIndex;
  private int cpColumn;

  private boolean started;

  /**
   * A scanner of a text that {@link #reads} says it can read; {@code astral} when the text has a
   * surrogate pair (then columns count code points).
   */
  BlockScanner(String file, char[] text, boolean astral, Sink sink) {
    this(file, text, null, 0, astral, sink);
  }

  /**
   * A scanner of an ASCII text, whose characters are also {@code bytes} from {@code offset} on
   * (null when they are not).
   */
  BlockScanner(String file, char[] text, byte[] bytes, int offset, boolean astral, Sink sink) {
    this.file = file;
    this.s = text;
    this.n = text.length;
    this.bytes = bytes;
    this.offset = offset;
    this.sink = sink;
    this.astral = astral;
  }

  // The text of count characters from from, as a String.
  private String string(int from, int count) {
    return bytes != null ? new String(bytes, offset + from, count, StandardCharsets.ISO_8859_1)
        : new String(s, from, count);
  }

  /**
   * Whether the scanner may read the text at all: not with a character it leaves to
   * snakeyaml-engine, a tab, NEL, LS, PS, a byte order mark inside the text or a lone CR. The
   * reader asks this in the pass that measures the lines ({@link YamlReader}), so that a file is
   * gone over once before it is scanned, not twice.
   */
  static boolean reads(char c, char[] text, int i) {
    return !(c == '\t' || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xFEFF
        || c == '\r' && (i + 1 >= text.length || text[i + 1] != '\n'));
  }

  /** The root of the next document, or null at the end of the text. */
  YNode next() {
    if (!started) {
      started = true;
      skipToNextToken();
    }
    if (bailNext) {
      throw BAIL;
    }
    if (pos >= n) {
      return null;
    }
    if (pos != lineStart) {
      throw BAIL;
    }
    if (isMarker('-')) {
      pos += 3;
      restOfLineEmpty();
      skipToNextToken();
      if (pos >= n || pos != lineStart || isMarker('-') || isMarker('.')) {
        throw BAIL; // an empty document, or a root that is not at column 0
      }
    } else if (isMarker('.')) {
      throw BAIL;
    }
    YNode root;
    if (isEntry(pos)) {
      root = blockSeq(0);
    } else if (keyColon(pos) >= 0) {
      root = blockMap(0);
    } else {
      throw BAIL;
    }
    if (root == null) {
      throw BAIL;
    }
    // The root ends at the end of the text or at a document marker, nothing else.
    if (pos < n) {
      if (pos != lineStart) {
        throw BAIL;
      }
      if (isMarker('.')) {
        pos += 3;
        restOfLineEmpty();
        skipToNextToken();
        // snakeyaml-engine has handed on the document before it reads what follows '...'.
        bailNext = pos < n && !(pos == lineStart && isMarker('-'));
      } else if (!isMarker('-')) {
        throw BAIL;
      }
    }
    return root;
  }

  private boolean bailNext;

  // ---- blocks -------------------------------------------------------------------------------

  /** A block map whose first key is at {@code pos}, at column {@code col}. */
  private YNode blockMap(int col) {
    SourceLocation at = loc(pos);
    sink.start(true, at);
    boolean first = true;
    while (true) {
      int colon = keyColon(pos);
      if (colon < 0) {
        throw BAIL;
      }
      SourceLocation keyAt = first ? at : loc(pos);
      first = false;
      key(colon, keyAt);
      pos = colon + 1;
      value(col);
      // pos is at the next token on a later line, or at the end.
      if (levelEnds(col)) {
        return sink.end();
      }
      if (col == 0 && (isMarker('-') || isMarker('.'))) {
        return sink.end();
      }
      if (isEntry(pos)) {
        throw BAIL; // a '- ' where the map expects a key
      }
    }
  }

  /** The key from {@code pos} to its ':' at {@code colon}. */
  private void key(int colon, SourceLocation at) {
    char q = s[pos];
    if (q == '\'' || q == '"') {
      sink.scalar(at, quoted(), ScalarType.STRING);
      return;
    }
    int end = colon;
    while (s[end - 1] == ' ') {
      end--;
    }
    String text = KeyTable.FORMAT.find(s, pos, end - pos);
    if (text == null) {
      text = string(pos, end - pos);
    }
    sink.scalar(at, text, YamlReader.coreType(text));
  }

  /** The value after a ':' at {@code pos - 1} of a map at column {@code mapCol}. */
  private void value(int mapCol) {
    int colonEnd = pos;
    int colonLine = line;
    int colonLineStart = lineStart;
    skipSpaces();
    if (pos >= n || isBreak(s[pos]) || s[pos] == '#') {
      skipToNextToken();
      if (pos < n) {
        int c = column(pos);
        if (c > mapCol) {
          nodeOnOwnLine(c, mapCol);
          return;
        }
        if (c == mapCol && isEntry(pos)) {
          blockSeq(c);
          return;
        }
      }
      sink.scalar(locAt(colonLine, colonLineStart, colonEnd), "", ScalarType.NULL);
      return;
    }
    if (isEntry(pos)) {
      throw BAIL; // 'key: - item'
    }
    inline(mapCol);
  }

  /** A block list whose first '-' is at {@code pos}, at column {@code col}. */
  private YNode blockSeq(int col) {
    sink.start(false, loc(pos));
    while (true) {
      pos++;
      int dashEnd = pos;
      int dashLine = line;
      int dashLineStart = lineStart;
      skipSpaces();
      if (pos >= n || isBreak(s[pos]) || s[pos] == '#') {
        skipToNextToken();
        int c = pos < n ? column(pos) : -1;
        if (c > col) {
          nodeOnOwnLine(c, col);
        } else {
          sink.scalar(locAt(dashLine, dashLineStart, dashEnd), "", ScalarType.NULL);
        }
      } else if (isEntry(pos)) {
        throw BAIL; // '- - item'
      } else if (keyColon(pos) >= 0) {
        blockMap(column(pos));
      } else {
        inline(col);
      }
      if (levelEnds(col)) {
        return sink.end();
      }
      if (!isEntry(pos) || col == 0 && isMarker('-')) {
        return sink.end();
      }
    }
  }

  /**
   * Whether the map or list at column {@code col} ends at {@code pos}: at the end of the text or
   * at a line indented less. A line indented more, where the next entry should stand, is left
   * to snakeyaml-engine (an error or a form this scanner does not read).
   */
  private boolean levelEnds(int col) {
    if (pos >= n) {
      return true;
    }
    int c = column(pos);
    if (c > col) {
      throw BAIL;
    }
    return c < col;
  }

  /** A node that starts a line, at column {@code col} deeper than {@code indent}. */
  private void nodeOnOwnLine(int col, int indent) {
    if (isEntry(pos)) {
      blockSeq(col);
    } else if (keyColon(pos) >= 0) {
      blockMap(col);
    } else {
      inline(indent);
    }
  }

  /**
   * A scalar or flow collection at {@code pos} in a block whose scanner indent is {@code
   * indent}; afterwards pos is at the next token, which must be on a later line.
   */
  private void inline(int indent) {
    char c = s[pos];
    int startLine = line;
    switch (c) {
      case '[', '{' -> flow();
      case '\'', '"' -> sink.scalar(loc(pos), quoted(), ScalarType.STRING);
      case '|', '>' -> blockScalar(indent);
      default -> plain(indent);
    }
    skipToNextToken();
    if (pos < n && line == startLine) {
      throw BAIL; // more on the line of a complete value
    }
  }

  // ---- scalars ------------------------------------------------------------------------------

  /** A plain scalar in the block context; multi-line when further lines are deep enough. */
  private void plain(int indent) {
    char c = s[pos];
    if (!plainStart(c)) {
      throw BAIL;
    }
    SourceLocation at = loc(pos);
    int plainIndent = indent + 1;
    int start = pos;
    int end = pos;
    boolean built = false;
    int spacesFrom = -1; // same-line spaces before the next chunk: [spacesFrom, pos)
    int breaks = -1; // or line breaks before the next chunk: -1 none, 0 one, k: k blank lines
    while (true) {
      if (pos < n && s[pos] == '#') {
        break;
      }
      int from = pos;
      while (pos < n) {
        char d = s[pos];
        if (d == ' ' || d == '\n' || d == '\r' || d == ':' && blankAt(pos + 1)) {
          break;
        }
        pos++;
      }
      if (pos == from) {
        break;
      }
      if (breaks >= 0) {
        if (!built) {
          sb.setLength(0);
          sb.append(s, start, end - start);
          built = true;
        }
        if (breaks == 0) {
          sb.append(' ');
        } else {
          for (int k = 0; k < breaks; k++) {
            sb.append('\n');
          }
        }
        sb.append(s, from, pos - from);
      } else if (built) {
        sb.append(s, spacesFrom, pos - spacesFrom);
      }
      end = pos;
      // The spaces after the chunk, and line breaks.
      int sp = pos;
      while (pos < n && s[pos] == ' ') {
        pos++;
      }
      breaks = -1;
      spacesFrom = sp;
      if (pos < n && isBreak(s[pos])) {
        newLine();
        if (lineIsMarker()) {
          break;
        }
        int count = 0;
        while (true) {
          if (pos < n && s[pos] == ' ') {
            pos++;
          } else if (pos < n && isBreak(s[pos])) {
            count++;
            newLine();
            if (lineIsMarker()) {
              count = -2;
              break;
            }
          } else {
            break;
          }
        }
        if (count == -2) {
          break;
        }
        breaks = count;
        if (pos < n && s[pos] == '#' || column(pos) < plainIndent) {
          break;
        }
      } else if (pos == sp || pos < n && s[pos] == '#') {
        break;
      }
    }
    String text = built ? sb.toString() : string(start, end - start);
    if (pos < n && s[pos] == ':' && blankAt(pos + 1)) {
      throw BAIL; // 'a: b: c', or a key over several lines
    }
    sink.scalar(at, text, YamlReader.coreType(text));
  }

  /** Whether a plain scalar may start with {@code c} (at {@code pos}) in the block context. */
  private boolean plainStart(char c) {
    switch (c) {
      case '-' -> {
        return !blankAt(pos + 1);
      }
      case '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@',
          '`', ' ', '\n', '\r' -> {
        return false;
      }
      default -> {
        return true;
      }
    }
  }

  /** A quoted scalar on one line at {@code pos}; pos ends after its closing quote. */
  private String quoted() {
    char q = s[pos];
    int i = pos + 1;
    int runStart = i;
    boolean built = false;
    while (true) {
      if (i >= n) {
        throw BAIL;
      }
      char c = s[i];
      if (c == '\n' || c == '\r') {
        throw BAIL;
      }
      if (c == q) {
        if (q == '\'' && i + 1 < n && s[i + 1] == '\'') {
          if (!built) {
            sb.setLength(0);
            built = true;
          }
          sb.append(s, runStart, i + 1 - runStart);
          i += 2;
          runStart = i;
          continue;
        }
        break;
      }
      if (c == '\\' && q == '"') {
        if (!built) {
          sb.setLength(0);
          built = true;
        }
        sb.append(s, runStart, i - runStart);
        char e = i + 1 < n ? s[i + 1] : 0;
        char r = switch (e) {
          case '0' -> '\0';
          case 'a' -> '\u0007';
          case 'b' -> '\b';
          case 't' -> '\t';
          case 'n' -> '\n';
          case 'v' -> '\u000B';
          case 'f' -> '\f';
          case 'r' -> '\r';
          case 'e' -> '\u001B';
          case ' ' -> ' ';
          case '"' -> '"';
          case '/' -> '/';
          case '\\' -> '\\';
          case 'N' -> '\u0085';
          case '_' -> '\u00A0';
          default -> throw BAIL;
        };
        sb.append(r);
        i += 2;
        runStart = i;
        continue;
      }
      i++;
    }
    String text;
    if (built) {
      sb.append(s, runStart, i - runStart);
      text = sb.toString();
    } else {
      text = string(pos + 1, i - pos - 1);
    }
    pos = i + 1;
    return text;
  }

  /** A literal or folded block scalar at {@code pos}, in a block of scanner indent {@code indent}. */
  private void blockScalar(int indent) {
    SourceLocation at = loc(pos);
    boolean folded = s[pos] == '>';
    pos++;
    char chomp = 0;
    if (pos < n && (s[pos] == '-' || s[pos] == '+')) {
      chomp = s[pos];
      pos++;
    }
    if (pos < n && !(s[pos] == ' ' || isBreak(s[pos]))) {
      throw BAIL; // an indentation indicator, or something else
    }
    restOfLineEmpty();
    if (pos < n) {
      newLine();
    }
    int minIndent = Math.max(indent + 1, 1);
    // The indentation: the most spaces on the leading blank lines and the first content line.
    int breaks = 0;
    int maxIndent = 0;
    while (pos < n) {
      char c = s[pos];
      if (c == ' ') {
        pos++;
        maxIndent = Math.max(maxIndent, pos - lineStart);
      } else if (isBreak(c)) {
        newLine();
        breaks++;
      } else {
        break;
      }
    }
    int col = pos - lineStart;
    if (col > 0 && col < maxIndent) {
      throw BAIL; // leading blank lines with more spaces than the first line: an error
    }
    // snakeyaml-engine 3.0.1 takes the first line's indentation, not the most spaces.
    int blockIndent = Math.max(minIndent, col);
    sb.setLength(0);
    boolean lineBreak = false;
    while (pos - lineStart == blockIndent && pos < n) {
      for (int k = 0; k < breaks; k++) {
        sb.append('\n');
      }
      boolean leadingNonSpace = s[pos] != ' ';
      int from = pos;
      while (pos < n && !isBreak(s[pos])) {
        pos++;
      }
      sb.append(s, from, pos - from);
      lineBreak = pos < n;
      if (lineBreak) {
        newLine();
      }
      breaks = scalarBreaks(blockIndent);
      if (pos - lineStart == blockIndent && pos < n) {
        if (folded && lineBreak && leadingNonSpace && s[pos] != ' ') {
          if (breaks == 0) {
            sb.append(' ');
          }
        } else if (lineBreak) {
          sb.append('\n');
        }
      } else {
        break;
      }
    }
    if (chomp != '-' && lineBreak) {
      sb.append('\n');
    }
    if (chomp == '+') {
      for (int k = 0; k < breaks; k++) {
        sb.append('\n');
      }
    }
    sink.scalar(at, sb.toString(), ScalarType.STRING);
  }

  /** snakeyaml-engine's scanBlockScalarBreaks: the line breaks before the next content line. */
  private int scalarBreaks(int indent) {
    int count = 0;
    while (pos - lineStart < indent && pos < n && s[pos] == ' ') {
      pos++;
    }
    while (pos < n && isBreak(s[pos])) {
      newLine();
      count++;
      while (pos - lineStart < indent && pos < n && s[pos] == ' ') {
        pos++;
      }
    }
    return count;
  }

  // ---- flow collections ---------------------------------------------------------------------

  /** A flow list or map (of scalars and flow collections), closed on the same line. */
  private void flow() {
    boolean isMap = s[pos] == '{';
    char close = isMap ? '}' : ']';
    sink.start(isMap, loc(pos));
    pos++;
    flowSpaces();
    if (s[pos] == close) {
      pos++;
      sink.end();
      return;
    }
    while (true) {
      if (isMap) {
        char k = s[pos];
        if (k == '[' || k == '{') {
          throw BAIL; // a key that is not text
        }
        int keyStart = pos;
        flowScalar();
        flowSpaces();
        char c = s[pos];
        if (c == ':') {
          if (pos - keyStart > MAX_KEY) {
            throw BAIL; // too long for a simple key
          }
          pos++;
          int colonEnd = pos;
          flowSpaces();
          c = s[pos];
          if (c == ',' || c == '}') {
            sink.scalar(loc(colonEnd), "", ScalarType.NULL);
          } else {
            flowNode();
            flowSpaces();
          }
        } else if (c == ',' || c == '}') {
          sink.scalar(loc(pos), "", ScalarType.NULL); // '{a, b: c}': a has no value
        } else {
          throw BAIL;
        }
      } else {
        flowNode();
        flowSpaces();
      }
      char c = s[pos];
      if (c == close) {
        pos++;
        sink.end();
        return;
      }
      if (c != ',') {
        throw BAIL;
      }
      pos++;
      flowSpaces();
      char d = s[pos];
      if (d == close || d == ',') {
        throw BAIL; // a trailing ',', or an empty entry
      }
    }
  }

  /** A scalar or a nested flow collection inside a flow collection. */
  private void flowNode() {
    char c = s[pos];
    if (c == '[' || c == '{') {
      flow();
    } else {
      flowScalar();
    }
  }

  /** Spaces inside a flow collection; the end of the line or of the text is left to snakeyaml. */
  private void flowSpaces() {
    while (pos < n && s[pos] == ' ') {
      pos++;
    }
    if (pos >= n || isBreak(s[pos]) || s[pos] == '#') {
      throw BAIL;
    }
  }

  /** A quoted or plain scalar inside a flow collection. */
  private void flowScalar() {
    char c = s[pos];
    if (c == '\'' || c == '"') {
      SourceLocation at = loc(pos);
      sink.scalar(at, quoted(), ScalarType.STRING);
      return;
    }
    switch (c) {
      case '-', '?' -> {
        char d = pos + 1 < n ? s[pos + 1] : ' ';
        if (c == '?' || d == ' ' || d == '\n' || d == '\r' || d == ',' || d == ']') {
          throw BAIL;
        }
      }
      case ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '%', '@', '`' ->
          throw BAIL;
      default -> {
        // a plain scalar
      }
    }
    SourceLocation at = loc(pos);
    int start = pos;
    int end = pos;
    while (true) {
      int from = pos;
      while (pos < n) {
        char d = s[pos];
        if (d == ' ' || d == '\n' || d == '\r' || d == ',' || d == '[' || d == ']' || d == '{'
            || d == '}' || d == ':' && flowBlankAt(pos + 1)) {
          break;
        }
        pos++;
      }
      if (pos == from) {
        break;
      }
      end = pos;
      while (pos < n && s[pos] == ' ') {
        pos++;
      }
      if (pos >= n || isBreak(s[pos])) {
        throw BAIL; // a plain scalar going on in the next line
      }
      if (pos == end || s[pos] == '#') {
        break;
      }
    }
    String text = string(start, end - start);
    sink.scalar(at, text, YamlReader.coreType(text));
  }

  private boolean flowBlankAt(int i) {
    if (i >= n) {
      return true;
    }
    char c = s[i];
    return c == ' ' || c == '\n' || c == '\r' || c == ',' || c == '[' || c == ']' || c == '{'
        || c == '}';
  }

  // ---- lines and positions ------------------------------------------------------------------

  /**
   * The index of the ':' that ends a simple key starting at {@code p} on its line, or -1 when the
   * line does not start with one.
   */
  private int keyColon(int p) {
    char c = s[p];
    int i;
    if (c == '\'' || c == '"') {
      i = p + 1;
      while (true) {
        if (i >= n) {
          return -1;
        }
        char d = s[i];
        if (d == '\n' || d == '\r') {
          return -1;
        }
        if (d == c) {
          if (c == '\'' && i + 1 < n && s[i + 1] == '\'') {
            i += 2;
            continue;
          }
          break;
        }
        i += d == '\\' && c == '"' ? 2 : 1;
      }
      i++;
      while (i < n && s[i] == ' ') {
        i++;
      }
      return i < n && s[i] == ':' && blankAt(i + 1) && i - p <= MAX_KEY ? i : -1;
    }
    int save = pos;
    pos = p;
    boolean ok = plainStart(c);
    pos = save;
    if (!ok) {
      return -1;
    }
    for (i = p; i < n && i - p <= MAX_KEY; i++) {
      char d = s[i];
      if (d == '\n' || d == '\r') {
        return -1;
      }
      if (d == ' ' && i + 1 < n && s[i + 1] == '#') {
        return -1;
      }
      if (d == ':' && blankAt(i + 1)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether {@code pos} is at a block entry '-' followed by a blank. */
  private boolean isEntry(int p) {
    return s[p] == '-' && blankAt(p + 1);
  }

  /** Whether the line at {@code pos} (its start) is '---' or '...' followed by a blank. */
  private boolean isMarker(char c) {
    return pos + 2 < n && s[pos] == c && s[pos + 1] == c && s[pos + 2] == c
        && blankAt(pos + 3);
  }

  /** snakeyaml-engine's check inside a plain scalar: '---' (anything after) or '...' + blank. */
  private boolean lineIsMarker() {
    if (pos + 2 < n && s[pos] == '-' && s[pos + 1] == '-'
        && s[pos + 2] == '-') {
      return true;
    }
    return isMarker('.');
  }

  private boolean blankAt(int i) {
    if (i >= n) {
      return true;
    }
    char c = s[i];
    return c == ' ' || c == '\n' || c == '\r';
  }

  private static boolean isBreak(char c) {
    return c == '\n' || c == '\r';
  }

  /** Steps over the line break at {@code pos}. */
  private void newLine() {
    pos += s[pos] == '\r' ? 2 : 1;
    line++;
    lineStart = pos;
  }

  private void skipSpaces() {
    while (pos < n && s[pos] == ' ') {
      pos++;
    }
  }

  /** The rest of a line after a marker or block scalar header: spaces and a comment only. */
  private void restOfLineEmpty() {
    if (pos < n && s[pos] != ' ' && !isBreak(s[pos])) {
      throw BAIL;
    }
    skipSpaces();
    if (pos < n && s[pos] == '#') {
      if (s[pos - 1] != ' ') {
        throw BAIL;
      }
      while (pos < n && !isBreak(s[pos])) {
        pos++;
      }
    }
    if (pos < n && !isBreak(s[pos])) {
      throw BAIL;
    }
  }

  /** snakeyaml-engine's scanToNextToken: spaces, comments and line breaks. */
  private void skipToNextToken() {
    while (pos < n) {
      char c = s[pos];
      if (c == ' ') {
        pos++;
      } else if (c == '#') {
        while (pos < n && !isBreak(s[pos])) {
          pos++;
        }
      } else if (isBreak(c)) {
        newLine();
      } else {
        return;
      }
    }
  }

  /** The 0-based column of {@code i} on the current line, in code points. */
  private int column(int i) {
    if (!astral) {
      return i - lineStart;
    }
    if (cpLine != line || i < cpIndex) {
      cpLine = line;
      cpIndex = lineStart;
      cpColumn = 0;
    }
    cpColumn += Character.codePointCount(s, cpIndex, i - cpIndex);
    cpIndex = i;
    return cpColumn;
  }

  private SourceLocation loc(int i) {
    return new SourceLocation(file, line, column(i) + 1);
  }

  private SourceLocation locAt(int atLine, int atLineStart, int i) {
    int col = astral ? Character.codePointCount(s, atLineStart, i - atLineStart)
        : i - atLineStart;
    return new SourceLocation(file, atLine, col + 1);
  }
}
