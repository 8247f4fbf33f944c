package io.nicsync.cli;

import io.nicsync.apply.ApplyListener;
import io.nicsync.apply.ApplyReport;
import io.nicsync.apply.ExitCode;
import io.nicsync.apply.LockHolder;
import io.nicsync.apply.Sleeper;
import io.nicsync.loop.ApplyRun;
import io.nicsync.loop.Desired;
import io.nicsync.loop.Observation;
import io.nicsync.loop.OpenTargets;
import io.nicsync.loop.Preflight;
import io.nicsync.loop.RunFailure;
import io.nicsync.loop.SavedPlans;
import io.nicsync.loop.StatusNoteText;
import io.nicsync.plan.HumanPlanView;
import io.nicsync.plan.JsonPlanView;
import io.nicsync.plan.Plan;
import io.nicsync.platforms.Plugins;
import io.nicsync.source.GitSource;
import io.nicsync.source.NoteOutcome;
import io.nicsync.source.SourceException;
import io.nicsync.source.SourceSpec;
import io.nicsync.validate.Policy;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nicsync apply}: carry out a plan, verified step by step, rolled back on failure. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        header = "Carry out a plan, verifying each step; roll back a failed VM.",
        footerHeading = "%nExamples:%n",
        footer = {"  nicsync apply --dry-run   # the plan and the preflight checks only",
                "  nicsync apply --yes --target lab",
                "  nicsync apply web.plan    # a saved plan, checked against the VMs first"},
        description = "Plans from --repo (or takes a saved plan FILE) and carries it out: each VM's steps in order, "
                + "VMs in parallel, every step verified on the live VM, a failed VM rolled back. Exit 0 all applied; "
                + "1 error before any change; 3 some VMs failed and were rolled back; 4 some VMs failed and could "
                + "not be rolled back.")
