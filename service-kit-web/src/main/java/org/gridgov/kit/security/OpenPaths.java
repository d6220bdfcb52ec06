package org.gridgov.kit.security;

import java.util.List;

/**
 * Paths a service opens to callers without a bearer token, because it authenticates them itself
 * (an Open311 {@code api_key}, a signed callback). Declare one as a bean; the kit's security chain
 * permits its patterns besides probes and the API description. A bearer token sent there anyway is
 * still verified. Keep the patterns narrow: everything else stays behind the token.
 */
@FunctionalInterface
public interface OpenPaths {

    /** Path patterns ({@code /open311/**}) in Spring's path-pattern syntax. */
    List<String> patterns();
}
