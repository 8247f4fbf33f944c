/**
 * The {@code nicsync} command line (picocli): one class per command, the options they share as mixins
 * ({@link io.nicsync.cli.SourceOptions}, {@link io.nicsync.cli.TargetOptions}), and the views that print. Commands
 * print through picocli's writers so that tests see exactly what users see.
 *
 * <p>Exit codes are shared: 0 success (or no changes); 1 an error, invalid input, or a usage error; 2 changes
 * ({@code plan --detailed-exitcode}); 3 some VMs failed and were rolled back; 4 some failed and could not be.
 */
package io.nicsync.cli;
