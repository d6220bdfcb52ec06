package org.gridgov.grid.importing;

import org.gridgov.grid.importing.domain.ImportDocument;
import org.gridgov.kit.web.ProblemException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Reads an import document; JSON of the wrong shape is a 400 that says where. */
@Component
public record ImportDocumentReader(JsonMapper json) {

    public ImportDocument read(String text) {
        try {
            ImportDocument document = json.readValue(text, ImportDocument.class);
            if (document == null) {
                throw ProblemException.invalid("The import document is empty.");
            }
            return document;
        } catch (JacksonException e) {
            throw ProblemException.invalid("The import document is not JSON of the expected shape.")
                    .with("pointer", pointer(e))
                    .with("line", e.getLocation() == null ? null : e.getLocation().getLineNr());
        }
    }

    /** "/households/3/address": where the document went wrong, without repeating what it says there. */
    private static String pointer(JacksonException e) {
        StringBuilder pointer = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            pointer.append('/').append(reference.getPropertyName() != null
                    ? reference.getPropertyName() : String.valueOf(reference.getIndex()));
        }
        return pointer.toString();
    }
}
