package io.nicsync.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The manifests of deploy/, each parsed into fabric8's typed objects. */
final class Manifests {
    static final Path DIR = Path.of(System.getProperty("nicsync.deploy.dir", "."));
    static final List<String> FILES = List.of("namespace.yaml", "rbac.yaml", "configmap.yaml", "secret.yaml",
            "cronjob.yaml", "deployment.yaml");

    private Manifests() {
    }

    /** Every object of every manifest, in file order. */
    static List<HasMetadata> all() {
        List<HasMetadata> objects = new ArrayList<>();
        FILES.forEach(file -> objects.addAll(file(file)));
        return objects;
    }

    static List<HasMetadata> file(String name) {
        Object parsed;
        try {
            parsed = Serialization.unmarshal(Files.readString(DIR.resolve(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<HasMetadata> objects = new ArrayList<>();
        if (parsed instanceof List<?> list) {
            list.forEach(o -> objects.add((HasMetadata) o));
        } else {
            objects.add((HasMetadata) parsed);
        }
        return objects;
    }

    static <T extends HasMetadata> T one(Class<T> kind) {
        List<T> found = all().stream().filter(kind::isInstance).map(kind::cast).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind.getSimpleName() + " in deploy/, found " + found.size());
        }
        return found.get(0);
    }

    static <T extends HasMetadata> Optional<T> named(Class<T> kind, String name) {
        return all().stream().filter(kind::isInstance).map(kind::cast)
                .filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }
}
