package org.gridgov.wish.open311.web;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The two formats of GeoReport v2, chosen by the path's suffix: {@code .json} (or none) and
 * {@code .xml}. The XML follows the spec's documents: a root element per response
 * ({@code <services>}, {@code <service_requests>}, {@code <errors>} …), an element per list item
 * ({@code <service>}, {@code <request>}, {@code <error>} …), a child element per field, empty
 * for a missing value.
 */
enum Open311Format {
    JSON, XML;

    private static final MediaType TEXT_XML = MediaType.parseMediaType("text/xml;charset=UTF-8");
    /** What the items of each list are called in the spec's XML. */
    private static final Map<String, String> ITEMS = Map.of("services", "service", "service_requests", "request",
            "endpoints", "endpoint", "formats", "format", "attributes", "attribute", "values", "value", "notes", "note",
            "errors", "error", "keywords", "keyword");

    /** The format a path asks for. */
    static Open311Format of(String path) {
        return path.endsWith(".xml") ? XML : JSON;
    }

    /** The path segment without its format suffix: {@code ELDERLY_CARE.json} → {@code ELDERLY_CARE}. */
    static String strip(String segment) {
        int dot = segment.lastIndexOf('.');
        return dot > 0 && (segment.endsWith(".json") || segment.endsWith(".xml")) ? segment.substring(0, dot) : segment;
    }

    /** The body in this format, under the spec's root element {@code root} (used for XML only). */
    ResponseEntity<Object> body(ResponseEntity.BodyBuilder response, String root, Object body) {
        if (this == JSON) {
            return response.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return response.contentType(TEXT_XML).body(xml(root, body));
    }

    static String xml(String root, Object body) {
        try {
            StringWriter text = new StringWriter();
            XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            writer.writeStartDocument("UTF-8", "1.0");
            element(writer, root, body);
            writer.writeEndDocument();
            writer.close();
            return text.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the Open311 XML", e);
        }
    }

    private static void element(XMLStreamWriter writer, String name, Object value) throws XMLStreamException {
        if (value == null) {
            writer.writeEmptyElement(name);
            return;
        }
        writer.writeStartElement(name);
        if (value instanceof Map<?, ?> fields) {
            for (Map.Entry<?, ?> field : fields.entrySet()) {
                element(writer, String.valueOf(field.getKey()), field.getValue());
            }
        } else if (value instanceof List<?> items) {
            String item = ITEMS.getOrDefault(name, "item");
            for (Object each : items) {
                element(writer, item, each);
            }
        } else if (value instanceof Object[] items) {
            String item = ITEMS.getOrDefault(name, "item");
            for (Object each : items) {
                element(writer, item, each);
            }
        } else {
            writer.writeCharacters(String.valueOf(value));
        }
        writer.writeEndElement();
    }
}
