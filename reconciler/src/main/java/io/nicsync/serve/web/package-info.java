/**
 * {@code serve}'s web page ({@link io.nicsync.serve.web.WebPage}): what the cycles did, for people, read-only but for
 * "run now". The page is three files of this jar that draw the JSON API the page itself polls; nothing comes from
 * elsewhere, and the script writes every value as text, never as HTML, under a Content-Security-Policy that allows
 * this origin's script and style only.
 *
 * <p>A VM's state is decided once ({@code VmState}) from its steps in the cycle's plan, whether they were drift, and
 * how the cycle's apply ended for it:
 *
 * <pre>{@code
 * converged                no steps, or the apply did them all
 * drifting                 steps, and the commit was applied already: someone changed the VM outside Git
 * changes planned          steps of a new commit, not made (plan only, or rolled back)
 * restart required         what is left needs a restart the policy does not allow
 * failed and left changed  a step failed and the VM could not be put back
 * }</pre>
 *
 * <p>Runs come from the cycles' reports and their steps from each run's journal, so their times are the journal's.
 */
package io.nicsync.serve.web;
