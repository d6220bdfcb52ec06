package org.gridgov.identity.user;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.gridgov.identity.IdentityProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * A person whose password an admin set or reset ({@code passwordChangeRequired}) chooses their own at the next sign-in,
 * before any token is issued to them: the sign-in leads to {@code /password}, and every other page of that session
 * (the authorization endpoint first of all) leads back there until it is changed. Then the sign-in goes on where it was
 * going (the console's authorization request).
 */
@Controller
class PasswordChange {

    /** The session's username while its password is still the one an admin gave. */
    static final String PENDING = PasswordChange.class.getName() + ".username";
    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 200;

    private final UserAccounts users;
    private final PasswordEncoder passwords;
    private final URI console;
    private final RequestCache requests = new HttpSessionRequestCache();

    PasswordChange(UserAccounts users, PasswordEncoder passwords, IdentityProperties properties) {
        this.users = users;
        this.passwords = passwords;
        this.console = properties.consoleBaseUrls().get(0).resolve("/console/");
    }

    /** After a successful sign-in: to {@code /password} when the password is to be changed, else where it was going. */
    static AuthenticationSuccessHandler afterSignIn(UserAccounts users) {
        AuthenticationSuccessHandler resume = new SavedRequestAwareAuthenticationSuccessHandler();
        return (request, response, authentication) -> {
            if (users.passwordChangeRequired(authentication.getName())) {
                request.getSession().setAttribute(PENDING, authentication.getName());
                response.sendRedirect(request.getContextPath() + "/password");
            } else {
                resume.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }

    @GetMapping(value = "/password", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    @ResponseBody
    String page(HttpServletRequest request) {
        return form(request, "<p class=\"info\" role=\"status\">管理员为您设置了初始密码，请先设置您自己的新密码。</p>");
    }

    @PostMapping(value = "/password", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    ResponseEntity<String> change(HttpServletRequest request, HttpServletResponse response, Authentication signedIn,
                                  @RequestParam(defaultValue = "") String password,
                                  @RequestParam(defaultValue = "") String confirmation) {
        HttpSession session = request.getSession(false);
        if (session == null || !signedIn.getName().equals(session.getAttribute(PENDING))) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(console).build();
        }
        String refusal = refusal(signedIn.getName(), password, confirmation);
        if (refusal != null) {
            return ResponseEntity.badRequest().contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
                    .body(form(request, "<p class=\"error\" role=\"alert\">" + refusal + "</p>"));
        }
        users.changePassword(signedIn.getName(), passwords.encode(password));
        session.removeAttribute(PENDING);
        SavedRequest resumed = requests.getRequest(request, response);
        requests.removeRequest(request, response);
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(resumed == null ? console : URI.create(resumed.getRedirectUrl())).build();
    }

    private String refusal(String username, String password, String confirmation) {
        if (password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            return "新密码须为 " + MIN_LENGTH + " 至 " + MAX_LENGTH + " 个字符。";
        }
        if (!password.equals(confirmation)) {
            return "两次输入的新密码不一致。";
        }
        String current = users.find(username).map(UserAccount::passwordHash).orElse(null);
        if (current != null && passwords.matches(password, current)) {
            return "新密码不能与管理员设置的初始密码相同。";
        }
        return null;
    }

    private static String form(HttpServletRequest request, String message) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return LoginPage.page("设置新密码", message + """
                <form method="post" action="/password">
                  <label for="password">新密码（%d 至 %d 个字符）</label>
                  <input id="password" name="password" type="password" autocomplete="new-password" minlength="%d" required autofocus>
                  <label for="confirmation">再次输入新密码</label>
                  <input id="confirmation" name="confirmation" type="password" autocomplete="new-password" required>
                  <input type="hidden" name="%s" value="%s">
                  <button type="submit">保存并继续</button>
                </form>
                """.formatted(MIN_LENGTH, MAX_LENGTH, MIN_LENGTH, HtmlUtils.htmlEscape(csrf.getParameterName()),
                HtmlUtils.htmlEscape(csrf.getToken())));
    }

    /** Until the password is changed, the session reaches nothing but {@code /password}, signing out and errors. */
    static final class Pending extends OncePerRequestFilter {

        private static final Set<String> OPEN = Set.of("/password", "/login", "/logout", "/connect/logout", "/error");

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            HttpSession session = request.getSession(false);
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (session != null && session.getAttribute(PENDING) != null && !OPEN.contains(path) && !path.startsWith("/actuator/")) {
                response.sendRedirect(request.getContextPath() + "/password");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
