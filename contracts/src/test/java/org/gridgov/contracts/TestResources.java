package org.gridgov.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

final class TestResources {

    private TestResources() {
    }

    static String read(String resource) {
        try (InputStream in = TestResources.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no classpath resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode readObject(String resource) {
        return (ObjectNode) JsonMapper.shared().readTree(read(resource));
    }

    static JsonNode schemaOf(EventType type) {
        return JsonMapper.shared().readTree(read(type.schemaResource()));
    }

    static String sample(EventType type) {
        return read("/samples/" + type.type() + ".json");
    }

    /** The JSON files of a test resource directory, by file name without ".json". */
    static Map<String, String> jsonFilesIn(String directory) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(Path.of(TestResources.class.getResource(directory).toURI()))) {
            paths.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .forEach(name -> files.put(name.substring(0, name.length() - ".json".length()),
                            read(directory + "/" + name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }
}
