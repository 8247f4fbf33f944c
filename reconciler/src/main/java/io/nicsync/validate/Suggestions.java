package io.nicsync.validate;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for misspelt keys: the allowed key closest to what was written, if it is close. */
public final class Suggestions {
    private static final int MAX_DISTANCE = 2;

    private Suggestions() {
    }

    public static Optional<String> closest(String written, List<String> allowed) {
        String w = written.toLowerCase(Locale.ROOT);
        return allowed.stream()
                .filter(a -> distance(w, a.toLowerCase(Locale.ROOT)) <= MAX_DISTANCE)
                .min(Comparator.comparingInt(a -> distance(w, a.toLowerCase(Locale.ROOT))));
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
