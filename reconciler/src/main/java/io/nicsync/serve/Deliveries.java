package io.nicsync.serve;

import java.util.LinkedHashMap;
import java.util.Map;

/** The ids of the last deliveries seen, to ignore a redelivery; bounded, the oldest forgotten first. */
final class Deliveries {
    private final Map<String, Boolean> seen;

    Deliveries(int capacity) {
        this.seen = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True the first time {@code id} is seen (among the last {@code capacity}). */
    synchronized boolean first(String id) {
        return seen.putIfAbsent(id, Boolean.TRUE) == null;
    }

    synchronized int size() {
        return seen.size();
    }
}
