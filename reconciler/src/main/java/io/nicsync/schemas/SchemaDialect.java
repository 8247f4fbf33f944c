package io.nicsync.schemas;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;

/**
 * JSON Schema draft 2020-12 as nicsync's schemas use it: the standard keywords and {@code x-expected}, the words a
 * {@code pattern}'s message uses to say what was expected (an annotation: it validates nothing).
 */
public final class SchemaDialect {
    /** The hint a schema (a plugin's setting, say) gives next to a {@code pattern}. */
    public static final String EXPECTED = "x-expected";

    private static final Dialect DIALECT = Dialect.builder(Dialects.getDraft202012())
            .keyword(new AnnotationKeyword(EXPECTED)).build();

    private SchemaDialect() {
    }

    /** A registry that reads schemas of this dialect. */
    public static SchemaRegistry registry() {
        return SchemaRegistry.withDefaultDialect(DIALECT);
    }
}
