package org.gridgov.identity.user;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in page, in zh-CN: plain HTML and CSS, labelled fields, the error as text that screen
 * readers announce ({@code role="alert"}).
 */
@Controller
class LoginPage {

    static final String WRONG_PASSWORD = "用户名或密码错误";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    @ResponseBody
    String login(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String message = message(request);
        return page("网格治理平台 登录", message + """
                <form method="post" action="/login">
                  <label for="username">用户名</label>
                  <input id="username" name="username" type="text" autocomplete="username" required autofocus>
                  <label for="password">密码</label>
                  <input id="password" name="password" type="password" autocomplete="current-password" required>
                  <input type="hidden" name="%s" value="%s">
                  <button type="submit">登录</button>
                </form>
                """.formatted(HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken())));
    }

    /** A page of the sign-in's look: {@code heading} over {@code content} (HTML, escaped by the caller). */
    static String page(String heading, String content) {
        return """
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · 网格治理平台</title>
                <style>
                  body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; background: #f5f7fa;
                         color: #1f2933; margin: 0; display: flex; min-height: 100vh; align-items: center; justify-content: center; }
                  main { background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 2px 12px rgba(0,0,0,.1);
                         width: 100%%; max-width: 22rem; box-sizing: border-box; }
                  h1 { font-size: 1.4rem; margin: 0 0 1.5rem; color: #b71c1c; }
                  label { display: block; margin: 1rem 0 .3rem; font-weight: 600; }
                  input { width: 100%%; box-sizing: border-box; padding: .6rem; font-size: 1rem; border: 1px solid #7b8794; border-radius: 4px; }
                  input:focus, button:focus { outline: 3px solid #1565c0; outline-offset: 1px; }
                  button { margin-top: 1.5rem; width: 100%%; padding: .7rem; font-size: 1rem; color: #fff; background: #b71c1c;
                           border: 0; border-radius: 4px; cursor: pointer; }
                  .error { color: #8e0000; background: #fdecea; padding: .6rem; border-radius: 4px; margin: 0 0 1rem; }
                  .info { color: #0b5394; background: #e8f0fe; padding: .6rem; border-radius: 4px; margin: 0 0 1rem; }
                </style>
                </head>
                <body>
                <main>
                <h1>%s</h1>
                %s
                </main>
                </body>
                </html>
                """.formatted(HtmlUtils.htmlEscape(heading), HtmlUtils.htmlEscape(heading), content);
    }

    private static String message(HttpServletRequest request) {
        if (request.getParameter("logout") != null) {
            return "<p class=\"info\" role=\"status\">您已退出登录。</p>";
        }
        if (request.getParameter("locked") != null) {
            HttpSession session = request.getSession(false);
            Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            if (failure instanceof AccountLockedException locked) {
                return "<p class=\"error\" role=\"alert\">账户因多次密码错误已被锁定，请于 "
                        + UNTIL.format(locked.until().atZone(CHINA)) + "（北京时间）后再试。</p>";
            }
            return "<p class=\"error\" role=\"alert\">账户已被锁定，请稍后再试。</p>";
        }
        if (request.getParameter("locked-by-admin") != null) {
            return "<p class=\"error\" role=\"alert\">账户已被管理员锁定，请联系管理员解锁。</p>";
        }
        if (request.getParameter("disabled") != null) {
            return "<p class=\"error\" role=\"alert\">账户已停用，请联系管理员。</p>";
        }
        if (request.getParameter("error") != null) {
            return "<p class=\"error\" role=\"alert\">" + WRONG_PASSWORD + "</p>";
        }
        return "";
    }

    /** Where a failed sign-in goes: the page again, with the reason. */
    static String failureUrl(AuthenticationException failure) {
        if (failure instanceof AccountLockedException) {
            return "/login?locked";
        }
        if (failure instanceof org.springframework.security.authentication.LockedException) {
            return "/login?locked-by-admin";
        }
        if (failure instanceof org.springframework.security.authentication.DisabledException) {
            return "/login?disabled";
        }
        return "/login?error";
    }
}
