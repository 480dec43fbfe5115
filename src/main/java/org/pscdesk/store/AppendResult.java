package org.pscdesk.store;

/**
 * What an append did.
 *
 * @param added new rows written
 * @param duplicates rows skipped because a row with the same key was already in the layer
 * @param cancelled existing rows removed by cancellations
 * @param unmatchedCancellations cancellations that found no row to remove
 */
public record AppendResult(long added, long duplicates, long cancelled, long unmatchedCancellations) {
}
