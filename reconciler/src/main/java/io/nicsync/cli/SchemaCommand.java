package io.nicsync.cli;

import io.nicsync.apply.ExitCode;
import io.nicsync.platforms.Plugins;
import io.nicsync.schemas.PublishedSchemas;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nicsync schema}: the JSON Schemas nicsync checks documents with, as the installed plugins compose them:
 * for editors, and to write the repository's {@code schemas/} ({@code nicsync schema --write schemas}).
 */
@Command(name = "schema", mixinStandardHelpOptions = true,
        header = "Print or write the JSON Schemas of nicsync's documents.",
        footerHeading = "%nExamples:%n",
        footer = {"  nicsync schema config",
                "  nicsync schema --write schemas              # for editors: see the README"},
        description = "Prints the JSON Schema (draft 2020-12) of VmNics documents (vmnics), of nicsync.yaml "
                + "(config) or of plan files (plan), as the installed plugins compose it; with --write, writes all "
                + "three into a directory. Point an editor's YAML support at them. Exit 0, or 1 on error.")
final class SchemaCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "DOCUMENT", description = "vmnics, config or plan (default: vmnics).")
    String document = "vmnics";

    @Option(names = "--write", paramLabel = "DIR",
            description = "Write vmnics.schema.json, config.schema.json and plan.schema.json into DIR.")
    Path write;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Map<String, ? extends com.fasterxml.jackson.databind.JsonNode> all = PublishedSchemas.all(Plugins.installed());
        PrintWriter out = spec.commandLine().getOut();
        if (write != null) {
            Files.createDirectories(write);
            for (var schema : all.entrySet()) {
                Path file = write.resolve(schema.getKey());
                Files.writeString(file, PublishedSchemas.text(schema.getValue()));
                out.println("wrote " + file);
            }
            return ExitCode.OK.code();
        }
        var schema = all.get(document + ".schema.json");
        if (schema == null) {
            throw new UserError("no schema \"" + document + "\": vmnics, config or plan");
        }
        out.print(PublishedSchemas.text(schema));
        out.flush();
        return ExitCode.OK.code();
    }
}
