package org.gridgov.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the READMEs tell an operator: each service's required variables, and the operations guide's deployment section. */
final class ServiceReadmes {

    /** A configuration table row such as: | `WISH_DATA_KEY` | **required**: ... | */
    private static final Pattern REQUIRED_ROW = Pattern.compile("(?m)^\\|\\s*`([A-Z][A-Z0-9_]*)`\\s*\\|\\s*\\*\\*required\\*\\*");

    private ServiceReadmes() {
    }

    /** The variables &lt;service&gt;/README.md marks **required**: without them the service does not start. */
    static Set<String> requiredVariables(String service) {
        Path readme = Repository.ROOT.resolve(service).resolve("README.md");
        Set<String> required = new LinkedHashSet<>();
        if (Files.isRegularFile(readme)) {
            Matcher row = REQUIRED_ROW.matcher(YamlTree.read(readme));
            while (row.find()) {
                required.add(row.group(1));
            }
        }
        return required;
    }

    /** docs/operations.md's "Deploying to a district" section. */
    static String deployingToADistrict() {
        String readme = YamlTree.read(Repository.ROOT.resolve("docs").resolve("operations.md"));
        int start = readme.indexOf("\n## Deploying to a district");
        if (start < 0) {
            throw new AssertionError("docs/operations.md has no section \"Deploying to a district\"");
        }
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }
}
