package org.commitmenttracker.query.commitment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** The fold's parts replace their lists, never change them in place. */
final class Lists {

    private Lists() {
    }

    static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }

    static <T> boolean contains(List<T> items, Predicate<T> which) {
        return items.stream().anyMatch(which);
    }

    static <T> List<T> append(List<T> items, T item) {
        List<T> result = new ArrayList<>(items);
        result.add(item);
        return result;
    }

    static <T> List<T> replace(List<T> items, Predicate<T> which, UnaryOperator<T> change) {
        List<T> result = new ArrayList<>(items.size());
        for (T item : items) {
            result.add(which.test(item) ? change.apply(item) : item);
        }
        return result;
    }
}
