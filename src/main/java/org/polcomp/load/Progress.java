package org.polcomp.load;

/**
 * What the loader tells an observer as it reads files; called from the reading threads, so an
 * implementation must be thread-safe and cheap.
 */
public interface Progress {
  /** An observer that ignores everything. */
  Progress NONE = new Progress() {
    @Override
    public void start(int files) {}

    @Override
    public void fileDone(int measures) {}

    @Override
    public void done() {}
  };

  /** Reading starts; {@code files} will be read. */
  void start(int files);

  /** One file has been read, with this many measures. */
  void fileDone(int measures);

  /** Every file has been read. */
  void done();
}
