package io.nicsync.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DiagnosticTest {

    @Test
    void formatsLikeACompiler() {
        assertThat(new Diagnostic("lab/web.yaml", 12, 7, Diagnostic.Severity.ERROR, "bad").format())
                .isEqualTo("lab/web.yaml:12:7: error: bad");
        assertThat(new Diagnostic("nicsync.yaml", 1, 1, Diagnostic.Severity.WARNING, "hm").format())
                .isEqualTo("nicsync.yaml:1:1: warning: hm");
    }

    @Test
    void sortsByFileThenLineThenColumnNumerically() {
        Diagnostic a = at("a.yaml", 2, 1);
        Diagnostic b = at("a.yaml", 10, 1);
        Diagnostic c = at("a.yaml", 10, 3);
        Diagnostic d = at("b.yaml", 1, 1);

        assertThat(Stream.of(d, c, a, b).sorted().toList()).isEqualTo(List.of(a, b, c, d));
    }

    private static Diagnostic at(String file, int line, int column) {
        return new Diagnostic(file, line, column, Diagnostic.Severity.ERROR, "m");
    }
}
