package io.nicsync.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class DurationsTest {

    @Property
    void hoursMinutesAndSecondsAddUp(@ForAll @IntRange(max = 48) int h, @ForAll @IntRange(max = 120) int m,
            @ForAll @IntRange(max = 120) int s) {
        String text = (h > 0 ? h + "h" : "") + (m > 0 ? m + "m" : "") + (s > 0 || h + m == 0 ? s + "s" : "");

        assertThat(Durations.parse(text)).isEqualTo(Duration.ofSeconds(h * 3600L + m * 60L + s));
    }
}
