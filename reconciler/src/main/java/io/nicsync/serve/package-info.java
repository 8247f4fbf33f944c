/**
 * {@code nicsync serve}: the reconcile cycle ({@link io.nicsync.reconcile.Reconciler}) on one thread, one cycle at a
 * time, paced by {@code Pacing} (interval with jitter, exponential backoff after failures) and woken by push
 * webhooks; an HTTP server beside it ({@link io.nicsync.serve.Server}).
 *
 * <p>A push webhook is authenticated as its sender does it ({@code Provider}), among the schemes the operator
 * accepts: GitHub and Gitea sign the body with HMAC-SHA256, GitLab sends the secret itself, and any other sender signs
 * a timestamp and the body under nicsync's own headers:
 *
 * <pre>{@code
 * POST /hooks/git
 * X-Nicsync-Timestamp: 1795000000    (Unix seconds; more than 5 minutes from now is refused)
 * X-Nicsync-Signature: sha256=<hex HMAC-SHA256 of "1795000000.<body>", keyed with the secret>
 * X-Nicsync-Delivery: 7d3f...        (optional)
 *
 * {"ref": "refs/heads/main"}
 * }</pre>
 *
 * A delivery seen within a day, under its id or under another one, is acknowledged without a run ({@code Deliveries}).
 *
 * <p>Every request runs in a virtual thread of its own with a deadline until it is read ({@code Exchanges}): a
 * client sending a byte at a time is cut, and holds nothing a probe needs meanwhile. {@code /healthz} and
 * {@code /readyz} read where the loop is and when its last cycle ended ({@code Health}).
 */
package io.nicsync.serve;
