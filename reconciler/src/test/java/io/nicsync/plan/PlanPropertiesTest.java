package io.nicsync.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.nicsync.spi.AddNic;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.LiveNic;
import io.nicsync.spi.Migrate;
import io.nicsync.spi.Nics;
import io.nicsync.spi.PersistNic;
import io.nicsync.spi.RepointNic;
import io.nicsync.spi.RestartRequired;
import io.nicsync.spi.SetLink;
import io.nicsync.spi.Step;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.UnpersistNic;
import io.nicsync.spi.UnplugNic;
import io.nicsync.spi.VmRef;
import io.nicsync.testing.FakeTarget;
import io.nicsync.testing.RandomVms;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Ordering and capacity invariants of plans over random desired/observed pairs. */
class PlanPropertiesTest {

    @Provide
    Arbitrary<RandomVms.Pair> pairs() {
        return RandomVms.pairs();
    }

    private static Plan plan(RandomVms.Pair pair) {
        return new Planner(Scenario.CLOCK).plan(Scenario.SOURCE,
                List.of(new PlanInput(pair.desired(), pair.live(), pair.capabilities())));
    }

    @Property
    void link_down_precedes_the_unplug_of_the_same_nic(@ForAll("pairs") RandomVms.Pair pair) {
        var steps = plan(pair).steps();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof SetLink s && s.to() == LinkState.DOWN) {
                int linkDown = i;
                assertThat(steps.subList(0, linkDown)).noneMatch(u -> u instanceof UnplugNic
                        && Objects.equals(u.nic(), s.nic()));
            }
            if (steps.get(i) instanceof UnplugNic u && pair.capabilities().setLinkLive() && wasUp(pair, u)) {
                int unplug = i;
                assertThat(steps.subList(0, unplug)).as("carrier down before unplugging %s", u.nic())
                        .anyMatch(s -> s instanceof SetLink l && l.to() == LinkState.DOWN
                                && Objects.equals(l.nic(), u.nic()));
            }
        }
    }

    @Property
    void all_unplugs_precede_all_adds(@ForAll("pairs") RandomVms.Pair pair) {
        var steps = plan(pair).steps();
        int lastUnplug = lastIndex(steps, UnplugNic.class);
        int firstAdd = firstIndex(steps, AddNic.class);
        if (lastUnplug >= 0 && firstAdd >= 0) {
            assertThat(lastUnplug).isLessThan(firstAdd);
        }
    }

    @Property
    void no_add_beyond_capacity(@ForAll("pairs") RandomVms.Pair pair) {
        var steps = plan(pair).steps();
        long adds = steps.stream().mapToLong(s -> s instanceof AddNic ? 1
                : s instanceof Migrate m ? m.carries().size() : 0).sum();
        long freed = pair.live().capacity().supported() ? count(steps, UnplugNic.class) : 0;
        assertThat(adds).isLessThanOrEqualTo(pair.live().capacity().freeSlots() + freed);
        if (!pair.live().power().live()) {
            assertThat(steps).noneMatch(s -> s instanceof AddNic || s instanceof UnplugNic || s instanceof SetLink
                    || s instanceof RepointNic || s instanceof Migrate || s instanceof RestartRequired);
        }
    }

    @Property
    void persistent_steps_follow_the_live_steps_of_their_nic(@ForAll("pairs") RandomVms.Pair pair) {
        var steps = plan(pair).steps();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof PersistNic || steps.get(i) instanceof UnpersistNic) {
                if (keepsUnplugged(pair) && steps.get(i) instanceof PersistNic p && p.previous() == null) {
                    continue; // a new entry, defined before the add that plugs it
                }
                String nic = steps.get(i).nic();
                assertThat(steps.subList(i + 1, steps.size())).noneMatch(s -> isLive(s) && nic.equals(s.nic()));
            }
        }
    }

    /**
     * Where the one definition keeps unplugged NICs, no unplug is counted on to remove an entry and no add to write
     * a new one: a new NIC's entry is written before the add plugs it, a leftover entry removed after the unplug.
     */
    @Property
    void where_unplugged_nics_stay_defined_entries_come_and_go_by_their_own_steps(@ForAll("pairs") RandomVms.Pair pair) {
        if (!keepsUnplugged(pair)) {
            return;
        }
        var steps = plan(pair).steps();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof AddNic a && declaredPersistent(pair, a)
                    && !Nics.find(pair.live(), a.spec()).map(LiveNic::persisted).orElse(false)) {
                assertThat(steps.subList(0, i)).as("the entry of %s before its add", a.nic())
                        .anyMatch(s -> s instanceof PersistNic p && p.previous() == null && p.nic().equals(a.nic()));
            }
            if (steps.get(i) instanceof UnplugNic u && Nics.find(pair.live(), u.spec()).map(LiveNic::persisted)
                    .orElse(false) && steps.subList(i + 1, steps.size()).stream()
                    .noneMatch(s -> s instanceof AddNic a && a.nic().equals(u.nic()))) {
                assertThat(steps.subList(i + 1, steps.size())).as("the entry of %s removed after its unplug", u.nic())
                        .anyMatch(s -> s instanceof UnpersistNic r && r.nic().equals(u.nic()));
            }
        }
    }

    private static boolean declaredPersistent(RandomVms.Pair pair, AddNic add) {
        return pair.desired().nics().stream().anyMatch(d -> d.name().equals(add.spec().name()) && d.persist());
    }

    private static boolean keepsUnplugged(RandomVms.Pair pair) {
        return !pair.capabilities().separatePersistentDefinition() && pair.capabilities().keepsUnplugged();
    }

    @Property
    void every_step_but_migrate_and_restart_has_an_inverse(@ForAll("pairs") RandomVms.Pair pair) {
        for (Step step : plan(pair).steps()) {
            boolean irreversible = step instanceof Migrate || step instanceof RestartRequired;
            assertThat(step.inverse().isPresent()).as("%s", step).isEqualTo(!irreversible);
        }
    }

    @Property
    void ordering_is_stable_once_sorted(@ForAll("pairs") RandomVms.Pair pair) {
        var steps = plan(pair).steps();
        var definedFirst = keepsUnplugged(pair) ? java.util.Set.of(pair.live().ref()) : java.util.Set.<VmRef>of();
        assertThat(StepOrder.sort(steps, definedFirst)).isEqualTo(steps);
    }

    /** Fewer tries: schema validation is the slow part, and the shapes repeat quickly. */
    @Property(tries = 200)
    void every_plan_round_trips_through_its_file(@ForAll("pairs") RandomVms.Pair pair) throws Exception {
        var plan = plan(pair);
        var json = PlanFile.write(plan);
        assertThat(PlanFile.read(json)).isEqualTo(plan);
        assertThat(PlanSchema.problems(json)).isEmpty();
    }

    /**
     * Carrying out a plan that needs no restart and warns of nothing leaves nothing to do; every step is
     * verified by the VM it leaves behind.
     */
    @Property
    void applying_a_plan_converges(@ForAll("pairs") RandomVms.Pair pair) throws TargetException {
        var plan = plan(pair);
        boolean clean = plan.steps().stream().noneMatch(RestartRequired.class::isInstance)
                && plan.notes().stream().noneMatch(n -> n.level() == PlanNote.Level.WARNING);
        if (!clean) {
            return;
        }
        var target = new FakeTarget("lab", pair.capabilities()).put(pair.live());
        for (Step step : plan.steps()) {
            target.execute(step, Duration.ofSeconds(1));
            assertThat(step.verifiedBy(target.observe(step.vm()))).as("%s verified", step).isTrue();
        }
        var after = new PlanInput(pair.desired(), target.observe(RandomVms.VM), pair.capabilities());
        assertThat(new Planner(Scenario.CLOCK).plan(Scenario.SOURCE, List.of(after)).steps()).isEmpty();
    }

    /**
     * With every desired NIC persisted, carrying out a plan that warns of nothing, restart included, leaves
     * nothing to do: what waited for the restart was put in the persistent definition.
     */
    @Property
    void applying_a_plan_with_its_restart_converges(@ForAll("pairs") RandomVms.Pair pair) throws TargetException {
        var plan = plan(pair);
        boolean clean = plan.notes().stream().noneMatch(n -> n.level() == PlanNote.Level.WARNING)
                && pair.desired().nics().stream().allMatch(n -> n.persist());
        if (!clean) {
            return;
        }
        Statistics.label("restart").collect(plan.steps().stream().anyMatch(RestartRequired.class::isInstance))
                .coverage(c -> c.check(true).percentage(p -> p > 3)); // the restart path must be exercised
        var target = new FakeTarget("lab", pair.capabilities()).put(pair.live());
        for (Step step : plan.steps()) {
            target.execute(step, Duration.ofSeconds(1));
        }
        var after = new PlanInput(pair.desired(), target.observe(RandomVms.VM), pair.capabilities());
        assertThat(new Planner(Scenario.CLOCK).plan(Scenario.SOURCE, List.of(after)).steps()).isEmpty();
    }

    private static boolean wasUp(RandomVms.Pair pair, UnplugNic unplug) {
        var spec = unplug.spec();
        var nic = spec.name() != null ? pair.live().nic(spec.name()) : pair.live().nicByMac(spec.mac());
        return nic.map(n -> n.live().link() == LinkState.UP).orElse(false);
    }

    private static boolean isLive(Step step) {
        return step instanceof AddNic || step instanceof UnplugNic || step instanceof RepointNic
                || step instanceof SetLink;
    }

    private static int firstIndex(List<Step> steps, Class<? extends Step> kind) {
        for (int i = 0; i < steps.size(); i++) {
            if (kind.isInstance(steps.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndex(List<Step> steps, Class<? extends Step> kind) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (kind.isInstance(steps.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static long count(List<Step> steps, Class<? extends Step> kind) {
        return steps.stream().filter(kind::isInstance).count();
    }
}
