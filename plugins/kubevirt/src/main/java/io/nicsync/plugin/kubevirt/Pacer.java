package io.nicsync.plugin.kubevirt;

import java.time.Duration;
import java.time.Instant;

/** Time as the plugin sees it: injected so that tests of waiting and retrying run without waiting. */
interface Pacer {
    Instant now();

    void sleep(Duration duration) throws InterruptedException;

    Pacer SYSTEM = new Pacer() {
        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            Thread.sleep(duration);
        }
    };
}
