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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.polcomp.diagnostic.Code;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.diagnostic.SourceLocation;
import org.polcomp.model.Dataset;
import org.polcomp.model.Dataset.InputFile;
import org.polcomp.model.Municipality;

/**
 * Reads a dataset from paths (FORMAT.md "Files and documents"): files and directories, searched
 * recursively in sorted order, hidden entries skipped, symbolic links to directories not followed.
 * Files are read and parsed in parallel; results keep path order, so output does not depend on
 * the number of threads.
 */
public final class DatasetLoader {
  /** The most diagnostics of one code listed for one file; the rest are counted (E/W same). */
  public static final int MAX_DIAGNOSTICS_PER_CODE = 1000;

  private final Limits limits;
  private final boolean parallel;
  private final Progress progress;
  private final YamlReader reader;
  // Shared by every file's binder: one instance of each vocabulary value in the whole dataset.
  private final PolicyBinder.Canonical canonical = new PolicyBinder.Canonical();

  public DatasetLoader(Limits limits, boolean parallel) {
    this(limits, parallel, Progress.NONE);
  }

  /** A loader that tells {@code progress} how far it is (a progress bar, say). */
  public DatasetLoader(Limits limits, boolean parallel, Progress progress) {
    this.limits = limits;
    this.parallel = parallel;
    this.progress = progress;
    // One reader (and so one YAML factory) for every file: building it costs more than a file.
    this.reader = new YamlReader(limits);
  }

  /** The dataset and every diagnostic found while reading it. */
  public record Result(Dataset dataset, List<Diagnostic> diagnostics) {
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
    for (Path p : paths) {
      collect(p, files, diagnostics);
    }
    return read(files, diagnostics, perDocument);
  }

  /** Reads the given files (no directory walk), in this order; for callers that list them. */
  public Result loadFiles(List<Path> files,
      BiFunction<Municipality, Consumer<Diagnostic>, Municipality> perDocument) {
    return read(files, new ArrayList<>(), (file, m, out) -> perDocument.apply(m, out));
  }

  private Result read(List<Path> files, List<Diagnostic> diagnostics, PerDocument perDocument) {
    var stream = IntStream.range(0, files.size()).boxed();
    if (parallel) {
      stream = stream.parallel();
    }
    progress.start(files.size());
    List<FileResult> results = stream.map(i -> {
      // Counted as read, before perDocument may drop the measures (validate keeps counts only).
      int[] measures = new int[1];
      FileResult r = readFile(files.get(i), (m, out) -> {
        measures[0] += m.measures().size();
        return perDocument.apply(i, m, out);
      });
      progress.fileDone(measures[0]);
      return r;
    }).toList();
    progress.done();
    List<Municipality> municipalities = new ArrayList<>();
    List<InputFile> inputs = new ArrayList<>();
    for (FileResult r : results) {
      inputs.add(r.file());
      municipalities.addAll(r.municipalities());
      diagnostics.addAll(r.diagnostics());
    }
    return new Result(new Dataset(municipalities, inputs), diagnostics);
  }

  /** The path as users see it: as given, with forward slashes. */
  public static String display(Path p) {
    return p.toString().replace('\\', '/');
  }

  /** Lists the policy files under a path, sorted; reports unreadable entries. */
  public static void collect(Path root, List<Path> into, List<Diagnostic> diagnostics) {
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
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          diagnostics.add(Diagnostic.of(SourceLocation.ofFile(display(normal(file))), Code.E023,
              "cannot read " + display(normal(file)) + ": " + describe(e), null));
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      diagnostics.add(Diagnostic.of(SourceLocation.ofFile(display(root)), Code.E023,
          "cannot read " + display(root) + ": " + describe(e), null));
    }
    List<Path> normalised = new ArrayList<>();
    for (Path p : found) {
      normalised.add(normal(p));
    }
    normalised.sort((a, b) -> display(a).compareTo(display(b)));
    if (normalised.isEmpty()) {
      diagnostics.add(Diagnostic.of(SourceLocation.ofFile(display(normal(root))), Code.W007,
          "no policy files (*.yaml, *.yml) under " + display(normal(root)), null));
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
    return msg == null ? e.getClass().getSimpleName() : msg;
  }

