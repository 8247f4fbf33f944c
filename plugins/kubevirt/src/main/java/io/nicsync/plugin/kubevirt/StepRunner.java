package io.nicsync.plugin.kubevirt;

import io.nicsync.spi.Step;
import io.nicsync.spi.TargetException;
import java.time.Duration;

/** Carries out steps through one generation of KubeVirt's NIC API. */
interface StepRunner {
    void run(Step step, Duration timeout) throws TargetException;
}
