package io.alertwire.fetch.source;

import java.util.List;

/**
 * One page of sources, oldest first.
 *
 * @param items the sources on this page
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param total how many sources there are in all
 */
public record SourcePage(List<SourceResponse> items, int page, int size, long total) {
}
