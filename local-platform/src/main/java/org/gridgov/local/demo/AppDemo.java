package org.gridgov.local.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * A demo client app, the community's 12345 hotline: registered once by the district admin for
 * 太平街社区, with fresh credentials on every launch (they are shown only once, so the old ones are
 * never known again). Its client id, client secret, Open311 api_key, the token endpoint and the
 * community's id are added
 * to .local/tokens.env, so the curl examples of docs/app-developers.md work as written.
 */
final class AppDemo implements DemoStep {

    static final String NAME = "太平街社区 12345 热线";
    private static final String SCOPES = "[\"wishes:read\",\"wishes:write\",\"kpis:read\",\"webhooks:manage\"]";

    @Override
    public String name() {
        return "client-app";
    }

    @Override
    public void run(DemoContext context) throws IOException, InterruptedException {
        String id = null;
        for (JsonNode app : context.get(Persona.DISTRICT_ADMIN, "/api/apps").path("items")) {
            if (NAME.equals(app.path("name").asString()) && "ACTIVE".equals(app.path("status").asString())) {
                id = app.get("id").asString();
            }
        }
        if (id == null) {
            id = context.postOnceKnown(Persona.DISTRICT_ADMIN, "/api/apps", """
                    {"name":"%s","scopes":%s,"jurisdiction":"%s"}""".formatted(NAME, SCOPES, Persona.Ids.COMMUNITY), NAME)
                    .path("id").asString("");
        }
        // a key of this launch's own: a repeat of an earlier launch's key would answer without the secrets
        JsonNode credentials = DemoContext.succeeded(context.post(Persona.DISTRICT_ADMIN, "/api/apps/" + id + "/credentials",
                "", "credentials-" + UUID.randomUUID()));

        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("DEMO_APP_ID", id);
        variables.put("DEMO_APP_CLIENT_SECRET", credentials.path("clientSecret").asString(""));
        variables.put("DEMO_APP_API_KEY", credentials.path("apiKey").asString(""));
        variables.put("DEMO_APP_TOKEN_ENDPOINT", credentials.path("tokenEndpoint").asString(""));
        variables.put("DEMO_COMMUNITY_ID", Persona.Ids.COMMUNITY);
        Path file = context.localDirectory().resolve("tokens.env");
        StringBuilder env = new StringBuilder("# the demo client app (" + NAME + "), credentials issued this launch\n");
        variables.forEach((name, value) -> env.append(name).append('=').append(value).append('\n'));
        Files.writeString(file, env, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        context.out().println("Demo client app " + NAME + " (also in " + file + "):");
        variables.forEach((name, value) -> context.out().println("  " + name + "=" + value));
    }
}
