package io.nicsync.validate;

import io.nicsync.spi.VmRef;
import java.util.HashMap;
import java.util.Map;

/** A VM (target, namespace, name) is declared by one document only: two would fight over its NICs. */
final class UniqueVms implements Rule {

    @Override
    public void check(Declarations d, Diagnostics out) {
        Map<VmRef, Declared> first = new HashMap<>();
        for (Declared vm : d.vms()) {
            Declared earlier = first.putIfAbsent(vm.vm().ref(), vm);
            if (earlier != null) {
                out.error(vm.doc(), "/metadata/name", "VM " + vm.vm().ref() + " is declared twice (first at "
                        + earlier.doc().where("/metadata/name") + ")");
            }
        }
    }
}
