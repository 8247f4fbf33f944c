package io.nicsync.plan;

import java.io.PrintWriter;

/** Shows a plan. The core never prints: the caller says where the text goes. */
public interface PlanView {
    void render(Plan plan, PrintWriter out);
}
