package org.homelink.engagement.messages.channels;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.homelink.engagement.messages.delivery.Channel;
import org.homelink.engagement.messages.delivery.DeliveryRoute;
import org.homelink.engagement.messages.delivery.Handover;
import org.homelink.engagement.messages.delivery.Outgoing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.web.util.HtmlUtils;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Messages by email, over SMTP. Each carries its delivery id in its {@code Message-ID} and in
 * {@code X-Homelink-Delivery}, so that a bounce, which quotes the message it bounces, can be matched to its copy.
 * <p>
 * An SMTP server says in its reply code whether to try again: 4xx is "not now" (a full mailbox, greylisting, a rate
 * limit), 5xx is "never" (no such user, a refused domain). A server that is down, slow or refuses the connection is
 * "not now" too; the connect, read and write timeouts ({@code spring.mail.properties.mail.smtp.*}) keep a dead
 * server from holding the dispatcher.
 */
public class EmailChannel implements Channel {

    /** Read in a bounce to find the copy it is about; the Message-ID says the same for servers that drop it. */
    public static final String DELIVERY_HEADER = "X-Homelink-Delivery";

    private static final Logger log = LoggerFactory.getLogger(EmailChannel.class);

    /** Only builds messages: the sender's own session, with its host and timeouts, sends them. */
    private static final Session COMPOSING = Session.getInstance(new Properties());

    private final JavaMailSender mail;
    private final EmailSettings settings;

    EmailChannel(JavaMailSender mail, EmailSettings settings) {
        if (settings.from() == null || settings.from().isBlank()) {
            throw new IllegalStateException("homelink.engagement.messages.email.from must be set to send messages by email");
        }
        this.mail = mail;
        this.settings = settings;
    }

    @Override
    public DeliveryRoute route() {
        return DeliveryRoute.EMAIL;
    }

    @Override
    public Handover hand(Outgoing outgoing) {
        if (outgoing.address() == null || outgoing.address().isBlank()) {
            return new Handover.Undeliverable("not an email address");
        }
        InternetAddress to;
        try {
            to = new InternetAddress(outgoing.address(), true);
            to.validate();
        } catch (AddressException | IllegalArgumentException e) {
            return new Handover.Undeliverable("not an email address");
        }
        try {
            mail.send(message(outgoing, to));
            return new Handover.Accepted(null, false);
        } catch (MessagingException | RuntimeException e) {
            Handover handover = handoverFor(e);
            log.info("Email {} not handed over: {}", outgoing.deliveryId(), handover);
            return handover;
        }
    }

    private MimeMessage message(Outgoing outgoing, InternetAddress to) throws MessagingException {
        EmailSettings.Sender sender = settings.senderFor(outgoing.schoolUrn());
        MimeMessage message = new IdentifiedMessage(messageId(outgoing.deliveryId(), sender.address()));
        MimeMessageHelper email = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                                                        StandardCharsets.UTF_8.name());
        try {
            email.setFrom(sender.address(), sender.name() == null ? "" : sender.name());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
        email.setTo(to);
        email.setSubject(outgoing.subject() == null ? "" : outgoing.subject());
        String body = outgoing.body() == null ? "" : outgoing.body();
        email.setText(body, html(body, outgoing.language()));
        message.setHeader(DELIVERY_HEADER, outgoing.deliveryId());
        if (outgoing.language() != null && !outgoing.language().isBlank()) {
            message.setHeader("Content-Language", outgoing.language());
        }
        return message;
    }

    /** The plain text as paragraphs, escaped: the text is staff's, never markup. */
    private static String html(String text, String language) {
        String paragraphs = Arrays.stream(text.split("\\R{2,}"))
                                  .map(paragraph -> "<p>" + HtmlUtils.htmlEscape(paragraph.strip(), "UTF-8")
                                                                     .replaceAll("\\R", "<br>\n") + "</p>")
                                  .collect(Collectors.joining("\n"));
        String lang = language == null || language.isBlank() ? ""
                : " lang=\"" + HtmlUtils.htmlEscape(language, "UTF-8") + "\"";
        return "<!DOCTYPE html>\n<html" + lang + "><head><meta charset=\"utf-8\"></head>\n<body>\n" + paragraphs
               + "\n</body></html>\n";
    }

    private static String messageId(String deliveryId, String from) {
        String domain = from.substring(from.lastIndexOf('@') + 1);
        return "<" + deliveryId + "@" + domain + ">";
    }

    /**
     * The SMTP reply code, wherever in the chain JavaMail put it: on the failed recipient (RCPT), the sender (MAIL)
     * or the message (DATA). Without one, nothing was refused: the server was not reached or did not answer.
     */
    private static Handover handoverFor(Exception failure) {
        Optional<Integer> code = causes(failure).map(EmailChannel::replyCode).flatMap(Optional::stream).findFirst();
        if (code.isEmpty()) {
            return new Handover.TryLater("SMTP server not reached: " + failure.getClass().getSimpleName());
        }
        int reply = code.get();
        return reply >= 500 ? new Handover.Undeliverable("SMTP " + reply)
                : new Handover.TryLater("SMTP " + reply);
    }

    private static Optional<Integer> replyCode(Throwable cause) {
        int code = -1;
        if (cause instanceof SMTPAddressFailedException address) {
            code = address.getReturnCode();
        } else if (cause instanceof SMTPSenderFailedException sender) {
            code = sender.getReturnCode();
        } else if (cause instanceof SMTPSendFailedException send) {
            code = send.getReturnCode();
        }
        return code >= 400 && code < 600 ? Optional.of(code) : Optional.empty();
    }

    /** Causes, and JavaMail's chain of next exceptions beside them, failed recipients first. */
    private static Stream<Throwable> causes(Throwable failure) {
        if (failure == null) {
            return Stream.empty();
        }
        Stream<Throwable> own = Stream.of(failure);
        if (failure instanceof MailSendException send) {
            own = Stream.concat(send.getFailedMessages().values().stream().flatMap(EmailChannel::causes), own);
        }
        Throwable next = failure instanceof MessagingException messaging ? messaging.getNextException() : null;
        Throwable cause = failure.getCause() == next ? null : failure.getCause();
        return Stream.concat(own, Stream.concat(causes(next), causes(cause)));
    }

    /** JavaMail writes a Message-ID of its own when it sends; this one keeps the delivery's. */
    private static final class IdentifiedMessage extends MimeMessage {

        private final String messageId;

        IdentifiedMessage(String messageId) {
            super(COMPOSING);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
