package io.nicsync.apply;

import io.nicsync.spi.Step;

/** A step with its position in the plan: the journal and the listeners name steps by it. */
record IndexedStep(int index, Step step) {
}
