/**
 * Sensitivity: how far the classification rests on the codebook's weights (CODEBOOK.md
 * "Sensitivity").
 *
 * <p>Takes the codebook of the run and, per municipality, its counted measures' {@link
 * org.polcomp.sensitivity.Evidence} (read once from the model: what the duration rules D1-D4 see
 * of a measure, as a sparse vector over the weights) in {@link org.polcomp.sensitivity.Unit}s,
 * and {@link org.polcomp.sensitivity.Settings}; gives a {@link org.polcomp.sensitivity.Result}
 * whose lists are the rows of the sensitivity tables, each row a record whose components are the
 * table's columns in order (counts {@code Long}, shares and weights {@code Double}, null for an
 * empty cell). Re-classifying a measure under other weights is a dot product, so thousands of
 * codebooks over a large dataset take seconds. Depends on {@code model} and {@code classify}
 * only; nothing here reads files or writes.
 *
 * <p>Decisions the spec leaves open: the weight ids are {@code D1.structural}, {@code
 * D1.temporary}, {@code D2.date}, {@code D2.open}, {@code D3.<instrument>} and {@code
 * D4.<funding source>}; one at a time, a weight goes to the ends of its sampling range (w - d and
 * w + d, or the codebook's own range); a municipality keeps its profile when its duration side is
 * unchanged (the weights cannot move the targeting side); ranks are by structural share, 1 the
 * highest, equal shares sharing the better rank, municipalities without a share unranked; the
 * percentiles interpolate between order statistics (Excel's PERCENTILE.INC); a label holds when it
 * differs in at most 5% of the samples.
 */
package org.polcomp.sensitivity;
