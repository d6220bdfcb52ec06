package org.gridgov.local.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/** Prints a ready-made token per persona and writes them to .local/tokens.env for {@code source}-ing in a shell. */
final class PersonaTokens implements DemoStep {

    @Override
    public String name() {
        return "persona-tokens";
    }

    @Override
    public void run(DemoContext context) throws IOException {
        Map<String, String> variables = new TreeMap<>();
        for (Persona persona : Persona.values()) {
            variables.put(persona.name() + "_TOKEN", context.token(persona));
        }
        Path file = context.localDirectory().resolve("tokens.env");
        StringBuilder env = new StringBuilder("# GridGov demo tokens, issued " + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                + ". Use: source " + file + "; curl -H \"Authorization: Bearer $GRID_STAFF_TOKEN\" ...\n");
        variables.forEach((name, token) -> env.append(name).append('=').append(token).append('\n'));
        Files.writeString(file, env);

        context.out().println("Demo tokens (also in " + file + "):");
        variables.forEach((name, token) -> context.out().println("  " + name + "=" + token));
    }
}
