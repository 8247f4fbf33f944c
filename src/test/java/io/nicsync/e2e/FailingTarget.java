package io.nicsync.e2e;

import io.nicsync.spi.Capabilities;
import io.nicsync.spi.LiveVm;
import io.nicsync.spi.Step;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.VmRef;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real libvirt target with one injected fault: the {@code failAt}-th call of {@link #execute} fails,
 * either before it reaches libvirt or after libvirt carried it out (a step that took effect and still
 * reported failure). Every other call, the rollback's included, goes through unchanged.
 */
final class FailingTarget implements Target {
    private final Target real;
    private final int failAt;
    private final boolean afterEffect;
    private final AtomicInteger calls = new AtomicInteger();

    FailingTarget(Target real, int failAt, boolean afterEffect) {
        this.real = real;
        this.failAt = failAt;
        this.afterEffect = afterEffect;
    }

    @Override
    public void execute(Step step, Duration timeout) throws TargetException {
        if (calls.incrementAndGet() != failAt) {
            real.execute(step, timeout);
            return;
        }
        if (afterEffect) {
            real.execute(step, timeout);
        }
        throw new TargetException(TargetException.Reason.REFUSED, "injected fault at call " + failAt
                + (afterEffect ? ", after the step took effect" : ", before the step ran"));
    }

    @Override
    public String name() {
        return real.name();
    }

    @Override
    public Capabilities capabilities() {
        return real.capabilities();
    }

    @Override
    public List<LiveVm> observeAll() throws TargetException {
        return real.observeAll();
    }

    @Override
    public LiveVm observe(VmRef vm) throws TargetException {
        return real.observe(vm);
    }

    @Override
    public List<String> preflight(List<Step> steps) throws TargetException {
        return real.preflight(steps);
    }

    @Override
    public void close() {
        // the real target belongs to the test, which closes it
    }
}
