package io.nicsync.plugin.kubevirt.sim;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
    private final Map<Attribute, Set<AttributeSet>> byName = new ConcurrentHashMap<>();

    IndexedCrudDispatcher(List<CustomResourceDefinitionContext> kinds) {
        super(kinds);
    }

    @Override
    public void processEvent(String path, AttributeSet pathAttributes, AttributeSet oldAttributes,
            GenericKubernetesResource resource, String newState) {
        super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
        if (newState == null) {
            return; // deleted: its index entry is dropped when next found
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
