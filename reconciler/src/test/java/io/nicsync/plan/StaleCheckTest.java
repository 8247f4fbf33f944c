package io.nicsync.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nicsync.spi.Fingerprint;
import io.nicsync.spi.LiveVm;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaleCheckTest {
    private final Scenario scenario = Scenario.load("several-vms");
    private final Plan plan = scenario.plan();

    @Test
    void a_plan_is_fresh_while_every_fingerprint_matches() throws StalePlanException {
        assertThat(StaleCheck.check(plan, scenario.live())).isInstanceOf(StaleCheck.Fresh.class);
        StaleCheck.requireFresh(plan, scenario.live());
    }

    @Test
    void a_changed_vm_makes_the_plan_stale_and_is_named() {
        var live = scenario.live().stream()
                .map(vm -> vm.ref().name().equals("web-02") ? withFingerprint(vm, "changed") : vm).toList();

        var result = StaleCheck.check(plan, live);

        assertThat(result).isInstanceOf(StaleCheck.Stale.class);
        assertThat(((StaleCheck.Stale) result).message())
                .isEqualTo("plan is stale: lab/web-02 changed since the plan was made");
    }

    @Test
    void a_vanished_vm_makes_the_plan_stale() {
        var live = scenario.live().stream().filter(vm -> !vm.ref().name().equals("web-01")).toList();

        assertThatThrownBy(() -> StaleCheck.requireFresh(plan, live))
                .isInstanceOf(StalePlanException.class)
                .hasMessage("plan is stale: lab/web-01 no longer exists")
                .satisfies(e -> assertThat(((StalePlanException) e).changed()).hasSize(1));
    }

    @Test
    void a_plan_read_back_from_its_file_checks_the_same() throws Exception {
        var read = PlanFile.read(PlanFile.write(plan));
        assertThat(StaleCheck.check(read, List.of(withFingerprint(scenario.live().get(0), "x"))))
                .isInstanceOf(StaleCheck.Stale.class);
    }

    private static LiveVm withFingerprint(LiveVm vm, String value) {
        return new LiveVm(vm.ref(), vm.power(), vm.machineType(), vm.nics(), vm.capacity(), new Fingerprint(value));
    }
}
