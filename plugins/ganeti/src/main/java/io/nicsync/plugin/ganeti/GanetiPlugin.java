package io.nicsync.plugin.ganeti;

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

/** Targets of kind {@code ganeti}: a Ganeti cluster (KVM hypervisor), reached through its RAPI over HTTPS. */
public final class GanetiPlugin implements TargetPlugin {
    private final UnaryOperator<String> env;

    public GanetiPlugin() {
        this(System::getenv);
    }

    GanetiPlugin(UnaryOperator<String> env) {
        this.env = env;
    }

    @Override
    public String kind() {
        return "ganeti";
    }

    @Override
    public String platform() {
        return "Ganeti";
    }

    @Override
    public String description() {
        return "a Ganeti cluster with KVM instances, reached through its Remote API (RAPI) over HTTPS";
    }

    @Override
    public List<NetworkKind> networkKinds() {
        return Networks.KINDS;
    }

    @Override
    public List<TargetSetting> settings() {
        return RapiSettings.declared();
    }

    /** Ganeti KVM's {@code nic_type}s, {@code paravirtual} written {@code virtio}. */
    @Override
    public Vocabulary models() {
        return Models.VOCABULARY;
    }

    @Override
    public List<Finding> check(DesiredVm vm) {
        return GanetiRules.check(vm);
    }

    @Override
    public Target open(TargetConfig config) throws TargetException {
        RapiSettings settings;
        try {
            settings = RapiSettings.of(config, env);
        } catch (IllegalArgumentException e) {
            throw new TargetException(Reason.UNREACHABLE, "target " + config.name() + ": " + e.getMessage(), e);
        }
        RapiClient client;
        try {
            client = new RapiClient(settings.rapi(),
                    ServerTrust.of(settings.authorities(), settings.pin(), settings.tlsName()).context(),
                    settings.user(), settings.password());
        } catch (GeneralSecurityException e) {
            throw new TargetException(Reason.UNREACHABLE, "target " + config.name() + ": TLS set-up failed: "
                    + e.getMessage(), e);
        }
        Clock clock = Clock.systemUTC();
        Cluster cluster = new Cluster(client, new Jobs(client, clock, Sleeper.REAL), config.name());
        try {
            return new GanetiTarget(config.name(), cluster, client, clock, Sleeper.REAL);
        } catch (TargetException e) {
            client.close();
            throw new TargetException(e.reason(), "target " + config.name() + " (" + settings.rapi() + "): "
                    + e.getMessage(), e);
        }
    }
}
