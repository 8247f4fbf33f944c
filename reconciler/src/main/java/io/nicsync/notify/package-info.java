/**
 * Telling people about cycles off the cycle's path: {@link io.nicsync.notify.Notifier} posts a message on a cycle
 * that changed VMs or failed, to nicsync's own JSON webhook or a Slack incoming webhook, from an
 * {@link io.nicsync.notify.Outbox}: a bounded queue with one thread of its own, which drops and counts rather than
 * wait. Kubernetes Events go out through an outbox too.
 *
 * <pre>{@code
 * NICSYNC_NOTIFY_WEBHOOK_URL=https://alerts.example.org/nicsync   # {"event": "failed", "text": ..., "report": {...}}
 * NICSYNC_NOTIFY_SLACK_URL=https://hooks.slack.com/services/...  # {"text": ...}
 * }</pre>
 */
package io.nicsync.notify;
