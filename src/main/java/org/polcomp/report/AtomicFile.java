package org.polcomp.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file atomically: into a temporary file in the target's directory, then a rename over
 * the target. A failed or interrupted write leaves the previous file as it was and removes the
 * temporary file.
 */
public final class AtomicFile {
  private static final int BUFFER = 1 << 20;

  private AtomicFile() {}

  /** Writes the bytes a {@link Body} produces to {@code target}, atomically. */
  public static void write(Path target, Body body) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (!Files.isDirectory(dir)) {
      throw new java.nio.file.NoSuchFileException(dir.toString(), null,
          "the directory does not exist");
    }
    if (Files.isDirectory(abs)) {
      throw new java.nio.file.FileSystemException(abs.toString(), null,
          "is a directory, not a file");
    }
    Path tmp;
    try {
      tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
    } catch (java.nio.file.AccessDeniedException e) {
      // a read-only folder: name the file the user asked for, not the temporary one
      throw new java.nio.file.AccessDeniedException(target.toString(), null,
          "the folder is not writable");
    } catch (FileSystemException e) {
      throw new FileSystemException(target.toString(), null, e.getReason());
    }
    Thread cleanup = new Thread(() -> deleteQuietly(tmp), "polcomp-cleanup");
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
        deleteQuietly(tmp);
      }
      if (hooked) {
        removeHook(cleanup);
      }
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
    Set<PosixFilePermission> perms = Files.exists(target)
        ? Files.getPosixFilePermissions(target)
        : PosixFilePermissions.fromString("rw-r--r--");
    Files.setPosixFilePermissions(tmp, perms);
  }

  // An interrupted run (SIGINT) runs shutdown hooks: the hook removes the temporary file.
  private static boolean addHook(Thread t) {
    try {
      Runtime.getRuntime().addShutdownHook(t);
      return true;
    } catch (IllegalStateException e) {
      return false; // already shutting down
    }
  }

  private static void removeHook(Thread t) {
    try {
      Runtime.getRuntime().removeShutdownHook(t);
    } catch (IllegalStateException e) {
      // shutting down: the hook runs and finds nothing to delete
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // nothing more to do: the file is in the target's directory and hidden
    }
  }

  /** What goes into the file. */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }
}
