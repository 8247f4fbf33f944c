package io.nicsync.e2e;

import static io.nicsync.e2e.DesiredRepo.bridge;
import static io.nicsync.e2e.DesiredRepo.nic;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/nicsync serve}'s web page in headless Chromium, against the real libvirt lab: three guests of this
 * test's own, one kept converged, one whose NIC is unplugged by hand (drift, reported as policy.drift says), one
 * without an OS whose unplug is never acknowledged (a run with a rolled-back step). "Run now" is clicked without the
 * token (refused, no run) and with it (a run). A live NIC on a bridge whose name carries {@code <script>} is shown
 * as text. The screenshot goes to target/serve-page.png.
 */
class ServePageIT {
    /** A bridge whose name is markup: Linux takes it, libvirt takes it, the page must show it as text. */
    private static final String MARKUP_BRIDGE = "it<script>";
    private static final int POLL = 30;

    @TempDir
    Path dir;

    @Test
    void thePageShowsConvergedDriftedAndRolledBackGuestsAndRunsOnlyWithTheToken() throws Exception {
        Lab.require();
        List<Guest> guests = Guest.started(Guest.Kind.KERNEL, Guest.Kind.KERNEL, Guest.Kind.NOOS);
        Launcher serve = null;
        try {
            Lab.ip("link", "add", "name", MARKUP_BRIDGE, "type", "bridge");
            Guest kept = guests.get(0);
            Guest drifted = guests.get(1);
            Guest stuck = guests.get(2);
            attachToMarkupBridge(stuck);
            DesiredRepo repo = new DesiredRepo(dir.resolve("repo")).policy("  drift: report\n");
            repo.vm(kept.name, nic("k1", bridge(Lab.OTHER_BRIDGE)))
                    .vm(drifted.name, nic("d1", bridge(Lab.OTHER_BRIDGE)))
                    .vm(stuck.name, nic("s1", bridge(Lab.OTHER_BRIDGE))).push("one NIC for each guest");
            String token = "page-token-" + UUID.randomUUID();
            Path tokenFile = Files.writeString(dir.resolve("run-token"), token + "\n");
            int port = ServeProcessIT.freePort();
            serve = Launcher.start(dir.resolve("serve.out"), "serve", "--repo", repo.url(), "--ref", "main",
                    "--state-dir", dir.resolve("state").toString(), "--cache-dir", dir.resolve("cache").toString(),
                    "--listen", "127.0.0.1:" + port, "--interval", "1h", "--step-timeout", "6s",
                    "--run-token-file", tokenFile.toString(), "--no-git-notes");
            URI base = URI.create("http://127.0.0.1:" + port + "/");
            Launcher served = serve;
            Served.await(90, "serve answers", () -> status(base.resolve("/healthz")) == 200, served::output);

            try (Chromium page = Chromium.start(1500, 1100)) {
                page.open(base);
                awaitRuns(page, 1, "applied");

                repo.vm(stuck.name, nic("s1", bridge(Lab.OTHER_BRIDGE), "state: absent")).push("unplug s1");
                runNow(page, token);
                awaitRuns(page, 2, "rolled-back");
                repo.vm(stuck.name, nic("s1", bridge(Lab.OTHER_BRIDGE))).push("keep s1 after all");
                runNow(page, token);
                awaitRuns(page, 3, "no-changes");

                String mac = drifted.nics().live("d1").orElseThrow().mac();
                Lab.virsh("detach-interface", drifted.name, "bridge", "--mac", mac, "--live", "--config");
                Served.await(60, "d1 unplugged by hand", () -> drifted.nics().live("d1").isEmpty());

                page.evaluate("document.getElementById('run-token').value = ''");
                page.click("#run-button");
                page.await(POLL, "the refusal", () -> text(page, "#run-answer").contains("refused"));
                assertThat(page.evaluate("document.getElementById('run-answer').dataset.status").asText())
                        .isEqualTo("401");
                Thread.sleep(3000); // a run would have started at once
                assertThat(runs(page)).as("no run without the token").isEqualTo(3);

                runNow(page, token);
                awaitRuns(page, 4, "drift-reported");
                page.await(POLL, "the drift on the page", () -> state(page, drifted).equals("drifting"));

                assertThat(state(page, kept)).isEqualTo("converged");
                assertThat(state(page, stuck)).isEqualTo("converged");
                assertThat(state(page, drifted)).isEqualTo("drifting");
                assertThat(rowText(page, drifted, "tr[data-nic='d1']")).contains("bridge br-lab1").contains("not plugged");
                assertThat(rowText(page, drifted, ".steps")).contains("+ add d1 (bridge " + Lab.OTHER_BRIDGE);
                assertThat(text(page, "#plan")).contains("# lab/" + drifted.name + " (running, fingerprint ")
                        .contains("+ add d1 (bridge " + Lab.OTHER_BRIDGE).contains("Plan: 1 to add, 0 to unplug");
                assertThat(rowText(page, stuck, ".last-result")).contains("FAILED at unplug s1")
                        .contains("rolled back (1 step(s) undone)");
                String rolledBack = page.evaluate("[...document.querySelectorAll('#runs .run')]"
                        + ".find(r => r.dataset.outcome === 'rolled-back').innerText").asText();
                assertThat(rolledBack).contains("unplug s1").contains("failed").contains("undo: link s1 up")
                        .contains("undone").contains("Apply: 0 applied, 1 rolled back");
                // the live NIC on the markup bridge is text in its cell, and the page runs no script but its own
                assertThat(page.evaluate("[...document.querySelectorAll('tr[data-vm=\"lab/" + stuck.name + "\"] td')]"
                        + ".some(td => td.textContent.includes('bridge " + MARKUP_BRIDGE + " link up'))").asBoolean())
                        .isTrue();
                assertThat(page.evaluate("document.querySelectorAll('script').length").asInt()).isEqualTo(1);
                assertThat(page.evaluate("document.querySelector('script').getAttribute('src')").asText())
                        .isEqualTo("/app.js");
                assertThat(page.evaluate("document.body.innerHTML.includes('bridge it&lt;script&gt; link up')")
                        .asBoolean()).isTrue();

                page.evaluate("document.getElementById('run-token').value = ''; "
                        + "document.getElementById('run-answer').textContent = ''");
                page.screenshot(Project.root().resolve("src/test/target/serve-page.png"));
            }
        } finally {
            if (serve != null) {
                serve.process().destroy();
                serve.process().waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
                serve.process().destroyForcibly();
            }
            Guest.closeAll(guests);
            Lab.run("ip", "link", "del", MARKUP_BRIDGE);
        }
    }

