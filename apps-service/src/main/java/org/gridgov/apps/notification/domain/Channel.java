package org.gridgov.apps.notification.domain;

/** Where a notice is sent: the in-app inbox (always), a text message, a WeChat subscription message. */
public enum Channel {
    INBOX, SMS, WECHAT
}
