package io.nicsync.plan;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.nicsync.schemas.PublishedSchemas;
import io.nicsync.testing.FixturePlugins;
import java.util.List;

/** The plan file schema, as the fixtures' vocabulary composes it. */
final class PlanSchema {
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(PublishedSchemas.plan(FixturePlugins.ALL));

    private PlanSchema() {
    }

    static List<String> problems(String json) {
        return SCHEMA.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }
}