  private FileResult readFile(Path path,
      BiFunction<Municipality, Consumer<Diagnostic>, Municipality> perDocument) {
    String name = display(path);
    List<Diagnostic> diags = new ArrayList<>();
    List<Municipality> municipalities = new ArrayList<>();
    byte[] bytes;
    try {
      // Attributes once, following links: a link loop or a vanished file fails here.
      BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
      if (attrs.isDirectory() && CsvGrids.isSheetFolder(path)) {
        DiagnosticCap sink = new DiagnosticCap(diags::add, MAX_DIAGNOSTICS_PER_CODE);
        List<Grid> grids = CsvGrids.read(path, name, limits, sink);
        bindSheets(name, grids, sink, municipalities, perDocument);
        sink.finish();
        return new FileResult(new InputFile(name, 0, null), municipalities, diags);
      }
      if (attrs.isDirectory()) {
        diags.add(Diagnostic.of(SourceLocation.ofFile(name), Code.E023,
            name + " is a directory, not a policy file", null));
        return new FileResult(new InputFile(name, 0, null), municipalities, diags);
      }
      if (!attrs.isRegularFile()) {
        // A FIFO or a device would block or never end; only plain files hold policies.
        diags.add(Diagnostic.of(SourceLocation.ofFile(name), Code.E023,
            name + " is not a regular file (a pipe, socket or device)", null));
        return new FileResult(new InputFile(name, 0, null), municipalities, diags);
      }
      long size = attrs.size();
      if (size > limits.maxFileBytes()) {
        diags.add(Diagnostic.of(SourceLocation.ofFile(name), Code.E003,
            String.format(Locale.ROOT, "the file has %,d bytes, more than the limit of %,d",
                size, limits.maxFileBytes()),
            "split the file, or raise the limit with --max-file-size"));
        return new FileResult(new InputFile(name, size, null), municipalities, diags);
      }
      bytes = readBounded(path);
    } catch (IOException e) {
      diags.add(Diagnostic.of(SourceLocation.ofFile(name), Code.E023,
          "cannot read " + name + ": " + describe(e), null));
      return new FileResult(new InputFile(name, 0, null), municipalities, diags);
    }
    if (bytes == null) {
      diags.add(Diagnostic.of(SourceLocation.ofFile(name), Code.E003,
          "the file grew past the limit of " + limits.maxFileBytes() + " bytes while being read",
          null));
      return new FileResult(new InputFile(name, 0, null), municipalities, diags);
    }
    DiagnosticCap sink = new DiagnosticCap(diags::add, MAX_DIAGNOSTICS_PER_CODE);
    if (isWorkbook(path)) {
      bindSheets(name, XlsxGrids.read(name, bytes, limits, sink), sink, municipalities,
          perDocument);
      sink.finish();
      return new FileResult(new InputFile(name, bytes.length, sha256(bytes)), municipalities,
          diags);
    }
    PolicyBinder binder = new PolicyBinder(sink, canonical);
    reader.read(name, bytes, sink, doc -> {
      if (doc.root() == null) {
        sink.accept(Diagnostic.of(doc.at(), Code.W001,
            "document " + doc.index() + " is empty and is skipped", null));
        return;
      }
      Municipality m = binder.bind(name, doc.index(), doc.root());
      if (m != null) {
        municipalities.add(perDocument.apply(m, sink));
      }
    });
    sink.finish();
    return new FileResult(new InputFile(name, bytes.length, sha256(bytes)), municipalities, diags);
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

  /** Reads at most the limit (a file may grow after its size was taken); null past it. */
  private byte[] readBounded(Path path) throws IOException {
    try (var in = Files.newInputStream(path)) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 1));
      return bytes.length > limits.maxFileBytes() ? null : bytes;
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
