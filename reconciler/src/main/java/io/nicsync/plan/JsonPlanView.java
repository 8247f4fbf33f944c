package io.nicsync.plan;

import java.io.PrintWriter;

/** The plan as its plan file: for {@code nicsync plan -json} and for tools. */
public final class JsonPlanView implements PlanView {
    @Override
    public void render(Plan plan, PrintWriter out) {
        out.print(PlanFile.write(plan));
        out.flush();
    }
}
