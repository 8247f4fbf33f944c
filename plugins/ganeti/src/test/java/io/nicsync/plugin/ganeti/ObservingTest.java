package io.nicsync.plugin.ganeti;

import static io.nicsync.plugin.ganeti.Targets.REC1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nicsync.spi.TargetException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One instance is observed only once no Ganeti job works on it any more. */
class ObservingTest {
    private final FakeTime time = new FakeTime();

    /** The answer to the query for unfinished jobs: one job of another client working on rec1. */
    private static JsonNode oneRunningJobOnRec1() {
        ObjectNode answer = Json.object();
        var row = answer.putArray("data").addArray();
        row.addArray().add(0).add(77);
        row.addArray().add(0).addArray().addObject().put("OP_ID", "OP_INSTANCE_SET_PARAMS")
                .put("instance_name", "rec1.ganeti.test");
        return answer;
    }

    @Test
    void anInstanceAJobWorksOnIsObservedWhenTheJobHasEnded() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        FakeRapi rapi = new FakeRapi().instances(Fixtures.json("instance-four-nics"));
        GanetiTarget target = Targets.over(rapi, time);
        rapi.on("PUT", "/2/query/job", r -> asked.incrementAndGet() <= 3 ? oneRunningJobOnRec1()
                : Json.object().set("data", Json.array()));

        assertThat(target.observe(REC1).nics()).hasSize(4);
        assertThat(asked).hasValue(4);
        assertThat(time.slept()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void aJobThatDoesNotEndIsATimeout() throws Exception {
        FakeRapi rapi = new FakeRapi().instances(Fixtures.json("instance-four-nics"));
        GanetiTarget target = Targets.over(rapi, time);
        rapi.on("PUT", "/2/query/job", r -> oneRunningJobOnRec1());

        assertThatThrownBy(() -> target.observe(REC1))
                .hasMessage("rec1.ganeti.test: Ganeti jobs [77] still work on the instance after 60 s; it is observed"
                        + " once they are done")
                .extracting(e -> ((TargetException) e).reason()).isEqualTo(TargetException.Reason.TIMEOUT);
    }

    @Test
    void observingEveryInstanceDoesNotWait() throws Exception {
        FakeRapi rapi = new FakeRapi().instances(Fixtures.json("instance-four-nics"));
        GanetiTarget target = Targets.over(rapi, time);
        rapi.on("PUT", "/2/query/job", r -> oneRunningJobOnRec1());

        assertThat(target.observeAll()).hasSize(1);
        assertThat(time.slept()).isZero();
    }
}