    /** virsh attach-interface writes the name into its XML unescaped; the device's XML escapes it. */
    private void attachToMarkupBridge(Guest guest) throws IOException {
        Path device = Files.writeString(dir.resolve("markup-nic.xml"), "<interface type='bridge'><source bridge='"
                + MARKUP_BRIDGE.replace("<", "&lt;").replace(">", "&gt;") + "'/><model type='virtio'/></interface>");
        Lab.virsh("attach-device", guest.name, device.toString(), "--live", "--config");
    }

    private static void runNow(Chromium page, String token) {
        page.evaluate("document.getElementById('run-token').value = ''");
        page.click("#run-token");
        page.type(token);
        page.click("#run-button");
        page.await(POLL, "run now accepted", () -> text(page, "#run-answer").startsWith("accepted"));
    }

    private static void awaitRuns(Chromium page, int count, String outcome) {
        page.await(POLL * 4, count + " run(s), the last " + outcome, () -> runs(page) >= count
                && outcome.equals(page.evaluate("document.querySelector('#runs .run').dataset.outcome").asText()));
        assertThat(runs(page)).isEqualTo(count);
    }

    private static int runs(Chromium page) {
        return page.evaluate("document.querySelectorAll('#runs .run').length").asInt();
    }

    private static String state(Chromium page, Guest guest) {
        return page.evaluate("(document.querySelector(" + Chromium.quoted("tr[data-vm=\"lab/" + guest.name + "\"] .state")
                + ") || {dataset: {}}).dataset.state || ''").asText();
    }

    private static String rowText(Chromium page, Guest guest, String selector) {
        return page.evaluate("[...document.querySelectorAll(" + Chromium.quoted("tr[data-vm=\"lab/" + guest.name + "\"] "
                + selector) + ")].map(e => e.textContent).join('\\n')").asText();
    }

    private static String text(Chromium page, String selector) {
        return page.evaluate("document.querySelector(" + Chromium.quoted(selector) + ").textContent").asText();
    }

    private static int status(URI uri) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return ServeProcessIT.status(http, uri);
        }
    }
}
