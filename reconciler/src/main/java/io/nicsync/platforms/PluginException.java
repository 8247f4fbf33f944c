package io.nicsync.platforms;

/** An installed plugin declares something nicsync cannot work with; the message names the plugin. */
public final class PluginException extends RuntimeException {
    public PluginException(String message) {
        super(message);
    }
}
