package io.alertwire.notifier.delivery;

import java.util.List;
import java.util.stream.Collectors;

/** A PostgreSQL array literal of any texts (URLs, addresses), each quoted, for a {@code CAST(:p AS text[])}. */
final class TextArray {

    private TextArray() {
    }

    static String of(List<String> values) {
        return values.stream()
                .map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }
}
