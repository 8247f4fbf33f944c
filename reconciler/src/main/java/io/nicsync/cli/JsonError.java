package io.nicsync.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.nicsync.validate.Diagnostic;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error as the JSON document {@code -o json} promises: whoever asked for JSON reads standard output, so the error
 * is a document there too, the same for a usage error and a failed run: {@code {"error": ..., "diagnostics": [...]}}.
 */
final class JsonError {
    private JsonError() {
    }

    static void print(PrintWriter out, String error, List<Diagnostic> diagnostics) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("error", error);
        if (!diagnostics.isEmpty()) {
            doc.put("diagnostics", diagnostics.stream().map(ValidateCommand::json).toList());
        }
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        out.flush();
    }

    /**
     * Whether {@code args} ask for {@code -o json}, in any of the spellings picocli takes ({@code -o json},
     * {@code -o=json}, {@code -ojson}, {@code --output json}, {@code --output=json}). Read from the words themselves:
     * a usage error may stop picocli before it reaches them.
     */
    static boolean requested(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String value = switch (args[i]) {
                case "-o", "--output" -> i + 1 < args.length ? args[i + 1] : "";
                default -> args[i].startsWith("--output=") ? args[i].substring("--output=".length())
                        : args[i].startsWith("-o=") ? args[i].substring(3)
                        : args[i].startsWith("-o") && !args[i].startsWith("--") ? args[i].substring(2) : "";
            };
            if (value.equalsIgnoreCase("json")) {
                return true;
            }
        }
        return false;
    }
}
