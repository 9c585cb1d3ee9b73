package org.polcomp.load;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.polcomp.diagnostic.Code;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.diagnostic.SourceLocation;
import org.polcomp.model.Dataset;
import org.polcomp.model.Dataset.InputFile;
import org.polcomp.model.Municipality;

/**
 * Reads a dataset from paths (FORMAT.md "Files and documents"): files and directories, searched
 * recursively in sorted order, hidden entries skipped, symbolic links to directories not followed.
 * Files are read and parsed in parallel, each thread taking the next file when it is done with
 * one ({@link Shared}); results keep path order, so output does not depend on the number of
 * threads.
 */
public final class DatasetLoader {
  /** The most diagnostics of one code listed for one file; the rest are counted (E/W same). */
  public static final int MAX_DIAGNOSTICS_PER_CODE = 1000;

  /** Files smaller than this are weighed whole while they are read (see readFile). */
  private static final int SMALL_FILE = 1 << 20;

  private final Limits limits;
  private final boolean parallel;
  private final Progress progress;
  private final boolean hash;
  private final YamlReader reader;
  // Shared by every file's binder: one instance of each vocabulary value in the whole dataset.
  private final PolicyBinder.Canonical canonical = new PolicyBinder.Canonical();
  // The files being read share the heap: however many threads read, their files fit in it.
  private final MemoryBudget budget = MemoryBudget.ofHeap(Runtime.getRuntime().maxMemory());

  public DatasetLoader(Limits limits, boolean parallel) {
    this(limits, parallel, Progress.NONE);
  }

  /** A loader that tells {@code progress} how far it is (a progress bar, say). */
  public DatasetLoader(Limits limits, boolean parallel, Progress progress) {
    this(limits, parallel, progress, true);
  }

  /**
   * A loader that tells {@code progress} how far it is and records the SHA-256 of each file it
   * reads only when {@code hash} (otherwise {@link InputFile#sha256} is null).
   */
  public DatasetLoader(Limits limits, boolean parallel, Progress progress, boolean hash) {
    this.limits = limits;
    this.parallel = parallel;
    this.progress = progress;
    this.hash = hash;
    // One reader (and so one YAML factory) for every file: building it costs more than a file.
    this.reader = new YamlReader(limits);
  }

  /**
   * Gives the values the dataset is likely to repeat (the codebook's ids, the format's
   * vocabularies) to the binder's shared values before any file is read. A value read is then
   * the very instance that the validator's and the classifier's sets and maps hold, and they
   * find it by reference instead of comparing its characters: those comparisons were a fortieth
   * of validating 100,000 municipalities. The values read are the same either way.
   */
  public void share(Collection<String> words) {
    for (String w : words) {
      canonical.of(w);
    }
  }

  /**
   * The dataset, every diagnostic found while reading it, and the files read by their identity
   * (for a run that must not write over one of them).
   */
  public record Result(Dataset dataset, List<Diagnostic> diagnostics, ReadFiles read) {
    public Result {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /** What one file gave. */
  private record FileResult(InputFile file, List<Municipality> municipalities,
      List<Diagnostic> diagnostics) {}

  /**
   * Reads every file under {@code paths}. {@code perDocument} sees each municipality with full
   * locations (validation runs there) and returns what the dataset keeps.
   */
  public Result load(List<Path> paths, UnaryOperator<Municipality> perDocument) {
    return load(paths, (m, out) -> perDocument.apply(m));
  }

  /**
   * What is done with each document read, on the thread that read it: {@code file} is the index
   * of its file among the files read (its place in {@link Dataset#files()}), {@code m} the
   * municipality with full locations and {@code out} the sink for its diagnostics (which then
   * count against the file's cap and stay with the file's). Returns what the dataset keeps.
   */
  @FunctionalInterface
  public interface PerDocument {
    Municipality apply(int file, Municipality m, Consumer<Diagnostic> out);
  }

  /**
   * Reads every file under {@code paths}. {@code perDocument} sees each municipality with full
   * locations and a sink for its diagnostics (which then count against the file's cap and stay
   * with the file's), and returns what the dataset keeps.
   */
  public Result load(List<Path> paths,
      BiFunction<Municipality, Consumer<Diagnostic>, Municipality> perDocument) {
    return load(paths, (file, m, out) -> perDocument.apply(m, out));
  }

  /** As {@link #load(List, BiFunction)}, telling {@code perDocument} which file it reads. */
  public Result load(List<Path> paths, PerDocument perDocument) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    Map<Path, Object> keys = new IdentityHashMap<>();
    for (Path p : paths) {
      collect(p, files, keys, diagnostics);
    }
    Set<Object> identities = new HashSet<>();
    List<Path> distinct = distinct(files, keys, identities);
    return read(distinct, identities, diagnostics, perDocument);
  }

