/**
 * What changed between two versions of a dataset ({@code polcomp diff}).
 *
 * <p>Takes each version as its municipalities, its measures' classifications and its rows of the
 * {@code municipalities} table (the aggregate stage's), and the lineage table; gives a {@link
 * org.polcomp.diff.DatasetDiff}: one {@link org.polcomp.diff.Change} per difference, in report
 * order, and the counts of its summary. Nothing here reads or writes files.
 *
 * <p>Decisions the spec leaves open, taken here once for every format:
 *
 * <ul>
 *   <li>Municipalities match by id. An id of the old version that the new one lacks follows its
 *       successors in the lineage table (those that had ended by the as-of date, or every known
 *       merger without one) to the first code the new version has: it is <em>merged</em> into that
 *       one, and its measures match the successor's by measure id.
 *   <li>Fields are named as the file writes them ({@code funding[0].source}, {@code period.end},
 *       {@code coding.duration}, {@code x-topic}); a list of plain values ({@code target.groups})
 *       is one value, joined with {@code "; "}; a list of maps is compared entry by entry.
 *   <li>A rule's change is reported when it fired on one side only or its contribution (summed
 *       over the times it fired, rounded to 3 decimals) differs; the values are the reasons as the
 *       measures table shows them.
 *   <li>Profile and shares are compared for municipalities of both versions (a merged one against
 *       its successor when the old version lacked the successor).
 * </ul>
 */
package org.polcomp.diff;
