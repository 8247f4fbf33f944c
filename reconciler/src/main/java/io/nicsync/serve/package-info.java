/**
 * {@code nicsync serve}: the reconcile cycle ({@link io.nicsync.reconcile.Reconciler}) on one thread, one cycle at a
 * time, paced by {@code Pacing} (interval with jitter, exponential backoff after failures) and woken by push
 * webhooks; an HTTP server beside it ({@link io.nicsync.serve.Server}).
 *
 * <p>A push webhook is authenticated as its sender does it ({@code Provider}): GitHub and Gitea sign the body with
 * HMAC-SHA256, GitLab sends the secret itself, and any other sender signs like GitHub under nicsync's own header:
 *
 * <pre>{@code
 * POST /hooks/git
 * X-Nicsync-Signature: sha256=<hex HMAC-SHA256 of the body, keyed with the secret>
 * X-Nicsync-Delivery: 7d3f...        (optional: a redelivery of the same id is ignored)
 *
 * {"ref": "refs/heads/main"}
 * }</pre>
 */
package io.nicsync.serve;