  /** Reads the given files (no directory walk), in this order; for callers that list them. */
  public Result loadFiles(List<Path> files,
      BiFunction<Municipality, Consumer<Diagnostic>, Municipality> perDocument) {
    Set<Object> identities = new HashSet<>();
    List<Path> distinct = distinct(files, Map.of(), identities);
    return read(distinct, identities, new ArrayList<>(),
        (file, m, out) -> perDocument.apply(m, out));
  }

  /**
   * The files without repeats of the same real file ({@code a.yaml a.yaml}, a folder and a file
   * in it, {@code ./x} and {@code x}, a link and its target): each is read once, under the name
   * it was first reached by, so that it is not a duplicate of itself. {@code keys} holds the
   * identities the walk of a folder found already, by the very path instances of {@code files}:
   * asking the system again cost a fifth of a second before reading 100,000 files, on the one
   * thread that lists them. The identities of the files kept are added to {@code seen}.
   */
  private static List<Path> distinct(List<Path> files, Map<Path, Object> keys, Set<Object> seen) {
    List<Path> kept = new ArrayList<>(files.size());
    for (Path f : files) {
      Object key = keys.get(f);
      if (seen.add(key != null ? key : identity(f))) {
        kept.add(f);
      }
    }
    return kept;
  }

  /** What makes two paths the same file: its file key (device and inode), else its real path. */
  static Object identity(Path f) {
    try {
      Object key = Files.readAttributes(f, BasicFileAttributes.class).fileKey();
      return key != null ? key : f.toRealPath();
    } catch (IOException | SecurityException e) {
      // Unreadable: kept by its name, so that reading it reports the problem once per name.
      return f.toAbsolutePath().normalize();
    }
  }

  private Result read(List<Path> files, Set<Object> identities, List<Diagnostic> diagnostics,
      PerDocument perDocument) {
    progress.start(files.size());
    // Files that come from disk are fetched a little ahead of the threads that read them.
    ReadAhead ahead = ReadAhead.start(files);
    List<FileResult> results;
    try {
      results = Shared.map(files.size(), parallel, i -> {
        ahead.reached(i);
        // Counted as read, before perDocument may drop the measures (validate keeps counts
        // only).
        int[] measures = new int[1];
        Path file = files.get(i);
        // One look at the file for its budget, its kind and its size: at 100,000 files each
        // more stat cost a twentieth of a second of CPU.
        Stat stat = Stat.of(file);
        FileResult r;
        try (MemoryBudget.Share share = budget.take(sizeInMemory(file, stat))) {
          r = readFile(file, stat, share, (m, out) -> {
            measures[0] += m.measures().size();
            return perDocument.apply(i, m, out);
          });
        }
        progress.fileDone(measures[0]);
        return r;
      });
    } finally {
      ahead.stop();
    }
    progress.done();
    List<Municipality> municipalities = new ArrayList<>();
    List<InputFile> inputs = new ArrayList<>();
    for (FileResult r : results) {
      inputs.add(r.file());
      municipalities.addAll(r.municipalities());
      diagnostics.addAll(r.diagnostics());
    }
    return new Result(new Dataset(municipalities, inputs), diagnostics,
        new ReadFiles(files, identities));
  }

