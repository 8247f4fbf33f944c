package io.nicsync.validate;

/** Policy values the schema cannot rule out: a step timeout of zero would fail every step at once. */
final class PolicyValues implements Rule {

    @Override
    public void check(Declarations d, Diagnostics out) {
        if (d.config() != null && d.config().policy().stepTimeout().isZero()) {
            out.error(d.configDoc(), "/policy/stepTimeout", "policy.stepTimeout must be longer than 0s");
        }
    }
}
