package io.nicsync.plugin.kubevirt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The release table of the plugin's README ({@code plugins/kubevirt/README.md}), read as the tests check it: per
 * release, what each {@link ChangeKind} comes to on a running VM. A row names one release ({@code v1.0}) or a range
 * ({@code v1.1 – v1.4}); a cell lists change kinds by their name, each optionally followed by a remark in
 * parentheses.
 */
final class ReleaseTable {
    static final Path README = readme();
    static final String HEADER = "| release | live | needs a restart | refused |";
    private static final Pattern RELEASES = Pattern.compile("v1\\.(\\d+)(?:\\s*[–-]\\s*v1\\.(\\d+))?");

    /** What a change comes to: made live, written for the next start, or not planned at all. */
    enum Outcome {
        LIVE, RESTART, REFUSED
    }

    private ReleaseTable() {
    }

    /**
     * The plugin module's README, found from where these classes were loaded ({@code target/test-classes} or the
     * module's test jar under {@code target/}), so that the table is read wherever the tests run: in this module, or
     * in another that runs them again (the deployment's RBAC test records their requests).
     */
    private static Path readme() {
        try {
            Path at = Path.of(ReleaseTable.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = at; p != null; p = p.getParent()) {
                if (p.getFileName() != null && p.getFileName().toString().equals("target")) {
                    return p.getParent().resolve("README.md");
                }
            }
        } catch (java.net.URISyntaxException | SecurityException e) {
            // fall back to the working directory, the module's own when Maven runs its tests
        }
        return Path.of("README.md");
    }

    /** Each release's outcome of every change kind, by KubeVirt minor version. */
    static Map<Integer, Map<ChangeKind, Outcome>> read() {
        List<String> lines;
        try {
            lines = Files.readAllLines(README);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int header = lines.indexOf(HEADER);
        if (header < 0) {
            throw new IllegalStateException(README.toAbsolutePath() + " has no table headed " + HEADER);
        }
        Map<Integer, Map<ChangeKind, Outcome>> table = new TreeMap<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String[] cells = lines.get(i).split("\\|", -1);
            Map<ChangeKind, Outcome> row = new EnumMap<>(ChangeKind.class);
            put(row, cells[2], Outcome.LIVE);
            put(row, cells[3], Outcome.RESTART);
            put(row, cells[4], Outcome.REFUSED);
            Matcher m = RELEASES.matcher(cells[1].trim());
            if (!m.matches()) {
                throw new IllegalStateException("not a release or range of releases: " + cells[1]);
            }
            int first = Integer.parseInt(m.group(1));
            int last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
            for (int minor = first; minor <= last; minor++) {
                table.put(minor, row);
            }
        }
        return table;
    }

    private static void put(Map<ChangeKind, Outcome> row, String cell, Outcome outcome) {
        for (String item : items(cell)) {
            ChangeKind kind = ChangeKind.labelled(item.replaceAll("\\(.*\\)", "").trim());
            if (row.put(kind, outcome) != null) {
                throw new IllegalStateException(kind + " is in two columns of one row: " + cell);
            }
        }
    }

    /** The comma-separated items of a cell, commas inside parentheses kept. */
    private static List<String> items(String cell) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        StringBuilder item = new StringBuilder();
        for (char c : cell.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth == 0) {
                items.add(item.toString());
                item.setLength(0);
            } else {
                item.append(c);
            }
        }
        items.add(item.toString());
        return items.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