  /**
   * The path as users see it: as given, with forward slashes. Only the system's own separator
   * is turned into one: on Linux a backslash is part of a file name and is shown as written.
   */
  public static String display(Path p) {
    String sep = p.getFileSystem().getSeparator();
    return sep.equals("/") ? p.toString() : p.toString().replace(sep, "/");
  }

  /** Lists the policy files under a path, sorted; reports unreadable entries. */
  public static void collect(Path root, List<Path> into, List<Diagnostic> diagnostics) {
    collect(root, into, new IdentityHashMap<>(), diagnostics);
  }

  /**
   * As {@link #collect(Path, List, List)}, recording in {@code keys} the identity ({@link
   * #identity}) of each regular file that the walk saw, by the path added to {@code into}.
   */
  static void collect(Path root, List<Path> into, Map<Path, Object> keys,
      List<Diagnostic> diagnostics) {
    if (CsvGrids.isSheetFolder(root)) {
      // A data-entry workbook exported as CSV files: one input, read as a workbook.
      into.add(normal(root));
      return;
    }
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      if (Files.isDirectory(root)) {
        // A link to a directory named on the command line: the user asked for it explicitly.
        root = root.resolve(".");
      } else {
        into.add(root);
        return;
      }
    }
    List<Path> found = new ArrayList<>();
    // the walk's own look at each regular file: its device and inode, which identity() would ask
    // for again (a link is left to identity(), which follows it)
    List<Object> foundKeys = new ArrayList<>();
    Path start = root;
    try {
      Files.walkFileTree(start, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          if (!dir.equals(start) && isHidden(dir)) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          // Without FOLLOW_LINKS a link to a directory arrives here as a file: skip it.
          if (!isHidden(file) && isPolicyFile(file) && !attrs.isDirectory()
              && !(attrs.isSymbolicLink() && Files.isDirectory(file))) {
            found.add(file);
            foundKeys.add(attrs.isRegularFile() ? attrs.fileKey() : null);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          diagnostics.add(Diagnostic.of(SourceLocation.ofFile(display(normal(file))), Code.E023,
              "cannot read " + display(normal(file)) + ": " + describe(e), hintFor(e)));
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      diagnostics.add(Diagnostic.of(SourceLocation.ofFile(display(root)), Code.E023,
          "cannot read " + display(root) + ": " + describe(e), hintFor(e)));
    }
    List<Path> normalised = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      Path n = normal(found.get(i));
      normalised.add(n);
      if (foundKeys.get(i) != null) {
        keys.put(n, foundKeys.get(i));
      }
    }
    normalised.sort((a, b) -> display(a).compareTo(display(b)));
    if (normalised.isEmpty()) {
      diagnostics.add(Diagnostic.of(SourceLocation.ofFile(display(normal(root))), Code.W007,
          "no policy files (*.yaml, *.yml) under " + display(normal(root)),
          "policy files end in .yaml or .yml; hidden files and folders (.name) are skipped"));
    }
    into.addAll(normalised);
  }

  private static Path normal(Path p) {
    Path n = p.normalize();
    return n.toString().isEmpty() ? Path.of(".") : n;
  }

