package org.gridgov.kit.web;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The error document a path's API speaks, whoever writes the error (a controller, a filter, the
 * gateway, the HTTP server's codec): RFC 9457 problem+json everywhere except the Open311 facade,
 * whose client apps understand only GeoReport v2's error list, {@code [{"code":400,"description":"…"}]},
 * or its XML form {@code <errors><error><code>400</code>…} on {@code .xml} paths.
 */
public enum ErrorFormat {
    PROBLEM_JSON(MediaType.APPLICATION_PROBLEM_JSON),
    OPEN311_JSON(MediaType.APPLICATION_JSON),
    OPEN311_XML(MediaType.parseMediaType("text/xml;charset=UTF-8"));

    private static final String OPEN311_PREFIX = "/open311/";

    private final MediaType mediaType;

    ErrorFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    /** @param path the request's path, without its query */
    public static ErrorFormat forPath(String path) {
        if (path == null || !path.startsWith(OPEN311_PREFIX)) {
            return PROBLEM_JSON;
        }
        return path.endsWith(".xml") ? OPEN311_XML : OPEN311_JSON;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    /** The document for a problem given as its members ({@code type}, {@code title}, {@code status}, {@code detail} …). */
    public byte[] render(Map<String, Object> problem, JsonMapper json) {
        if (this == PROBLEM_JSON) {
            return json.writeValueAsBytes(problem);
        }
        Object status = problem.get("status");
        String description = String.valueOf(problem.getOrDefault("detail", problem.get("title")));
        if (this == OPEN311_JSON) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", status);
            error.put("description", description);
            return json.writeValueAsBytes(List.of(error));
        }
        return xml(String.valueOf(status), description);
    }

    private static byte[] xml(String code, String description) {
        try {
            StringWriter text = new StringWriter();
            XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            writer.writeStartDocument("UTF-8", "1.0");
            writer.writeStartElement("errors");
            writer.writeStartElement("error");
            writer.writeStartElement("code");
            writer.writeCharacters(code);
            writer.writeEndElement();
            writer.writeStartElement("description");
            writer.writeCharacters(description);
            writer.writeEndElement();
            writer.writeEndElement();
            writer.writeEndElement();
            writer.writeEndDocument();
            writer.close();
            return text.toString().getBytes(StandardCharsets.UTF_8);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the Open311 error document", e);
        }
    }
}
