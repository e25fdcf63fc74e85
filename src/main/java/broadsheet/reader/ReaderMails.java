package broadsheet.reader;

import broadsheet.mail.Mail;
import broadsheet.mail.Mailer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** What the site writes to readers, in plain text: each mail says why it came and what to do if it was not asked for. */
final class ReaderMails {
    private final Mailer mailer;
    private final String baseUrl;
    private final Supplier<String> siteName;

    ReaderMails(Mailer mailer, String baseUrl, Supplier<String> siteName) {
        this.mailer = mailer;
        this.baseUrl = baseUrl;
        this.siteName = siteName;
    }

    void verify(String to, String token, String next) {
        String link = link("/account/verify", token, next);
        send(to, "Confirm your email address", "Welcome to " + siteName.get() + ".\n\nTo confirm this address, open this link:\n" + link
                + "\n\nIt works for two days. If you did not sign up, ignore this mail: nothing happens without it.", link);
    }

    void alreadyRegistered(String to) {
        String link = baseUrl + "/account/signin";
        send(to, "You already have an account", "Someone (perhaps you) tried to sign up to " + siteName.get()
                + " with this address, which already has an account.\n\nSign in here: " + link
                + "\nForgot your password? " + baseUrl + "/account/forgot\n\nIf it was not you, you need do nothing.", link);
    }

    void signIn(String to, String token, String next) {
        String link = link("/account/link", token, next);
        send(to, "Your sign-in link", "To sign in to " + siteName.get() + ", open this link:\n" + link
                + "\n\nIt works once, for 20 minutes. If you did not ask for it, ignore this mail.", link);
    }

    void reset(String to, String token) {
        String link = link("/account/reset", token, null);
        send(to, "Reset your password", "To choose a new password for " + siteName.get() + ", open this link:\n" + link
                + "\n\nIt works once, for an hour. If you did not ask for it, ignore this mail: your password stays as it is.", link);
    }

    void confirmNewEmail(String to, String token) {
        String link = link("/account/email/confirm", token, null);
        send(to, "Confirm your new email address", "To use this address for your account at " + siteName.get() + ", open this link:\n"
                + link + "\n\nIt works for two days. If you did not ask for it, ignore this mail.", link);
    }

    void emailChangeRequested(String to, String newEmail) {
        send(to, "Your email address is being changed", "Someone signed in to your account at " + siteName.get()
                + " asked to move it to " + newEmail + ". It moves when that address confirms it.\n\nIf it was not you, sign in and change your "
                + "password: " + baseUrl + "/account/signin", null);
    }

    private void send(String to, String subject, String text, String link) {
        mailer.send(Mail.text(to, subject + " - " + siteName.get(), text + "\n\n" + siteName.get() + "\n" + baseUrl + "\n", link));
    }

    private String link(String path, String token, String next) {
        String link = baseUrl + path + "?token=" + token;
        return next == null || next.equals("/") ? link : link + "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }
}
