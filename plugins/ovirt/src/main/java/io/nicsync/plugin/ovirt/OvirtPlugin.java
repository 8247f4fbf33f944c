package io.nicsync.plugin.ovirt;

import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.Finding;
import io.nicsync.spi.NetworkKind;
import io.nicsync.spi.Target;
import io.nicsync.spi.TargetConfig;
import io.nicsync.spi.TargetException;
import io.nicsync.spi.TargetException.Reason;
import io.nicsync.spi.TargetPlugin;
import io.nicsync.spi.TargetSetting;
import io.nicsync.spi.Vocabulary;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;

/** Targets of kind {@code ovirt}: an oVirt engine (or OLVM, RHV), reached through its API v4 with the official SDK. */
public final class OvirtPlugin implements TargetPlugin {
    private final UnaryOperator<String> env;
    private final Clock clock;
    private final Sleeper sleeper;

    public OvirtPlugin() {
        this(System::getenv, Clock.systemUTC(), Sleeper.REAL);
    }

    OvirtPlugin(UnaryOperator<String> env, Clock clock, Sleeper sleeper) {
        this.env = env;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public String kind() {
        return "ovirt";
    }

    @Override
    public String platform() {
        return "oVirt";
    }

    @Override
    public String description() {
        return "an oVirt engine (also OLVM, RHV): VMs' NICs through the Engine API v4 over HTTPS, with the official SDK";
    }

    @Override
    public List<NetworkKind> networkKinds() {
        return Networks.KINDS;
    }

    @Override
    public List<TargetSetting> settings() {
        return EngineSettings.declared();
    }

    @Override
    public Vocabulary models() {
        return Models.VOCABULARY;
    }

    @Override
    public List<Finding> check(DesiredVm vm) {
        return OvirtRules.check(vm);
    }

    @Override
    public Target open(TargetConfig config) throws TargetException {
        EngineSettings settings;
        Engine engine;
        try {
            settings = EngineSettings.of(config, env);
            engine = EngineClient.open(settings, EngineTrust.context(settings.caFile()), clock);
        } catch (IllegalArgumentException e) {
            throw new TargetException(Reason.UNREACHABLE, "target " + config.name() + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new TargetException(Reason.UNREACHABLE, "target " + config.name() + ": TLS set-up failed: "
                    + e.getMessage(), e);
        }
        boolean opened = false;
        try {
            OvirtTarget target = new OvirtTarget(config.name(), engine, settings.replug(), clock, sleeper);
            opened = true;
            return target;
        } catch (TargetException e) {
            throw new TargetException(e.reason(), "target " + config.name() + " (" + settings.url() + "): "
                    + e.getMessage(), e);
        } finally {
            if (!opened) {
                engine.close(); // whatever failed: a target not returned is never closed by anyone else
            }
        }
    }
}
