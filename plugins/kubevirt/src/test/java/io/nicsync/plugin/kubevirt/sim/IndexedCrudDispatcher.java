package io.nicsync.plugin.kubevirt.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * fabric8's CRUD dispatcher with its objects also indexed by name. The dispatcher finds an object by testing
 * every stored one against the request's attributes, so each create, update and named GET costs as much as the
 * store holds, and filling a store of N objects costs N². The index answers those requests from the objects of
 * that name alone, tested exactly as the dispatcher tests them; lists, watches and everything else are the
 * dispatcher's own.
 *
 * <p>Every object enters the store through {@link #processEvent}, which is where the index learns of it; an
 * indexed entry the store no longer holds (deleted, replaced) is skipped when found and dropped.
 */
final class IndexedCrudDispatcher extends KubernetesCrudDispatcher {
    private static final String NAME = "name";
    private static final String NAMESPACE = "namespace";
    private final Map<Attribute, Set<AttributeSet>> byName = new ConcurrentHashMap<>();
    private final List<Deletion> deletions = new CopyOnWriteArrayList<>();
    /** The last resourceVersion given out: a LIST's (the dispatcher's own counter gives out a new one when read). */
    private final AtomicLong version = new AtomicLong();

    private record Deletion(AttributeSet key, String lastState, long version) {
    }

    IndexedCrudDispatcher(List<CustomResourceDefinitionContext> kinds) {
        super(kinds);
    }

    @Override
    public long requestResourceVersion() {
        long given = super.requestResourceVersion();
        version.accumulateAndGet(given, Math::max);
        return given;
    }

    /**
     * What a LIST of {@code path} (its query included) lists, as the dispatcher matches it, each object's stored
     * JSON under its etcd key ({@code namespace/name}; the namespace empty for cluster-wide objects), in no order;
     * and the store's resourceVersion when it was listed.
     */
    Listed listed(String path) {
        AttributeSet query = attributeExtractor.fromPath(path);
        List<Map.Entry<String, String>> found = new ArrayList<>();
        synchronized (map) {
            for (Map.Entry<AttributeSet, String> entry : map.entrySet()) {
                if (entry.getKey().matches(query)) {
                    found.add(Map.entry(value(entry.getKey(), NAMESPACE) + "/" + value(entry.getKey(), NAME),
                            entry.getValue()));
                }
            }
        }
        return new Listed(found, version.get());
    }

    record Listed(List<Map.Entry<String, String>> objects, long resourceVersion) {
    }

    private static String value(AttributeSet key, String attribute) {
        Attribute a = key.getAttribute(attribute);
        return a == null || a.getValues().isEmpty() ? "" : a.getValues().getFirst().toString();
    }

    @Override
    public void processEvent(String path, AttributeSet pathAttributes, AttributeSet oldAttributes,
            GenericKubernetesResource resource, String newState) {
        String before = oldAttributes == null ? null : map.get(oldAttributes);
        super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
        if (newState == null) {
            // deleted: its index entry is dropped when next found; a watch opened later from an earlier
            // version is told (kube-apiserver replays a watch from its version)
            if (before != null) {
                deletions.add(new Deletion(oldAttributes, before, requestResourceVersion()));
            }
            return;
        }
        // the key the dispatcher stored the object under, made as it makes it
        KubernetesAttributesExtractor extractor = (KubernetesAttributesExtractor) attributeExtractor;
        AttributeSet key = resource != null ? extractor.extract(resource) : extractor.fromResource(newState);
        if (!key.containsKey("plural")) {
            key = AttributeSet.merge(pathAttributes, key);
        }
        if (map.get(key) != newState) {
            throw new IllegalStateException("the index lost track of the dispatcher's keys at " + path);
        }
        Attribute name = key.getAttribute(NAME);
        if (name != null) {
            byName.computeIfAbsent(name, n -> ConcurrentHashMap.newKeySet()).add(key);
        }
    }

    /**
     * The objects a WATCH of {@code watchPath} sees deleted after resourceVersion {@code from}, as they last were,
     * with the version of their deletion.
     */
    List<String> deletedSince(String watchPath, long from) {
        AttributeSet query = attributeExtractor.fromPath(watchPath);
        List<String> deleted = new ArrayList<>();
        for (Deletion d : deletions) {
            if (d.version() > from && d.key().matches(query)) {
                ObjectNode object = SimDispatcher.parse(d.lastState());
                Json.obj(object, "metadata").put("resourceVersion", String.valueOf(d.version()));
                deleted.add(object.toString());
            }
        }
        return deleted;
    }

    @Override
    public Map.Entry<AttributeSet, String> findResource(AttributeSet query) {
        Attribute name = query.getAttribute(NAME);
        if (name == null) {
            return super.findResource(query);
        }
        Set<AttributeSet> named = byName.get(name);
        if (named == null) {
            return null;
        }
        for (AttributeSet key : named) {
            String state = map.get(key);
            if (state == null) {
                named.remove(key);
            } else if (key.matches(query)) {
                return Map.entry(key, state);
            }
        }
        return null;
    }

    @Override
    public MockResponse handleGet(String path) {
        AttributeSet query = attributeExtractor.fromPath(path);
        if (!query.containsKey(NAME)) {
            return super.handleGet(path);
        }
        Map.Entry<AttributeSet, String> found = findResource(query);
        MockResponse response = new MockResponse();
        return found == null ? response.setResponseCode(404) : response.setResponseCode(200).setBody(found.getValue());
    }
}
