package io.nicsync.plugin.kubevirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nicsync.spi.TargetException.Reason;
import io.nicsync.spi.TargetException;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserting that a call fails with a {@link TargetException} of a given reason, then on its message. */
final class Failing {
    private Failing() {
    }

    static AbstractThrowableAssert<?, ? extends Throwable> failsWith(Reason reason, ThrowingCallable call) {
        return assertThatThrownBy(call).isInstanceOf(TargetException.class)
                .satisfies(e -> assertThat(((TargetException) e).reason()).as("reason").isEqualTo(reason));
    }
}
