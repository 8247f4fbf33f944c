package io.nicsync.plan;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.VmRef;
import io.nicsync.testing.DesiredYaml;
import io.nicsync.testing.FakeCapabilities;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One planning case as files under {@code src/test/resources/plan/<case>/}: {@code desired.yaml} (VmNics
 * documents), {@code live.json} (the target's capabilities and its observed VMs), and the goldens
 * {@code plan.json} and {@code plan.txt}.
 */
public record Scenario(String name, List<DesiredVm> desired, FakeCapabilities capabilities, List<LiveVm> live) {

    static final Path ROOT = Path.of("src/test/resources/plan");
    static final DesiredSource SOURCE = new DesiredSource(
            "9f1c2e3d4b5a69788796a5b4c3d2e1f009182736", "Ada Operator <ada@example.org>", "main", "vms");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    private static final ObjectMapper LIVE_READER = JsonMapper.builder().addModule(PlanJson.module())
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS).build();

    record LiveFile(FakeCapabilities capabilities, List<LiveVm> vms) {
    }

    static Stream<String> names() throws IOException {
        try (var dirs = Files.list(ROOT)) {
            return dirs.filter(d -> Files.exists(d.resolve("desired.yaml")))
                    .map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    public static Scenario load(String name) {
        try {
            var dir = ROOT.resolve(name);
            var live = LIVE_READER.readValue(dir.resolve("live.json").toFile(), LiveFile.class);
            return new Scenario(name, DesiredYaml.read(Files.readString(dir.resolve("desired.yaml"))),
                    live.capabilities(), live.vms());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every desired VM paired with the observed VM of the same name. */
    public List<PlanInput> inputs() {
        Map<VmRef, LiveVm> byRef = live.stream().collect(Collectors.toMap(LiveVm::ref, Function.identity()));
        return desired.stream().map(d -> new PlanInput(d, byRef.get(d.ref()), capabilities)).toList();
    }

    public Plan plan() {
        return new Planner(CLOCK).plan(SOURCE, inputs());
    }

    public Path golden(String file) {
        return ROOT.resolve(name).resolve(file);
    }
}
