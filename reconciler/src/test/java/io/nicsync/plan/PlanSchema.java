package io.nicsync.plan;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The plan file schema from the class path, where the build copies {@code schemas/}. */
final class PlanSchema {
    private static final Schema SCHEMA = load();

    private PlanSchema() {
    }

    static List<String> problems(String json) {
        return SCHEMA.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    private static Schema load() {
        try (InputStream in = PlanSchema.class.getResourceAsStream(PlanFile.SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(PlanFile.SCHEMA_RESOURCE + " is not on the class path");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
