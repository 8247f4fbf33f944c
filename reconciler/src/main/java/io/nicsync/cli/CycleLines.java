package io.nicsync.cli;

import io.nicsync.apply.ApplyReport;
import io.nicsync.plan.HumanPlanView;
import io.nicsync.plan.Plan;
import io.nicsync.reconcile.CycleListener;
import io.nicsync.reconcile.Decision;
import io.nicsync.reconcile.RunReport;
import io.nicsync.source.Snapshot;
import java.io.PrintWriter;

/**
 * A reconcile cycle as lines for a log collector: a plan with changes and what is done with it, one line per step,
 * the apply's report, and one closing line per cycle. No terminal display.
 */
final class CycleLines extends LineProgress implements CycleListener {
    private final PrintWriter out;
    private final PrintWriter err;

    CycleLines(PrintWriter out, PrintWriter err) {
        super(out);
        this.out = out;
        this.err = err;
    }

    @Override
    public synchronized void recovered(ApplyReport report) {
        out.println("Recovered an interrupted earlier run first:");
        ReportView.text(report, out);
        out.flush();
    }

    @Override
    public synchronized void planned(Snapshot head, Plan plan, Decision decision) {
        if (plan.noChanges()) {
            return;
        }
        out.println(SnapshotText.header(head));
        new HumanPlanView().render(plan, out);
        out.println(switch (decision) {
            case APPLY -> "Applying.";
            case PLAN_ONLY -> "Not applied: policy.autoApply is false.";
            case REPORT_DRIFT -> "Not applied: the VMs drifted from the commit last applied and policy.drift is report.";
            case NOTHING_TO_DO -> "Nothing to do.";
        });
        out.flush();
    }

    @Override
    public synchronized void warning(String message) {
        err.println("nicsync: warning: " + message);
        err.flush();
    }

    @Override
    public synchronized void finished(RunReport report) {
        if (report.applied() != null) {
            ReportView.text(report.applied(), out);
        }
        report.diagnostics().forEach(err::println);
        if (report.error() != null) {
            err.println("nicsync: error: " + report.error());
        }
        out.println(closing(report));
        out.flush();
        err.flush();
    }

    static String closing(RunReport r) {
        String at = r.head() == null ? "" : " at commit " + r.head().commitId().substring(0, 12);
        String changes = r.changedVms() + " VM(s), " + r.steps() + " step(s)";
        String what = switch (r.outcome()) {
            case NO_CHANGES -> "no changes" + at;
            case APPLIED -> "applied" + at + " (" + changes + ")";
            case PLANNED -> "changes planned" + at + ", not applied (" + changes + ")";
            case DRIFT_REPORTED -> "drift reported" + at + ", not applied (" + changes + ")";
            case ROLLED_BACK -> "failed" + at + ", rolled back";
            case LEFT_CHANGED -> "failed" + at + ", VMs left changed";
            case UNTRUSTED -> "refused" + at + ": the commit is not trusted";
            case ERROR -> "error" + at;
        };
        return "Reconcile: " + what + "; " + r.duration().toMillis() + " ms; exit " + r.exitCode();
    }
}
