package org.polcomp.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * Writes a folder output (the CSV files of a comparison, a data package) as a whole: the files go
 * into a new hidden folder beside the target, which then takes the target's place by two renames
 * (the previous folder aside, the new one in). After any failure or interruption the target holds
 * either the complete previous set of files or the complete new one; a run killed between the two
 * renames leaves the previous set aside, and the next run puts it back ({@link Scratch#sweep}).
 *
 * <p>Since the folder is replaced whole, a folder that holds anything but what polcomp writes
 * there is refused rather than replaced: nobody loses a file they put beside the tables.
 */
public final class AtomicFolder {
  private AtomicFolder() {}

  /** What goes into the folder: files written into {@code folder}, which exists and is empty. */
  @FunctionalInterface
  public interface Body {
    void writeInto(Path folder) throws IOException;
  }

  /**
   * Fills a new folder with {@code body} and puts it in the place of {@code target}, whose present
   * entries must all be {@code ours} (else {@link ForeignFilesException}).
   */
  public static void write(Path target, Predicate<String> ours, Body body) throws IOException {
    Path abs = AtomicFile.resolveLinks(target.toAbsolutePath(), target);
    if (Files.exists(abs) && !Files.isDirectory(abs)) {
      throw new FileSystemException(target.toString(), null,
          "is a file, not a folder (a folder of CSV files is written here)");
    }
    Path parent = abs.getParent();
    Files.createDirectories(parent);
    Scratch.sweep(abs);
    if (Files.isDirectory(abs)) {
      String foreign = firstForeign(abs, ours);
      if (foreign != null) {
        throw new ForeignFilesException(target, foreign);
      }
    }
    Path tmp = sibling(parent, abs, ".tmp");
    try {
      Files.createDirectory(tmp);
    } catch (java.nio.file.AccessDeniedException e) {
      throw new java.nio.file.AccessDeniedException(target.toString(), null,
          "the folder is not writable");
    }
    Path old = sibling(parent, abs, ".old");
    // Ctrl-C or SIGTERM: remove the new set, and put the previous one back if it was aside.
    Thread cleanup = new Thread(() -> {
      Scratch.deleteTree(tmp);
      if (Files.isDirectory(old) && !Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
        try {
          Files.move(old, abs, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
          // the next run's sweep puts it back
        }
      }
    }, "polcomp-cleanup");
    boolean hooked = AtomicFile.addHook(cleanup);
    boolean done = false;
    try {
      try {
        body.writeInto(tmp);
      } catch (FileSystemException e) {
        throw e;
      } catch (IOException e) {
        throw new FileSystemException(target.toString(), null,
            e.getMessage() + "; the previous files are left as they were");
      }
      swap(tmp, abs, old);
      done = true;
    } finally {
      if (!done) {
        Scratch.deleteTree(tmp);
      }
      if (hooked) {
        AtomicFile.removeHook(cleanup);
      }
    }
  }

  private static void swap(Path tmp, Path abs, Path old) throws IOException {
    if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
      move(tmp, abs);
      return;
    }
    move(abs, old);
    try {
      move(tmp, abs);
    } catch (IOException | RuntimeException e) {
      move(old, abs);
      throw e;
    }
    Scratch.deleteTree(old);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  /** A new name beside the target: {@code .NAME.polcomp-PID-N.tmp} (or {@code .old}). */
  private static Path sibling(Path parent, Path abs, String suffix) {
    for (;;) {
      Path p = parent.resolve("." + abs.getFileName() + "." + Scratch.PREFIX + Scratch.pid() + "-"
          + Math.abs(ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE)) + suffix);
      if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        return p;
      }
    }
  }

  private static String firstForeign(Path dir, Predicate<String> ours) throws IOException {
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      String first = null;
      for (Path p : ds) {
        String name = p.getFileName().toString();
        boolean file = Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
        if (!(file && ours.test(name)) && (first == null || name.compareTo(first) < 0)) {
          first = name;
        }
      }
      return first;
    }
  }

  /** The target folder holds a file that polcomp did not write there; nothing was replaced. */
  public static final class ForeignFilesException extends FileAlreadyExistsException {
    private static final long serialVersionUID = 1L;

    ForeignFilesException(Path target, String foreign) {
      super(target.toString(), null, "holds '" + foreign + "', which polcomp does not write;"
          + " the folder is replaced as a whole, so name a new or empty folder");
    }
  }
}