final class ApplyCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "A plan saved by nicsync plan --out.")
    Path planFile;

    @Mixin
    SourceOptions source;

    @Mixin
    TargetOptions targets;

    @Option(names = "--dry-run", description = "Show the plan and run the preflight checks; change nothing.")
    boolean dryRun;

    @Option(names = "--yes", description = "Do not ask for confirmation.")
    boolean yes;

    @Mixin
    RunOptions run;

    @Mixin
    SignatureOptions signatures;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "text (default) or json.")
    OutputFormat output = OutputFormat.TEXT;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (output == OutputFormat.JSON && !yes && !dryRun) {
            throw new UserError("apply -o json asks no question inside its JSON: add --yes to apply, or --dry-run;"
                    + " nothing was read or changed");
        }
        Plugins plugins = Plugins.installed();
        PrintWriter out = spec.commandLine().getOut();
        Plan saved = planFile == null ? null : SavedPlans.read(Files.readString(planFile), plugins);
        SourceSpec from = saved == null ? source.spec().withSignatures(signatures.policy()) : planAccess(saved);
        if (saved == null) {
            source.warnUncommitted(from, spec.commandLine().getErr());
        }
        Desired desired = saved == null ? Desired.read(from, plugins) : Desired.ofPlan(saved, from, plugins);
        Set<String> names = saved == null ? desired.targetsOf(targets.selection()) : targetsOf(saved);
        try (OpenTargets open = OpenTargets.open(desired.state().config().targets(), plugins, targets.overrides(),
                names)) {
            Plan plan = saved != null ? saved
                    : Observation.observe(desired, targets.selection(), open).plan(Clock.systemUTC());
            if (output == OutputFormat.TEXT) {
                out.println(SnapshotText.header(desired.snapshot()));
                new HumanPlanView(Terminal.colour()).render(plan, out);
                out.flush();
            }
            if (plan.noChanges()) {
                return finishWithoutChanges(plan, out);
            }
            if (dryRun) {
                return preflightOnly(plan, open, out);
            }
            if (!yes && !confirmed(out)) {
                spec.commandLine().getErr().println("nicsync: apply cancelled; nothing was changed");
                return ExitCode.ERROR.code();
            }
            ApplyRun applyRun = new ApplyRun(settings(desired.state().config().policy()), Clock.systemUTC(),
                    Sleeper.REAL);
            ApplyRun.Outcome outcome = saved != null
                    ? applyRun.runSaved(plan, desired.state(), open, progress(out, plan))
                    : applyRun.run(plan, () -> replanned(desired, open, out), open, progress(out, plan));
            NoteOutcome note = run.noGitNotes ? null : recordNote(from, desired, outcome);
            report(outcome, desired, note, out);
            return outcome.report().exitCode();
        }
    }

    /** The plan made again after recovering an interrupted run, shown as the first one was. */
    private Plan replanned(Desired desired, OpenTargets open, PrintWriter out) throws RunFailure {
        Plan again;
        try {
            again = Observation.observe(desired, targets.selection(), open).plan(Clock.systemUTC());
        } catch (io.nicsync.spi.TargetException e) {
            throw RunFailure.of(e);
        }
        if (output == OutputFormat.TEXT) {
            out.println("An interrupted earlier run was recovered first; planned again from the recovered VMs:");
            new HumanPlanView(Terminal.colour()).render(again, out);
            out.flush();
        }
        return again;
    }

    /**
     * A saved plan is read again at its own commit, so the targets are the ones it was planned against. How to
     * reach a saved plan's repository: --repo if given, else the repository the plan names. Either way
     * --cache-dir and the credentials options count.
     */
    private SourceSpec planAccess(Plan plan) {
        if (source.given()) {
            return source.spec().withSignatures(signatures.policy());
        }
        return plan.source().repo() == null ? null
                : source.specFor(plan.source().repo()).withSignatures(signatures.policy());
    }

    /** The run's outcome as a note on the commit it applied; a note that cannot be written is only a warning. */
    private static NoteOutcome recordNote(SourceSpec from, Desired desired, ApplyRun.Outcome outcome) {
        Instant now = Instant.now();
        String commit = desired.snapshot().commitId();
        String entry = StatusNoteText.entry("apply", now, LockHolder.current(now, "").host(), outcome);
        try {
            return GitSource.appendNote(from, commit, entry);
        } catch (SourceException e) {
            return new NoteOutcome(commit, null, e.getMessage());
        }
    }

    private static Set<String> targetsOf(Plan plan) {
        Set<String> names = new TreeSet<>();
        plan.vms().forEach(vm -> names.add(vm.vm().target()));
        return names;
    }

    private int finishWithoutChanges(Plan plan, PrintWriter out) {
        if (output == OutputFormat.JSON) {
            new JsonPlanView().render(plan, out);
        }
        return ExitCode.OK.code();
    }

    private int preflightOnly(Plan plan, OpenTargets open, PrintWriter out) {
        List<String> problems = Preflight.problems(plan, open);
        if (output == OutputFormat.JSON) {
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("dryRun", true);
            header.put("preflightProblems", problems);
            ReportView.json(new ApplyReport(List.of()), header, out);
        } else if (problems.isEmpty()) {
            out.println("Preflight: no problems found. Nothing was changed (--dry-run).");
        } else {
            out.println("Preflight: " + problems.size() + " problem(s). Nothing was changed (--dry-run).");
            problems.forEach(p -> out.println("  " + p));
        }
        return problems.isEmpty() ? ExitCode.OK.code() : ExitCode.ERROR.code();
    }

    private boolean confirmed(PrintWriter out) throws java.io.IOException, UserError {
        if (System.console() == null) {
            throw new UserError("not on a terminal, so nobody can confirm: add --yes to apply without confirmation");
        }
        out.print("Apply these steps? Only 'yes' will be accepted: ");
        out.flush();
        String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return answer != null && answer.strip().equals("yes");
    }

    private ApplyRun.Settings settings(Policy policy) {
        return new ApplyRun.Settings(run.stateRoot(), run.lockTimeout, run.overrides().resolve(policy),
                "nicsync " + String.join(" ", spec.commandLine().getParseResult().originalArgs()), false);
    }

    private ApplyListener progress(PrintWriter out, Plan plan) {
        if (output == OutputFormat.JSON) {
            return new ApplyListener() { };
        }
        return System.console() != null ? new LiveProgress(out, plan.vms().size()) : new LineProgress(out);
    }

    private void report(ApplyRun.Outcome outcome, Desired desired, NoteOutcome note, PrintWriter out) {
        if (output == OutputFormat.JSON) {
            Map<String, Object> header = new LinkedHashMap<>(SnapshotText.fields(desired.snapshot()));
            header.put("run", outcome.runId());
            header.put("recoveredRuns", outcome.recovered().size());
            if (note != null) {
                Map<String, Object> gitNote = new LinkedHashMap<>();
                gitNote.put("ref", NoteOutcome.REF);
                gitNote.put("where", note.where());
                gitNote.put("warning", note.warning());
                header.put("gitNote", gitNote);
            }
            ReportView.json(outcome.report(), header, out);
            return;
        }
        for (ApplyReport recovered : outcome.recovered()) {
            out.println("Recovered an interrupted earlier run first:");
            ReportView.text(recovered, out);
        }
        ReportView.text(outcome.report(), out);
        out.println("Journal: run " + outcome.runId());
        if (note != null && note.where() != null) {
            out.println("Status note: " + note.where() + " (git notes --ref=nicsync show "
                    + note.commitId().substring(0, 12) + ")");
        }
        if (note != null && !note.ok()) {
            out.println("Warning: status note: " + note.warning());
        }
    }

}
