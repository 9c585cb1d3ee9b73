package org.polcomp.load;

import java.util.Collections;
import java.util.List;
import org.polcomp.diagnostic.SourceLocation;

/**
 * A YAML value with the place it was read from: the loader's tree, built from Jackson's token
 * stream so that every key and value keeps its line and column.
 */
public sealed interface YNode permits YNode.YMap, YNode.YSeq, YNode.YScalar {

  /** Where the value starts. */
  SourceLocation at();

  /** A short word for messages: "a map", "a list", "a number", ... */
  String kind();

  /** A map, entries in file order; keys are unique (the reader reports duplicates). */
  record YMap(SourceLocation at, List<Entry> entries) implements YNode {
    // A read-only view, not a copy: the reader hands its list over and keeps no reference, and
    // copying the lists of millions of nodes was a twentieth of the time of reading them.
    public YMap {
      entries = Collections.unmodifiableList(entries);
    }

    @Override
    public String kind() {
      return "a map";
    }
  }

  /** One map entry and where its key stands. */
  record Entry(String key, SourceLocation keyAt, YNode value) {}

  /** A list. */
  record YSeq(SourceLocation at, List<YNode> items) implements YNode {
    public YSeq {
      items = Collections.unmodifiableList(items); // as in YMap: a view of the reader's list
    }

    @Override
    public String kind() {
      return "a list";
    }
  }

  /** The type a plain scalar resolved to under YAML 1.2's core schema. */
  enum ScalarType {
    STRING,
    INT,
    FLOAT,
    BOOL,
    NULL
  }

  /** A scalar with its text as written and its resolved type. */
  record YScalar(SourceLocation at, String text, ScalarType type) implements YNode {
    @Override
    public String kind() {
      return switch (type) {
        case STRING -> "a string";
        case INT, FLOAT -> "a number";
        case BOOL -> "a boolean";
        case NULL -> "null";
      };
    }

    public boolean isNull() {
      return type == ScalarType.NULL;
    }
  }
}
