package io.alertwire.notifier.sql;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A PostgreSQL array literal, for a native statement's {@code CAST(:p AS uuid[])} (or {@code text[]},
 * {@code int[]}, ...): one bound parameter for a whole batch. Every value is quoted, so any text
 * (URLs, addresses) is safe; a null element is SQL NULL.
 */
public final class SqlArray {

    private SqlArray() {
    }

    public static String of(List<?> values) {
        return values.stream()
                .map(v -> v == null ? "NULL" : "\"" + v.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }
}
