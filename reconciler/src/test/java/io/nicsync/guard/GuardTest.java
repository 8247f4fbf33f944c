package io.nicsync.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuardTest {

    @Test
    void namesOfTargetsAndVmsAreFileNames() {
        for (String name : List.of("lab", "web-01", "db.prod_2", "A", "x".repeat(253))) {
            assertThat(FileNames.of("VM", name)).isEqualTo(name);
        }
    }

    @Test
    void anythingThatCouldLeaveItsDirectoryOrHideAFileIsRefused() {
        for (String name : List.of("", ".", "..", "../../x", "a/b", "a\\b", ".hidden", "-rf", "a\u0000b", "é",
                "x".repeat(254), "a b")) {
            assertThatThrownBy(() -> FileNames.of("target", name)).as(name)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot name a file");
        }
        assertThatThrownBy(() -> FileNames.of("target", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theWholeUserInformationOfAnyUrlIsHidden() {
        assertThat(Redaction.text("nicsync serve --repo https://ada:s3cret@git.example.org/nics.git --ref main"))
                .isEqualTo("nicsync serve --repo https://***@git.example.org/nics.git --ref main");
        assertThat(Redaction.text("cannot fetch https://ghp_T0KEN@github.com/ops/nics.git: 403"))
                .as("a token as the user name").isEqualTo("cannot fetch https://***@github.com/ops/nics.git: 403");
        assertThat(Redaction.text("'ssh://git@host/r.git' and /srv/r.git and ada@example.org"))
                .isEqualTo("'ssh://***@host/r.git' and /srv/r.git and ada@example.org");
        assertThat(Redaction.text("https://u:p@ss@host/x?y=1@2")).as("an @ in a password, one in the query")
                .isEqualTo("https://***@host/x?y=1@2");
        assertThat(Redaction.text(null)).isNull();
    }

    @Test
    void secretQueryParametersAreHiddenSharedAccessSignaturesIncluded() {
        assertThat(Redaction.text("fetching http://x/r.git?private_token=abc&ref=main failed"))
                .isEqualTo("fetching http://x/r.git?private_token=***&ref=main failed");
        assertThat(Redaction.text("GET https://acct.blob.example.net/c/b?sv=2024-01-01&sig=AbC%2Bd%3D&se=1 failed"))
                .isEqualTo("GET https://acct.blob.example.net/c/b?sv=2024-01-01&sig=***&se=1 failed");
        assertThat(Redaction.text("https://h/p?signature=xyz#frag")).isEqualTo("https://h/p?signature=***#frag");
        assertThat(Redaction.text("GET https://h/p?sig=a.b:c: 500 (see https://h/q?key=k).")).as("prose after the URL")
                .isEqualTo("GET https://h/p?sig=***: 500 (see https://h/q?key=***).");
        assertThat(Redaction.text("https://h/p?Token=a;password=b")).isEqualTo("https://h/p?Token=***;password=***");
    }

    @Test
    void redactingTwiceChangesNothingMore() {
        String once = Redaction.text("https://ada:s3cret@h/r.git?sig=x and https://ghp_x@github.com/o/r");
        assertThat(Redaction.text(once)).isEqualTo(once);
    }

    @Test
    void everyStringOfADocumentIsRedactedAndTheDocumentItselfLeftAsItWas() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("error", "https://ghp_x@github.com/o/r.git");
        doc.put("vms", List.of(Map.of("error", "GET https://h/x?sig=abc"), 3, true));
        doc.put("https://key:in@key.example", "keys stay");

        Object redacted = Redaction.document(doc);

        assertThat(redacted).hasToString("{error=https://***@github.com/o/r.git, vms=[{error=GET https://h/x?sig=***}, 3,"
                + " true], https://key:in@key.example=keys stay}");
        assertThat(doc.get("error")).isEqualTo("https://ghp_x@github.com/o/r.git");
    }

    @Test
    void aUrlKeptToBeUsedAgainLosesItsCredentialsButAnSshAccount() {
        assertThat(Redaction.reusable("https://ada:s3cret@git.example.org/nics.git"))
                .isEqualTo("https://git.example.org/nics.git");
        assertThat(Redaction.reusable("https://ghp_T0KEN@github.com/ops/nics.git")).isEqualTo("https://github.com/ops/nics.git");
        assertThat(Redaction.reusable("ssh://git@host:2222/r.git")).isEqualTo("ssh://git@host:2222/r.git");
        assertThat(Redaction.reusable("ssh://git:pw@host/r.git")).isEqualTo("ssh://git@host/r.git");
        assertThat(Redaction.reusable("git@host:r.git")).isEqualTo("git@host:r.git");
        assertThat(Redaction.reusable("/srv/nics")).isEqualTo("/srv/nics");
        assertThat(Redaction.reusable(null)).isNull();
    }
}
