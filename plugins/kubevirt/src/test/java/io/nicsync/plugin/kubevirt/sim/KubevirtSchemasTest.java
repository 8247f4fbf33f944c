package io.nicsync.plugin.kubevirt.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class KubevirtSchemasTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void aMigrationNamingItsVmiIsValid() throws Exception {
        JsonNode migration = json("{'apiVersion':'kubevirt.io/v1','kind':'VirtualMachineInstanceMigration',"
                + "'metadata':{'name':'m','namespace':'prod'},'spec':{'vmiName':'web-01'}}");
        assertThat(KubevirtSchemas.main().problems("v1.VirtualMachineInstanceMigration", migration)).isEmpty();
    }

    @Test
    void aMisspeltFieldIsCaughtDeepInsideAnObject() throws Exception {
        JsonNode iface = json("{'name':'uplink','bridge':{},'macAdress':'52:54:00:00:00:01'}");
        assertThat(KubevirtSchemas.main().problems("v1.Interface", iface)).singleElement().asString()
                .contains("macAdress");
    }

    @Test
    void aWrongTypeAndAMissingRequiredFieldAreCaught() throws Exception {
        JsonNode network = json("{'multus':{'networkName':7}}");
        assertThat(KubevirtSchemas.main().problems("v1.Network", network)).hasSize(2);
    }

    @Test
    void theSubresourceBodiesExistOnlyInV1_0() throws Exception {
        JsonNode add = json("{'name':'dyn1','networkAttachmentDefinitionName':'prod/blue'}");
        assertThat(KubevirtSchemas.v1_0().problems("v1.AddInterfaceOptions", add)).isEmpty();
        assertThat(KubevirtSchemas.v1_0().problems("v1.AddInterfaceOptions", json("{'name':'dyn1'}"))).hasSize(1);
        assertThat(KubevirtSchemas.main().defines("v1.AddInterfaceOptions")).isFalse();
    }
}
