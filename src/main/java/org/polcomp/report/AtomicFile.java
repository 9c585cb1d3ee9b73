package org.polcomp.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes an output file by the rules of the command line's output targets: an existing regular
 * file (or a new one) is replaced atomically, through a temporary file in the same folder and a
 * rename; a symbolic link has the file it points to replaced, and stays a link; a device or a FIFO
 * ({@code /dev/null}, {@code /dev/stdout}) is written to directly, never replaced. A failed or
 * interrupted write leaves the previous file as it was and removes the temporary file.
 */
public final class AtomicFile {
  private static final int BUFFER = 1 << 20;
  // more links than this in a chain is a loop (the kernel's own limit is 40)
  private static final int MAX_LINKS = 40;

  private AtomicFile() {}

  /** Writes the bytes a {@link Body} produces to {@code target}. */
  public static void write(Path target, Body body) throws IOException {
    Path abs = resolveLinks(target.toAbsolutePath(), target);
    if (Files.exists(abs) && !Files.isRegularFile(abs) && !Files.isDirectory(abs)) {
      direct(abs, target, body);
      return;
    }
    Path dir = abs.getParent();
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(dir.toString(), null, "the directory does not exist");
    }
    if (Files.isDirectory(abs)) {
      throw new FileSystemException(target.toString(), null, "is a folder, not a file");
    }
    Scratch.sweep(abs);
    Path tmp;
    try {
      tmp = Scratch.create(dir, "." + abs.getFileName() + "." + Scratch.PREFIX
          + Scratch.pid() + "-", ".tmp");
    } catch (java.nio.file.AccessDeniedException e) {
      // a read-only folder: name the file the user asked for, not the temporary one
      throw new java.nio.file.AccessDeniedException(target.toString(), null,
          "the folder is not writable");
    } catch (FileSystemException e) {
      throw new FileSystemException(target.toString(), null, e.getReason());
    }
    Thread cleanup = new Thread(() -> Scratch.deleteQuietly(tmp), "polcomp-cleanup");
    boolean hooked = addHook(cleanup);
    boolean done = false;
    try {
      // buffered: the writers (a zip stream above all) write many small pieces
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), BUFFER)) {
        body.writeTo(out);
      } catch (FileSystemException e) {
        throw e; // names its file already
      } catch (IOException e) {
        // a full disk, a file size limit: say which file, and that the old one stands
        throw new FileSystemException(target.toString(), null,
            e.getMessage() + "; the previous file is left as it was");
      }
      permissions(tmp, abs);
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      done = true;
    } finally {
      if (!done) {
        Scratch.deleteQuietly(tmp);
      }
      if (hooked) {
        removeHook(cleanup);
      }
    }
  }

  /**
   * The file a chain of symbolic links ends in (the path itself when it is no link); a dangling
   * link gives the path it names, which the write then creates.
   */
  static Path resolveLinks(Path abs, Path asked) throws IOException {
    Path p = abs;
    for (int i = 0; i < MAX_LINKS; i++) {
      if (!Files.isSymbolicLink(p)) {
        return p;
      }
      Path next = Files.readSymbolicLink(p);
      p = (next.isAbsolute() ? next : p.getParent().resolve(next)).normalize();
    }
    throw new FileSystemException(asked.toString(), null, "too many levels of symbolic links");
  }

  /** A device or a FIFO: written as it is, since renaming over it would replace it. */
  private static void direct(Path abs, Path target, Body body) throws IOException {
    try (OutputStream out = new BufferedOutputStream(
        Files.newOutputStream(abs, StandardOpenOption.WRITE), BUFFER)) {
      body.writeTo(out);
    } catch (FileSystemException e) {
      throw e;
    } catch (IOException e) {
      throw new FileSystemException(target.toString(), null, e.getMessage());
    }
  }

  /**
   * Temporary files are created readable by the owner only; the result gets the permissions of
   * the file it replaces, or rw-r--r-- for a new file, as an ordinary write would give it.
   */
  private static void permissions(Path tmp, Path target) throws IOException {
    if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    Set<PosixFilePermission> perms = Files.exists(target, LinkOption.NOFOLLOW_LINKS)
        ? Files.getPosixFilePermissions(target)
        : PosixFilePermissions.fromString("rw-r--r--");
    Files.setPosixFilePermissions(tmp, perms);
  }

  // An interrupted run (SIGINT, SIGTERM) runs shutdown hooks: the hook removes the temporary file.
  static boolean addHook(Thread t) {
    try {
      Runtime.getRuntime().addShutdownHook(t);
      return true;
    } catch (IllegalStateException e) {
      return false; // already shutting down
    }
  }

  static void removeHook(Thread t) {
    try {
      Runtime.getRuntime().removeShutdownHook(t);
    } catch (IllegalStateException e) {
      // shutting down: the hook runs and finds nothing to delete
    }
  }

  /** What goes into the file. */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }
}
