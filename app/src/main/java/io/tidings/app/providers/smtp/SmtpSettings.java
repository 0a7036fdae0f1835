package io.tidings.app.providers.smtp;

import java.util.Objects;

/**
 * The mail server Tidings sends email through ({@code tidings.smtp.*}).
 *
 * @param host     the SMTP server
 * @param port     its submission port
 * @param username the login, or null when the server needs none
 * @param password the password; a secret, never printed
 * @param from     the sender address
 * @param startTls true to require STARTTLS before logging in
 */
record SmtpSettings(String host, int port, String username, String password, String from, boolean startTls) {

    SmtpSettings {
        Objects.requireNonNull(host, "tidings.smtp.host");
        Objects.requireNonNull(from, "tidings.smtp.from");
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", username=" + username + ", password=***, from="
                + from + ", startTls=" + startTls + "]";
    }
}
