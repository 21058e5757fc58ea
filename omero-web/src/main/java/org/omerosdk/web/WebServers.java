package org.omerosdk.web;

import java.util.List;
import java.util.Map;
import org.omerosdk.model.config.ConfigKeys;
import org.omerosdk.model.config.OmeroConfig;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OMERO.web's server list: the gateway serves one repository, server {@value #ID}, named after the first entry of
 * {@code omero.web.server_list} (default {@code [["localhost", 4064, "omero"]]}).
 */
final class WebServers {
    static final int ID = 1;

    private WebServers() {
    }

    /** {@code api/v0/servers/}'s {@code data}. */
    static List<Map<String, Object>> list(OmeroConfig config) {
        JsonNode list = JsonMapper.builder().build().readTree(config.get(ConfigKeys.WEB_SERVER_LIST));
        Map<String, Object> s = Json.object("id", ID, "host", "localhost", "port", 4064);
        if (list.isArray() && !list.isEmpty() && list.get(0).isArray()) {
            JsonNode first = list.get(0);
            s = Json.object("id", ID, "host", first.path(0).asString("localhost"), "port", first.path(1).asInt(4064));
            if (first.size() > 2 && !first.get(2).isNull()) {
                s.put("server", first.get(2).asString());
            }
        }
        return List.of(s);
    }
}