  private static boolean isHidden(Path p) {
    Path name = p.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  private static boolean isPolicyFile(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  /**
   * Why a path named on the command line cannot be read, in the user's words: "no such file or
   * directory" only when that is so, else what the system said (a path longer than it allows, a
   * folder without permission); null when the path is there.
   */
  public static String whyUnreadable(Path p) {
    try {
      Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return null;
    } catch (NoSuchFileException e) {
      return unopenableName(p.toString()) ? "no file of this name can be opened: its name is"
          + " not valid in the locale's character set (" + namesCharset() + ")"
          : "no such file or directory";
    } catch (IOException e) {
      String why = describe(e);
      if (why.toLowerCase(Locale.ROOT).contains("name too long")) {
        return String.format(Locale.ROOT, "the path has %,d characters, more than this system"
            + " allows in a path or in one of its names", p.toString().length());
      }
      return why;
    } catch (SecurityException e) {
      return "permission denied";
    }
  }

  /**
   * Whether a name given on the command line lost characters on its way in: Java decodes the
   * arguments and file names with the locale's character set (ASCII under {@code LC_ALL=C}), and
   * what it cannot decode becomes U+FFFD, so that no file of the name as given can be opened.
   */
  public static boolean unopenableName(String name) {
    return name.indexOf('\uFFFD') >= 0;
  }

  /** The character set Java reads file names and arguments with. */
  static String namesCharset() {
    return System.getProperty("sun.jnu.encoding", "unknown");
  }

  /** What to do about a name that {@link #unopenableName} says cannot be opened. */
  public static String unopenableNameHint() {
    String cs = namesCharset();
    if (cs.equalsIgnoreCase("UTF-8") || cs.equalsIgnoreCase("UTF8")) {
      return "the name is not UTF-8 (a Latin-1 name, say): rename the file (convmv -f latin1 -t"
          + " utf8 NAME), or name the folder it is in";
    }
    return "run polcomp under a UTF-8 locale, e.g. LC_ALL=C.UTF-8 (bin/polcomp does so under"
        + " the C locale), or name the folder the file is in";
  }

  static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      // getMessage() repeats the path, which the diagnostic already names.
      return f.getReason();
    }
    String msg = e.getMessage();
    // never the exception's class name: the user reads this, not a Java programmer
    return msg == null || msg.isBlank() ? "an input/output error" : msg;
  }

