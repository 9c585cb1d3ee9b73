/**
 * Loading: policy files and codebooks from YAML into the model, with the line and column of every
 * key and value.
 *
 * <p>{@link org.polcomp.load.DatasetLoader} walks paths (sorted, hidden entries skipped, links to
 * directories not followed, only regular files read), decodes UTF-8, and {@link
 * org.polcomp.load.YamlReader} turns the YAML 1.2 events of snakeyaml-engine into {@link
 * org.polcomp.load.YNode} trees while enforcing the {@link org.polcomp.load.Limits}; {@link
 * org.polcomp.load.BlockScanner} builds the same trees several times faster for the block YAML
 * that policy files are made of, and leaves every other file to snakeyaml-engine. {@link
 * org.polcomp.load.PolicyBinder} binds a tree to a {@link org.polcomp.model.Municipality},
 * reporting shape errors (types, keys, dates); {@link org.polcomp.load.CodebookLoader} does the
 * same for codebooks. {@link org.polcomp.load.FormatSchema} and {@link
 * org.polcomp.load.PolicySkeleton} describe the format for editors and new files. Hostile input
 * ends in diagnostics, never in an exception: a file's diagnostics are capped per code, lines too
 * long for the parser are refused before it runs, and a document is handed on as soon as it is
 * read. The YAML parser stays in this package.
 */
package org.polcomp.load;
