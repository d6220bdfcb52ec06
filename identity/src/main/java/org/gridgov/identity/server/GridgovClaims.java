package org.gridgov.identity.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gridgov.identity.user.UserAccount;
import org.gridgov.identity.user.UserAccounts;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * The GridGov claims, exactly as the services read them: {@code roles} (an array), {@code jurisdiction},
 * {@code unit}, {@code member}, {@code department} and {@code scope}; {@code aud} {@value #AUDIENCE} on
 * every access token. A person's claims come from the user store at every issue (a refresh picks up
 * changed roles); a client app's are {@code roles: [CLIENT]} and the jurisdiction it was registered with.
 */
// The claims are kept with the authorization, which reads them back with an allow-list of types: plain
// ArrayLists, never List.of(...).
public record GridgovClaims(UserAccounts users) implements OAuth2TokenCustomizer<JwtEncodingContext> {

    public static final String AUDIENCE = "gridgov";
    /** The client setting that holds a client app's jurisdiction. */
    public static final String JURISDICTION_SETTING = "gridgov.jurisdiction";
    private static final Set<String> USER_INFO = Set.of("sub", "name", "roles", "jurisdiction", "unit", "member",
            "department", "scope");

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (accessToken) {
            context.getClaims().audience(new ArrayList<>(List.of(AUDIENCE)));
        }
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            context.getClaims().claim("roles", new ArrayList<>(List.of("CLIENT")));
            String jurisdiction = context.getRegisteredClient().getClientSettings().getSetting(JURISDICTION_SETTING);
            if (jurisdiction != null) {
                context.getClaims().claim("jurisdiction", jurisdiction);
            }
            return;
        }
        if (accessToken || idToken) {
            Optional<UserAccount> user = users.find(context.getPrincipal().getName());
            if (AuthorizationGrantType.REFRESH_TOKEN.equals(context.getAuthorizationGrantType())
                    && (user.isEmpty() || !user.get().enabled() || user.get().lockedAt(Instant.now())
                        || users.lockedByAdmin(user.get().username()))) {
                // a person who was disabled or locked since signing in gets no new tokens from an old refresh token
                throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                        "the account is disabled or locked", null));
            }
            user.ifPresent(account -> of(account, accessToken).forEach(context.getClaims()::claim));
        }
    }

    /** A person's claims; {@code scope} only in the access token, where it replaces the OpenID scopes. */
    static Map<String, Object> of(UserAccount user, boolean accessToken) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("roles", new ArrayList<>(user.roles()));
        putIfPresent(claims, "name", user.name());
        putIfPresent(claims, "jurisdiction", user.jurisdiction());
        putIfPresent(claims, "unit", user.unit());
        putIfPresent(claims, "member", user.member());
        putIfPresent(claims, "department", user.department());
        if (accessToken) {
            putIfPresent(claims, "scope", user.scope());
        }
        return claims;
    }

    /** The userinfo endpoint: the claims of the ID token that describe the person. */
    static OidcUserInfo userInfo(OidcUserInfoAuthenticationContext context) {
        OAuth2Authorization authorization = context.getAuthorization();
        OAuth2Authorization.Token<OidcIdToken> idToken = authorization.getToken(OidcIdToken.class);
        Map<String, Object> claims = new LinkedHashMap<>();
        idToken.getToken().getClaims().forEach((name, value) -> {
            if (USER_INFO.contains(name)) {
                claims.put(name, value);
            }
        });
        return new OidcUserInfo(claims);
    }

    private static void putIfPresent(Map<String, Object> claims, String name, String value) {
        if (value != null && !value.isBlank()) {
            claims.put(name, value);
        }
    }
}