  /**
   * The size a file is weighed by in the memory budget before it is read: its size; a workbook's
   * eight times that, as its XML is packed (an assumption: office XML packs about tenfold); the
   * CSV files of a sheet folder together. 0 when it cannot be read (its error costs nothing).
   */
  private static long sizeInMemory(Path path, Stat stat) {
    BasicFileAttributes a = stat.attributes();
    if (a == null) {
      return 0;
    }
    try {
      if (a.isDirectory()) {
        long sum = 0;
        try (var s = Files.list(path)) {
          for (Path p : (Iterable<Path>) s::iterator) {
            if (Files.isRegularFile(p)) {
              sum += Files.size(p);
            }
          }
        }
        return sum;
      }
      if (!a.isRegularFile()) {
        return 0;
      }
      return isWorkbook(path) ? a.size() * 8 : a.size();
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private FileResult readFile(Path path, Stat stat, MemoryBudget.Share share,
      BiFunction<Municipality, Consumer<Diagnostic>, Municipality> perDocument) {
    String name = display(path);
    List<Diagnostic> diags = new ArrayList<>();
    List<Municipality> municipalities = new ArrayList<>();
    if (stat.attributes() != null && stat.attributes().isDirectory()
        && CsvGrids.isSheetFolder(path)) {
      DiagnosticCap sink = new DiagnosticCap(diags::add, MAX_DIAGNOSTICS_PER_CODE);
      bindSheets(name, CsvGrids.read(path, name, limits, sink), sink, municipalities,
          perDocument);
      sink.finish();
      return new FileResult(new InputFile(name, 0, null), municipalities, diags);
    }
    boolean workbook = isWorkbook(path);
    Bytes read =
        readLimited(path, stat, name, workbook ? "workbook" : "policy file", limits, diags);
    if (read.bytes() == null) {
      return new FileResult(new InputFile(name, read.size(), null), municipalities, diags);
    }
    byte[] bytes = read.bytes();
    DiagnosticCap sink = new DiagnosticCap(diags::add, MAX_DIAGNOSTICS_PER_CODE);
    if (workbook) {
      bindSheets(name, XlsxGrids.read(name, bytes, limits, sink), sink, municipalities,
          perDocument);
      sink.finish();
      return new FileResult(input(name, bytes), municipalities,
          diags);
    }
    // Its documents known, a file of many gives back what its largest does not need. A file under
    // a mebibyte is not looked through for them: its share is small either way, and that pass
    // over every byte was a fiftieth of reading 2,000 such files.
    long held = bytes.length < SMALL_FILE ? bytes.length : MemoryBudget.heldBytes(bytes);
    share.shrinkTo(held);
    long heap = Runtime.getRuntime().maxMemory();
    if (!MemoryBudget.fitsHeap(held, heap)) {
      diags.add(Diagnostic.of(SourceLocation.ofFile(name), Code.E023, String.format(Locale.ROOT,
          "cannot read %s in this heap: a document of it needs about %,d MiB of memory, the"
              + " JVM has %,d MiB", name,
          (held * MemoryBudget.MEASURED_PER_BYTE + MemoryBudget.BASELINE) >> 20, heap >> 20),
          String.format(Locale.ROOT, "give the JVM more (JAVA_OPTS=-Xmx%dm), or split the file"
              + " into documents of one municipality each", Math.max(1024, 2 * (heap >> 20)))));
      return new FileResult(input(name, bytes), municipalities,
          diags);
    }
    PolicyBinder binder = new PolicyBinder(sink, canonical);
    reader.read(name, bytes, sink, doc -> {
      if (doc.root() == null) {
        sink.accept(Diagnostic.of(doc.at(), Code.W001,
            "document " + doc.index() + " is empty and is skipped",
            "remove the empty document (a stray '---' line, say), or fill it in"));
        return;
      }
      Municipality m = binder.bind(name, doc.index(), doc.root());
      if (m != null) {
        municipalities.add(perDocument.apply(m, sink));
      }
    });
    sink.finish();
    return new FileResult(input(name, bytes), municipalities, diags);
  }

  private InputFile input(String name, byte[] bytes) {
    return new InputFile(name, bytes.length, hash ? sha256(bytes) : null);
  }

  /** Whether a file is read as a data-entry workbook (SHEETS.md) rather than as YAML. */
  public static boolean isWorkbook(Path p) {
    Path name = p.getFileName();
    return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
  }

  /** Binds the documents of a workbook's sheets (null: the workbook could not be read). */
  private void bindSheets(String name, List<Grid> grids, DiagnosticCap sink,
      List<Municipality> municipalities,
      BiFunction<Municipality, Consumer<Diagnostic>, Municipality> perDocument) {
    if (grids == null) {
      return;
    }
    PolicyBinder binder = new PolicyBinder(sink, canonical);
    List<YNode.YMap> docs = new SheetReader(name, limits, sink).documents(grids);
    for (int i = 0; i < docs.size(); i++) {
      Municipality m = binder.bind(name, i + 1, docs.get(i));
      if (m != null) {
        municipalities.add(perDocument.apply(m, sink));
      }
    }
  }

  /** The bytes of a file, or null (and its size where known) when it could not be read. */
  record Bytes(byte[] bytes, long size) {}

  /**
   * Reads a file under the limits, as every input is read (policy files and codebooks alike): a
   * regular file of at most {@code limits.maxFileBytes()} bytes. Anything else (a directory, a
   * FIFO or device that would block or never end, an I/O error) is a diagnostic in {@code diags}.
   */
  static Bytes readLimited(Path path, String name, String what, Limits limits,
      List<Diagnostic> diags) {
    return readLimited(path, Stat.of(path), name, what, limits, diags);
  }

  /** {@link #readLimited(Path, String, String, Limits, List)} with the attributes as read. */
  private static Bytes readLimited(Path path, Stat stat, String name, String what, Limits limits,
      List<Diagnostic> diags) {
    SourceLocation at = SourceLocation.ofFile(name);
    try {
      BasicFileAttributes attrs = stat.attributesOrThrow();
      if (attrs.isDirectory()) {
        diags.add(Diagnostic.of(at, Code.E023, name + " is a directory, not a " + what,
            "name a .yaml file, or the folder itself to read every policy file in it"));
        return new Bytes(null, 0);
      }
      if (!attrs.isRegularFile()) {
        diags.add(Diagnostic.of(at, Code.E023,
            name + " is not a regular file (a pipe, socket or device)",
            "save the " + what + " as a file and name that file"));
        return new Bytes(null, 0);
      }
      long size = attrs.size();
      if (size > limits.maxFileBytes()) {
        diags.add(Diagnostic.of(at, Code.E003,
            String.format(Locale.ROOT, "the %s has %,d bytes, more than the limit of %,d", what,
                size, limits.maxFileBytes()),
            "split the file, or raise the limit with --max-file-size"));
        return new Bytes(null, size);
      }
      byte[] bytes = readBounded(path, size, limits);
      if (bytes == null) {
        diags.add(Diagnostic.of(at, Code.E003,
            "the " + what + " grew past the limit of " + limits.maxFileBytes()
                + " bytes while being read",
            "read it again once it is complete, or raise the limit with --max-file-size"));
        return new Bytes(null, 0);
      }
      return new Bytes(bytes, bytes.length);
    } catch (IOException e) {
      diags.add(Diagnostic.of(at, Code.E023, "cannot read " + name + ": " + describe(e),
          hintFor(e)));
      return new Bytes(null, 0);
    }
  }

  /**
   * A file's attributes, read once and following links (a link loop or a vanished file fails
   * here), or why they could not be read: what the memory budget, the kind of input and the size
   * limit are all decided from.
   */
  private record Stat(BasicFileAttributes attributes, IOException failure) {
    static Stat of(Path path) {
      try {
        return new Stat(Files.readAttributes(path, BasicFileAttributes.class), null);
      } catch (IOException e) {
        return new Stat(null, e);
      }
    }

    BasicFileAttributes attributesOrThrow() throws IOException {
      if (failure != null) {
        throw failure;
      }
      return attributes;
    }
  }

  /** What to do about a file that cannot be read. */
  static String hintFor(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "check the path; it may have been moved or deleted while polcomp ran";
    }
    if (e instanceof AccessDeniedException) {
      return "give your user read permission (chmod +r), or run as a user who has it";
    }
    return "check that the file is readable and the disk is healthy, then run again";
  }

  /**
   * A file's bytes, or null when it holds more than the limit. The size its attributes gave is
   * read straight into an array of that size, and one more read says whether the file ended
   * there; a file that grew or shrank since (or one whose size the system does not know, as
   * under /proc) is still read whole. Reading into chunks and joining them, as an unsized read
   * does, made reading the files of 100,000 municipalities a sixth slower (770 against 637
   * samples of validating them, async-profiler).
   */
  private static byte[] readBounded(Path path, long size, Limits limits) throws IOException {
    long max = limits.maxFileBytes();
    try (var in = Files.newInputStream(path)) {
      byte[] bytes = new byte[(int) size];
      int read = in.readNBytes(bytes, 0, bytes.length);
      if (read < bytes.length) {
        return Arrays.copyOf(bytes, read); // it shrank
      }
      int next = in.read();
      if (next < 0) {
        return bytes;
      }
      // it grew: the rest, up to one byte past the limit
      byte[] rest = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8 - size, max - size));
      if (size + 1 + rest.length > max) {
        return null;
      }
      byte[] all = Arrays.copyOf(bytes, (int) size + 1 + rest.length);
      all[(int) size] = (byte) next;
      System.arraycopy(rest, 0, all, (int) size + 1, rest.length);
      return all;
    }
  }

  static String sha256(byte[] bytes) {
    return Sha256.hex(bytes);
  }
}
