package io.nicsync.plan;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Reads and writes plan files: JSON, described by {@code schemas/plan.schema.json}
 * ({@link io.nicsync.schemas.PublishedSchemas#plan}). {@code read(write(plan))} equals {@code plan}.
 */
public final class PlanFile {

    private PlanFile() {
    }

    public static String write(Plan plan) {
        try {
            return PlanJson.MAPPER.writeValueAsString(plan) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Plan plan, Writer out) throws IOException {
        out.write(write(plan));
        out.flush();
    }

    /** A plan of another format version is refused rather than misread. */
    public static Plan read(String json) throws IOException {
        Plan plan = PlanJson.MAPPER.readValue(json, Plan.class);
        checkVersion(plan);
        return plan;
    }

    public static Plan read(Reader in) throws IOException {
        Plan plan = PlanJson.MAPPER.readValue(in, Plan.class);
        checkVersion(plan);
        return plan;
    }

    private static void checkVersion(Plan plan) throws IOException {
        if (plan.formatVersion() != Plan.FORMAT_VERSION) {
            throw new IOException("plan file format " + plan.formatVersion() + " is not supported (this nicsync"
                    + " reads format " + Plan.FORMAT_VERSION + "); make the plan again");
        }
    }
}
