package io.nicsync.plugin.ovirt;

import io.nicsync.spi.NetworkKind;
import io.nicsync.spi.NetworkRef;
import io.nicsync.spi.VmRef;
import java.util.List;

/**
 * What an oVirt NIC is on, as nicsync names it: a vNIC profile of a logical network, written {@code network/profile}
 * ({@code vnicProfile: ovirtmgmt/ovirtmgmt}), or no profile at all ({@code emptyProfile: {}}, the engine's
 * {@code <Empty>}). Names are those of the VM's data center, where network names are unique; the engine's ids never
 * appear in the desired state, since desired networks are compared with observed ones as values, and the desired
 * state is read without the engine. A profile the engine lists by id only (one the user may not see) is observed as
 * {@code vnicProfileId}.
 */
final class Networks {
    static final String PROFILE = "vnicProfile";
    static final String EMPTY = "emptyProfile";
    static final String PROFILE_ID = "vnicProfileId";
    static final String NETWORK = "network";
    static final String NAME = "profile";

    static final NetworkKind VNIC_PROFILE = new NetworkKind() {
        @Override
        public String key() {
            return PROFILE;
        }

        @Override
        public String description() {
            return "an oVirt vNIC profile, as network/profile in the VM's data center (ovirtmgmt/ovirtmgmt)";
        }

        @Override
        public List<Attribute> attributes() {
            return List.of(Attribute.required(NETWORK, "the logical network's name"),
                    Attribute.required(NAME, "the vNIC profile's name on that network"));
        }

        @Override
        public String schema() {
            return """
                    {"type": "string", "pattern": "^[^/\\\\s][^/]*/[^/\\\\s][^/]*$",
                     "x-expected": "network/profile, such as ovirtmgmt/ovirtmgmt"}""";
        }

        @Override
        public NetworkRef decode(Object value, VmRef vm) {
            String text = String.valueOf(value);
            int slash = text.indexOf('/');
            return profile(text.substring(0, slash), text.substring(slash + 1));
        }

        @Override
        public Object encode(NetworkRef ref, VmRef vm) {
            return ref.attribute(NETWORK) + "/" + ref.attribute(NAME);
        }
    };

    static final List<NetworkKind> KINDS = List.of(
            VNIC_PROFILE,
            NetworkKind.empty(EMPTY, "no network: oVirt's <Empty> vNIC profile, a NIC connected to nothing"),
            NetworkKind.observed(PROFILE_ID, "a vNIC profile the engine does not list to this user (observed only)",
                    "id"));

    private Networks() {
    }

    static NetworkRef profile(String network, String profile) {
        return NetworkRef.of(PROFILE, NETWORK, network, NAME, profile);
    }

    /** The network of a NIC on the profile {@code profileId}, named through {@code profiles}. */
    static NetworkRef of(String profileId, Profiles profiles) {
        if (profileId == null) {
            return NetworkRef.of(EMPTY);
        }
        return profiles.byId(profileId).map(p -> profile(p.networkName(), p.name()))
                .orElse(NetworkRef.of(PROFILE_ID, "id", profileId));
    }

    /** Whether nicsync can put a NIC on {@code ref}: a named profile or none. */
    static boolean declarable(NetworkRef ref) {
        return ref.is(PROFILE) || ref.is(EMPTY);
    }
}
