package io.nicsync.apply;

import io.nicsync.spi.Step;
import io.nicsync.spi.Target;
import io.nicsync.spi.VmRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Undoes steps of one VM through their inverses, in the order given (newest first). An inverse whose
 * effect already shows is not run: that part of the VM is as it was, which also makes rollback safe to
 * repeat after a crash. A failed undo does not stop the others: as much of the VM as possible goes back.
 */
final class Rollback {
    private final Target target;
    private final StepRunner runner;
    private final ApplyListener listener;

    /**
     * @param irreversible steps without an inverse
     * @param notUndone steps whose inverse failed
     * @param error the last undo error, null when none failed
     */
    record Result(int undone, List<Step> irreversible, List<Step> notUndone, String error) {
    }

    Rollback(Target target, StepRunner runner, ApplyListener listener) {
        this.target = target;
        this.runner = runner;
        this.listener = listener;
    }

    Result undo(VmRef vm, List<IndexedStep> newestFirst) {
        List<Step> irreversible = new ArrayList<>();
        List<Step> notUndone = new ArrayList<>();
        String error = null;
        int undone = 0;
        for (IndexedStep s : newestFirst) {
            Optional<Step> inverse = s.step().inverse();
            if (inverse.isEmpty()) {
                irreversible.add(s.step());
                continue;
            }
            try {
                if (!inverse.get().verifiedBy(target.observe(vm))) {
                    listener.beforeUndo(vm, s.index(), inverse.get());
                    runner.run(target, inverse.get());
                }
                listener.undone(vm, s.index(), inverse.get());
                undone++;
            } catch (Exception e) {
                error = StepRunner.message(e);
                notUndone.add(s.step());
                listener.undoFailed(vm, s.index(), inverse.get(), error);
            }
        }
        return new Result(undone, irreversible, notUndone, error);
    }
}
