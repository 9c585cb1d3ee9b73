/**
 * The model: immutable records for what a policy file says (docs/format.md), for the codebook
 * (docs/codebook.md) and for the lineage table of municipality codes ({@link
 * org.polcomp.model.Lineage}).
 *
 * <p>A {@link org.polcomp.model.Dataset} holds {@link org.polcomp.model.Municipality} records in
 * file and document order, each with its {@link org.polcomp.model.Measure} records in list order.
 * Records hold values as written; whether a vocabulary value exists is validation's question.
 * Each record carries {@link org.polcomp.model.Locations} so that later stages can point at the
 * line and column of any value. Nothing here reads files or depends on a library.
 */
package org.polcomp.model;
