package io.nicsync.validate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.nicsync.spi.DesiredNic;
import io.nicsync.spi.DesiredVm;
import io.nicsync.spi.LinkState;
import io.nicsync.spi.MacAddress;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.Presence;
import io.nicsync.spi.UnmanagedPolicy;
import io.nicsync.spi.VmRef;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A file's own checks ({@link CheckedFile}) as one line of JSON, without the file's path: what a file says on its own
 * depends on its content alone, so the line is kept under the content's blob id and given the path it is found at
 * when read back. Documents come back {@link ReadAgain lighter}: their trees and positions are read from the file
 * only if a rule across files asks for one.
 *
 * <pre>{@code
 * {"docs":[[0,"VM_NICS"]],
 *  "vms":[[0,{"target":"lab","namespace":null,"name":"web-01","unmanaged":"IGNORE","nics":[
 *      {"name":"uplink","kind":"bridge","attributes":{"name":"br0"},"binding":null,"model":"virtio",
 *       "mac":null,"link":"UP","state":"PRESENT","persist":true,"bootOrder":null}]}]],
 *  "problems":[[3,5,"WARNING","..."]]}
 * }</pre>
 */
final class CheckedFileCodec {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private CheckedFileCodec() {
    }

    static byte[] encode(CheckedFile checked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("docs");
            for (Typed typed : checked.docs()) {
                g.writeStartArray();
                g.writeNumber(typed.doc().index());
                g.writeString(typed.kind().name());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("vms");
            for (Declared declared : checked.vms()) {
                g.writeStartArray();
                g.writeNumber(declared.doc().index());
                vm(g, declared.vm());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("problems");
            for (Diagnostic d : checked.diagnostics()) {
                g.writeStartArray();
                g.writeNumber(d.line());
                g.writeNumber(d.column());
                g.writeString(d.severity().name());
                g.writeString(d.message());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The checks of the file at {@code path} that {@code line} holds, its documents read from the file again when
     * asked for through {@code documents}.
     *
     * @throws IOException when {@code line} is not such a document: a damaged or foreign entry
     */
    static CheckedFile decode(byte[] line, int offset, int length, String path, IntFunction<YamlDocument> documents)
            throws IOException {
        try (JsonParser p = JSON.createParser(line, offset, length)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            Map<Integer, YamlDocument> byIndex = new LinkedHashMap<>();
            List<Typed> docs = new ArrayList<>();
            List<Declared> vms = new ArrayList<>();
            List<Diagnostic> problems = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                expect(p.nextToken(), JsonToken.START_ARRAY);
                while (p.nextToken() == JsonToken.START_ARRAY) {
                    switch (field) {
                        case "docs" -> {
                            int index = intValue(p);
                            Kind kind = Kind.valueOf(text(p));
                            docs.add(new Typed(byIndex.computeIfAbsent(index, documents::apply), kind));
                        }
                        case "vms" -> {
                            YamlDocument doc = byIndex.computeIfAbsent(intValue(p), documents::apply);
                            vms.add(new Declared(vm(p), doc));
                        }
                        case "problems" -> problems.add(new Diagnostic(path, intValue(p), intValue(p),
                                Diagnostic.Severity.valueOf(text(p)), text(p)));
                        default -> throw new IOException("unknown field " + field);
                    }
                    expect(p.nextToken(), JsonToken.END_ARRAY);
                }
            }
            return new CheckedFile(docs, vms, problems);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IOException("not a file's checks: " + e.getMessage(), e);
        }
    }

    private static void vm(JsonGenerator g, DesiredVm vm) throws IOException {
        g.writeStartObject();
        g.writeStringField("target", vm.ref().target());
        g.writeStringField("namespace", vm.ref().namespace());
        g.writeStringField("name", vm.ref().name());
        g.writeStringField("unmanaged", vm.unmanaged().name());
        g.writeArrayFieldStart("nics");
        for (DesiredNic nic : vm.nics()) {
            g.writeStartObject();
            g.writeStringField("name", nic.name());
            g.writeStringField("kind", nic.network().kind());
            g.writeObjectFieldStart("attributes");
            for (var a : nic.network().attributes().entrySet()) {
                g.writeStringField(a.getKey(), a.getValue());
            }
            g.writeEndObject();
            g.writeStringField("binding", nic.binding());
            g.writeStringField("model", nic.model());
            g.writeStringField("mac", nic.mac() == null ? null : nic.mac().value());
            g.writeStringField("link", nic.link().name());
            g.writeStringField("state", nic.state().name());
            g.writeBooleanField("persist", nic.persist());
            if (nic.bootOrder() == null) {
                g.writeNullField("bootOrder");
            } else {
                g.writeNumberField("bootOrder", nic.bootOrder());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static DesiredVm vm(JsonParser p) throws IOException {
        expect(p.nextToken(), JsonToken.START_OBJECT);
        Map<String, String> fields = new LinkedHashMap<>();
        List<DesiredNic> nics = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            if (field.equals("nics")) {
                expect(p.nextToken(), JsonToken.START_ARRAY);
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    nics.add(nic(p));
                }
            } else {
                fields.put(field, text(p));
            }
        }
        return new DesiredVm(new VmRef(fields.get("target"), fields.get("namespace"), fields.get("name")),
                UnmanagedPolicy.valueOf(fields.get("unmanaged")), nics);
    }

    private static DesiredNic nic(JsonParser p) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        boolean persist = true;
        Integer bootOrder = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            switch (field) {
                case "attributes" -> {
                    expect(p.nextToken(), JsonToken.START_OBJECT);
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        attributes.put(name, text(p));
                    }
                }
                case "persist" -> persist = p.nextToken() == JsonToken.VALUE_TRUE;
                case "bootOrder" -> bootOrder = p.nextToken() == JsonToken.VALUE_NULL ? null : p.getIntValue();
                default -> fields.put(field, text(p));
            }
        }
        String mac = fields.get("mac");
        return new DesiredNic(fields.get("name"), new NetworkRef(fields.get("kind"), attributes), fields.get("binding"),
                fields.get("model"), mac == null ? null : MacAddress.parse(mac), LinkState.valueOf(fields.get("link")),
                Presence.valueOf(fields.get("state")), persist, bootOrder);
    }

    private static int intValue(JsonParser p) throws IOException {
        expect(p.nextToken(), JsonToken.VALUE_NUMBER_INT);
        return p.getIntValue();
    }

    /** The next value as text; null for JSON null. */
    private static String text(JsonParser p) throws IOException {
        JsonToken token = p.nextToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(token, JsonToken.VALUE_STRING);
        return p.getText();
    }

    private static void expect(JsonToken actual, JsonToken wanted) throws IOException {
        if (actual != wanted) {
            throw new IOException("expected " + wanted + ", found " + actual);
        }
    }
}
