package io.nicsync.validate;

import com.networknt.schema.Error;

/** Checks a document against the schema of its kind and reports every violation at its node. */
final class SchemaCheck {
    private final Schemas schemas;

    SchemaCheck(Schemas schemas) {
        this.schemas = schemas;
    }

    /** True when the document conforms. */
    boolean check(YamlDocument doc, Kind kind, Diagnostics out) {
        boolean ok = true;
        Schemas.Loaded schema = schemas.of(kind);
        for (Error error : schemas.validate(kind, doc.root())) {
            SchemaProblem problem = SchemaMessages.describe(error, doc.root(), schema.raw());
            ok = false;
            if (saidByKindCheck(problem, error) || doc.positions().wasReported(problem.pointer())) {
                continue;
            }
            if (problem.atKey()) {
                out.errorAtKey(doc, problem.pointer(), problem.message());
            } else {
                out.error(doc, problem.pointer(), problem.message());
            }
        }
        return ok;
    }

    /**
     * The document's apiVersion and kind have their own messages ({@link KindCheck}); a {@code kind} deeper in the
     * document (a target's) is the schema's to report.
     */
    private static boolean saidByKindCheck(SchemaProblem problem, Error error) {
        String pointer = problem.pointer();
        if (pointer.equals("/apiVersion") || pointer.equals("/kind")) {
            return true;
        }
        return "required".equals(error.getKeyword()) && pointer.isEmpty()
                && ("apiVersion".equals(error.getProperty()) || "kind".equals(error.getProperty()));
    }
}
